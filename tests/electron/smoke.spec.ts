// The desktop app starts, keeps the page isolated from Node, and answers an API
// call over IPC: the parts of Leanmap that only exist inside Electron. One test
// with steps, since each launch of Electron costs seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import type {} from '../../src-shared/api/bridge';
import { electronSkipReason, findElectronBinary } from './electron-binary';

const root = resolve(__dirname, '../..');
const binary = findElectronBinary(root);
const skipReason = electronSkipReason(binary);

test.skip(skipReason !== undefined, skipReason);

let app: ElectronApplication | undefined;
let dataDir: string | undefined;

test.afterEach(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the desktop app opens a secure window and answers over IPC', async () => {
  if (!('path' in binary)) return;
  const folder = mkdtempSync(join(tmpdir(), 'leanmap-electron-'));
  dataDir = folder;
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL'),
  );
  const launched = await electron.launch({
    executablePath: binary.path,
    // Chromium refuses to start as root with its OS sandbox; the page sandbox stays on.
    args: [root, '--data-dir', folder, ...(runningAsRoot ? ['--no-sandbox'] : [])],
    env,
  });
  app = launched;
  let output = '';
  const child = launched.process();
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A backend that cannot start shows a dialog and exits; fail with its words, not a timeout.
  const startupFailure = new Promise<never>((_resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Leanmap cannot start')) reject(new Error(output));
    });
  });
  const page = await Promise.race([launched.firstWindow(), startupFailure]);
  await page.waitForLoadState('domcontentloaded');

  await test.step('one window shows the built app', async () => {
    expect(launched.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/leanmap\/index\.html/);
    await expect(page).toHaveTitle(/Leanmap/);
  });

  await test.step('the page has no Node and only the bridge', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
      bridge: window.leanmap ? Object.keys(window.leanmap).sort() : null,
      platform: window.leanmap?.platform,
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      // contextBridge works only with contextIsolation, so a bridge proves it is on.
      bridge: ['invoke', 'platform', 'saveFile'],
      platform: process.platform,
    });
  });

  await test.step('the window runs with the secure web preferences', async () => {
    const prefs = await launched.evaluate(({ BrowserWindow }) => {
      // Undocumented but long-standing; the unit test covers the options themselves.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown>;
      };
      return contents?.getLastWebPreferences?.() ?? null;
    });
    if (prefs !== null) {
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    }
  });

  await test.step('app.info answers over IPC with the temp data folder', async () => {
    const result = await page.evaluate(() => window.leanmap!.invoke('app.info', {}));
    expect(result).toMatchObject({ ok: true, value: { name: 'Leanmap', dataDir: folder } });
  });

  await test.step('an unknown method is refused as data, not a crash', async () => {
    const result = await page.evaluate(() => window.leanmap!.invoke('no.such.method', {}));
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  await test.step('the window stays on its page when asked to navigate or open another', async () => {
    const before = page.url();
    const popupRefused = await page.evaluate(() => {
      const popup = window.open('file:///etc/hostname');
      window.location.href = 'file:///etc/hostname';
      return popup === null;
    });
    await page.waitForTimeout(500);
    expect(popupRefused).toBe(true);
    expect(page.url()).toBe(before);
    expect(launched.windows()).toHaveLength(1);
  });
});
