// Every Leanmap window is made here, from the pure, tested options in window-options.ts:
// the main window and the audience window for the projector, and no other. Each shows
// once painted so the facilitator never sees a white flash on the projector.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { audienceWindowOptions, secureWindowOptions, type AudienceWindowPlacement } from './window-options';

/**
 * The one `new BrowserWindow` of the app. Not exported: its callers below pass only
 * secureWindowOptions() or audienceWindowOptions(), which the unit tests pin down.
 */
function hardenedWindow(options: BrowserWindowConstructorOptions, url: string): BrowserWindow {
  const window = new BrowserWindow(options);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, failedUrl, isMainFrame) => {
    if (isMainFrame) console.error(`Leanmap: could not load ${failedUrl} (${code} ${description})`);
  });
  void window.loadURL(url);
  return window;
}

export function createMainWindow(preloadPath: string, appUrl: string): BrowserWindow {
  return hardenedWindow(secureWindowOptions(preloadPath), appUrl);
}

/** The audience view on the display chosen for it; no menu bar in front of the room. */
export function createAudienceWindow(preloadPath: string, placement: AudienceWindowPlacement, audienceUrl: string): BrowserWindow {
  const window = hardenedWindow(audienceWindowOptions(preloadPath, placement), audienceUrl);
  window.setMenuBarVisibility(false);
  return window;
}
