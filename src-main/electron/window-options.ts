// Secure defaults for every Leanmap window, as one pure function so a test can
// prove them: isolated, sandboxed, no Node in the page, no webviews.
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_SCHEME } from './app-protocol';

export { CONTENT_SECURITY_POLICY } from '../security-policy';

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Leanmap',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/** Where the audience window goes (chooseAudienceDisplay's answer, as far as the window needs it). */
export interface AudienceWindowPlacement {
  bounds: { x: number; y: number; width: number; height: number };
  fullscreen: boolean;
}

/**
 * The audience window for the projector: the main window's hardened defaults, placed
 * by chooseAudienceDisplay, no menu bar and no spellcheck underlines in front of the
 * room. Only the placement's four numbers and its full-screen flag are taken, so
 * nothing else a caller passes can reach the window's options.
 */
export function audienceWindowOptions(preloadPath: string, placement: AudienceWindowPlacement): BrowserWindowConstructorOptions {
  const base = secureWindowOptions(preloadPath);
  const { x, y, width, height } = placement.bounds;
  return {
    ...base,
    x,
    y,
    width,
    height,
    minWidth: 480,
    minHeight: 320,
    fullscreen: placement.fullscreen === true,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    title: 'Leanmap — audience',
    webPreferences: { ...base.webPreferences, spellcheck: false },
  };
}

/** The audience page of a workshop: the app page with its audience route. */
export function audiencePageUrl(appUrl: string, workshopId: string): string {
  const url = new URL(appUrl);
  url.hash = `#/audience/${encodeURIComponent(workshopId)}`;
  return url.href;
}

/**
 * Only the app's own page may load; everything else is refused. The packaged app
 * lives at app://leanmap/index.html (any hash route); the dev server is one origin.
 * file:// never is: Leanmap does not load from it, and its fuse privileges are off.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === `${APP_SCHEME}:`) {
      return (
        target.protocol === app.protocol &&
        target.host === app.host &&
        target.pathname === app.pathname &&
        !target.username &&
        !target.password
      );
    }
    if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
    return false;
  } catch {
    return false;
  }
}

/**
 * Links the page asks to open go to the system browser only when they are plain
 * http(s) addresses: no file:, javascript:, custom schemes or embedded passwords.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  try {
    const target = new URL(url);
    return (target.protocol === 'https:' || target.protocol === 'http:') && target.hostname !== '' && !target.username && !target.password;
  } catch {
    return false;
  }
}

/** The page every Leanmap window shows: the dev server in development, else the built page on app://leanmap. */
export function appPageUrl(devServerUrl: string | undefined, builtPageUrl: string): string {
  if (devServerUrl) {
    try {
      const url = new URL(devServerUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Fall through to the built renderer.
    }
  }
  return builtPageUrl;
}

/** The CSP header for the app's responses; frame-ancestors only works as a header. */
export function contentSecurityPolicyHeader(policy: string): string {
  return `${policy}; frame-ancestors 'none'`;
}
