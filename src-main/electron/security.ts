// Hardening for every web page Electron creates: the CSP as a response header,
// no navigation away from the app, no new windows, no webviews, no permissions.
// The rules themselves are pure and tested in window-options.ts.
import { app, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security-policy';
import { contentSecurityPolicyHeader, isAllowedNavigation, isSafeExternalUrl } from './window-options';

/**
 * Adds the CSP header to the app's responses and refuses every permission request.
 * The app:// handler sets the same header itself (custom protocols do not always pass
 * through webRequest), and index.html carries the policy as a meta tag as well.
 */
export function hardenSession(session: Session): void {
  const csp = contentSecurityPolicyHeader(CONTENT_SECURITY_POLICY);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  // Leanmap needs no camera, microphone, location, notifications, HID, serial...
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // ...except writing to the clipboard (copy a stage), which Chromium checks, not requests.
  session.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
}

/** Opens a link in the system browser, only when isSafeExternalUrl accepts it (the one place that calls shell.openExternal). */
export function openExternally(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.error('Leanmap: could not open a link', error));
}

/** Applies to every WebContents, including any a bug or an attacker might create. */
export function hardenWebContents(contents: WebContents, appUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, appUrl())) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, before the first window exists. */
export function installAppSecurity(appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));
}
