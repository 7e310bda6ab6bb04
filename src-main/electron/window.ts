// Creates the main window with the secure defaults and loads the app page; shows
// it once painted so the facilitator never sees a white flash on the projector.
import { BrowserWindow } from 'electron';
import { secureWindowOptions } from './window-options';

export function createMainWindow(preloadPath: string, appUrl: string): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) console.error(`Leanmap: could not load ${url} (${code} ${description})`);
  });
  void window.loadURL(appUrl);
  return window;
}
