// Electron main process, the desktop composition root: one instance per data
// folder, the backend on leanmap.db, one hardened window talking over IPC.
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBackend, type Backend } from './backend';
import { EXPORT_WARM_UP_AFTER_MS } from './export/export-runner';
import { dataDirFromArgs } from './data-dir';
import { DatabaseError } from './db/database-error';
import { APP_INDEX_URL } from './electron/app-protocol';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol-electron';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { secondInstanceNotice } from './electron/second-instance';
import { registerIpc } from './electron/ipc';
import { installMenu } from './electron/menu';
import { hardenSession, installAppSecurity, openExternally } from './electron/security';
import { createMainWindow } from './electron/window';
import { audienceWindows } from './electron/audience-window';
import { appPageUrl } from './electron/window-options';

// --data-dir / LEANMAP_DATA_DIR become Electron's userData folder, so Chromium's own
// files sit beside leanmap.db and the single-instance lock is per data folder.
const explicitDataDir = dataDirFromArgs(process.argv) ?? (process.env.LEANMAP_DATA_DIR || undefined);
if (explicitDataDir) app.setPath('userData', resolve(explicitDataDir));
const dataDir = app.getPath('userData');

// Only an unpackaged app follows electron-vite's dev server; a packaged one must
// not be pointed at another page by an environment variable.
// The built renderer is served from the privileged app://leanmap origin, never file://.
const appUrl = appPageUrl(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL, APP_INDEX_URL);
const rendererRoot = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.js');

/** better_sqlite3.node built for Electron's ABI (npm run electron:native), if there is one. */
function electronNativeBinding(): string | undefined {
  const file = app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

function reportStartupFailure(error: unknown): void {
  console.error('Leanmap cannot start:', error);
  if (error instanceof DatabaseError) {
    const wrongBuild = /NODE_MODULE_VERSION|was compiled against a different/.test(error.message);
    const hint =
      wrongBuild && !app.isPackaged
        ? '\n\nThe database driver was built for Node, not Electron. Run "npm run electron:native" and start Leanmap again.'
        : '';
    dialog.showErrorBox('Leanmap cannot open its database', error.message + hint);
  } else {
    dialog.showErrorBox('Leanmap cannot start', error instanceof Error ? error.message : String(error));
  }
}

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;
let folderLock: FolderLock | undefined;

/**
 * Electron's single-instance lock covers other desktop windows on this folder; the
 * folder lock also covers a browser host started on it. Says who holds it otherwise.
 */
async function lockDataFolder(): Promise<boolean> {
  mkdirSync(dataDir, { recursive: true });
  const locked = acquireFolderLock(dataDir, { kind: 'desktop' });
  if (locked.ok) {
    folderLock = locked.lock;
    return true;
  }
  const notice = secondInstanceNotice(locked.holder, dataDir);
  console.error(notice.detail);
  const choice = dialog.showMessageBoxSync({
    type: 'info',
    title: notice.title,
    message: notice.message,
    detail: notice.detail,
    buttons: notice.buttons,
    defaultId: 0,
    cancelId: notice.buttons.length - 1,
  });
  if (choice === 0 && notice.openUrl) openExternally(notice.openUrl);
  return false;
}

function openMainWindow(): void {
  mainWindow = createMainWindow(preloadPath, appUrl);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  if (!(await lockDataFolder())) {
    app.exit(0);
    return;
  }
  serveAppProtocol(session.defaultSession, rendererRoot);
  try {
    const nativeBinding = electronNativeBinding();
    backend = await createBackend({ dataDir, exportWorker: { warmUpAfterMs: EXPORT_WARM_UP_AFTER_MS }, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    reportStartupFailure(error);
    folderLock?.release();
    app.exit(1);
    return;
  }
  const audience = audienceWindows(preloadPath, () => appUrl);
  registerIpc({ dispatch: backend.dispatch, appUrl: () => appUrl, events: backend.events, openAudience: (id, from) => audience.open(id, from) });
  app.on('before-quit', () => audience.close());
  installMenu({ developerTools: !app.isPackaged });
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Leanmap already runs on this data folder; that instance comes to the front.
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  installAppSecurity(() => appUrl);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    backend?.close();
    folderLock?.release();
  });
  start().catch((error: unknown) => {
    reportStartupFailure(error);
    app.exit(1);
  });
}
