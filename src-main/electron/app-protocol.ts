// The desktop app's own origin, app://leanmap/: which file of the built renderer a
// request names, or why it is refused. Pure (no Electron, no disk), so every
// traversal trick is unit-tested; app-protocol-electron.ts wires it to protocol.handle.
import { isAbsolute, join, relative } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'leanmap';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** What the built renderer holds; any other kind of file is not served. */
export const APP_MIME_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
};

export type AppRequestResult =
  | { status: 200; file: string; mimeType: string }
  | { status: 400 | 403 | 404 | 405; reason: string };

const MAX_URL_LENGTH = 2048;
/** One path segment as Vite names files: no leading dot (so no "..", no hidden files). */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._~@+-]*$/;
/** Encoded dots, slashes, backslashes and NUL have no place in a URL of the app's own files. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_RAW = /\\|\u0000|%00|%2e|%2f|%5c/i;

const refuse = (status: 400 | 403 | 404 | 405, reason: string): AppRequestResult => ({ status, reason });

/**
 * Maps a request for app://leanmap/<path> to a file inside rendererRoot.
 * 403 for anything that tries to leave the folder or names another host; 404 for
 * what is simply not one of the app's files; 405 for anything but GET and HEAD.
 */
export function resolveAppRequest(url: string, rendererRoot: string, method = 'GET'): AppRequestResult {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'only GET and HEAD');
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return refuse(400, 'not a usable URL');
  if (FORBIDDEN_RAW.test(url)) return refuse(403, 'encoded dots, slashes, backslashes or NUL');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) {
    return refuse(403, 'another scheme or host');
  }
  // The raw path, before URL parsing quietly resolves "a/../b".
  const prefix = `${APP_ORIGIN}/`;
  if (!url.toLowerCase().startsWith(prefix)) return refuse(403, 'not the app origin');
  const rawPath = url.slice(prefix.length).split(/[?#]/, 1)[0]!;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refuse(400, 'badly encoded path');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000:]/.test(path) || path.startsWith('/')) return refuse(403, 'absolute path, drive or backslash');
  const segments = path === '' ? ['index.html'] : path.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return refuse(403, 'leaves the app folder');
  if (segments.some((s) => !SAFE_SEGMENT.test(s))) return refuse(404, 'not a file name of the app');
  const extension = segments[segments.length - 1]!.split('.').pop()!.toLowerCase();
  const mimeType = APP_MIME_TYPES[extension];
  if (!mimeType || !segments[segments.length - 1]!.includes('.')) return refuse(404, 'not a kind of file the app serves');
  const file = join(rendererRoot, ...segments);
  // Belt and braces: whatever the checks above missed, the file must lie inside the root.
  const inside = relative(rendererRoot, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return refuse(403, 'leaves the app folder');
  return { status: 200, file, mimeType };
}

/** Headers of every file the app serves: the page's CSP and no content sniffing. */
export function appResponseHeaders(mimeType: string, contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}
