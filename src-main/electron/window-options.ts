// Secure defaults for every Leanmap window, as one pure function so a test can
// prove them: isolated, sandboxed, no Node in the page, no webviews.
import type { BrowserWindowConstructorOptions } from 'electron';

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

/** Only the app's own page may load; everything else is refused. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
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

/** The page every Leanmap window shows: the dev server in development, else the built file. */
export function appPageUrl(devServerUrl: string | undefined, rendererIndexFileUrl: string): string {
  if (devServerUrl) {
    try {
      const url = new URL(devServerUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Fall through to the built renderer.
    }
  }
  return rendererIndexFileUrl;
}

/** The CSP header for the app's responses; frame-ancestors only works as a header. */
export function contentSecurityPolicyHeader(policy: string): string {
  return `${policy}; frame-ancestors 'none'`;
}
