// app://leanmap/ serves the built renderer and nothing else: every way of naming a
// file outside its folder, another host, or something that is not an app file is refused.
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, appResponseHeaders, resolveAppRequest } from '../../src-main/electron/app-protocol';

const ROOT = join('/opt', 'Leanmap', 'resources', 'app.asar', 'out', 'renderer');

const statusOf = (url: string, method?: string) => resolveAppRequest(url, ROOT, method).status;

describe('app://leanmap/', () => {
  it('serves the page and its assets from the renderer folder, with their types', () => {
    expect(resolveAppRequest(APP_INDEX_URL, ROOT)).toEqual({ status: 200, file: join(ROOT, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest(`${APP_ORIGIN}/`, ROOT)).toMatchObject({ status: 200, file: join(ROOT, 'index.html') });
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/index-B2x_Yz-9.js`, ROOT)).toEqual({
      status: 200,
      file: join(ROOT, 'assets', 'index-B2x_Yz-9.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest(`${APP_ORIGIN}/assets/NotoSans-Regular.woff2`, ROOT)).toMatchObject({ status: 200, mimeType: 'font/woff2' });
    expect(resolveAppRequest(`${APP_ORIGIN}/index.html?x=1#/workshop/abc`, ROOT)).toMatchObject({ status: 200, file: join(ROOT, 'index.html') });
    expect(statusOf(`${APP_ORIGIN}/index.html`, 'HEAD')).toBe(200);
  });

  it.each([
    ['a parent folder', 'app://leanmap/../../etc/passwd'],
    ['a parent folder inside the path', 'app://leanmap/assets/../../../etc/passwd'],
    ['a dot segment', 'app://leanmap/./index.html'],
    ['encoded dots', 'app://leanmap/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dots', 'app://leanmap/%2E%2E/secret.json'],
    ['half-encoded dots', 'app://leanmap/.%2e/secret.json'],
    ['an encoded slash', 'app://leanmap/..%2f..%2fetc%2fpasswd'],
    ['a backslash', 'app://leanmap/..\\..\\windows\\win.ini'],
    ['an encoded backslash', 'app://leanmap/..%5c..%5cwindows%5cwin.ini'],
    ['an absolute path', 'app://leanmap//etc/passwd'],
    ['an encoded absolute path', 'app://leanmap/%2fetc%2fpasswd'],
    ['a drive letter', 'app://leanmap/C:/Windows/win.ini'],
    ['a NUL byte', 'app://leanmap/index.html%00.png'],
    ['a raw NUL byte', 'app://leanmap/index.html\u0000.png'],
    ['another host', 'app://evil/index.html'],
    ['a host with a port', 'app://leanmap:8080/index.html'],
    ['credentials', 'app://user:secret@leanmap/index.html'],
    ['another scheme', 'file:///opt/Leanmap/resources/app.asar/out/renderer/index.html'],
    ['the web', 'https://leanmap/index.html'],
  ])('refuses %s with 403', (_what, url) => {
    expect(statusOf(url)).toBe(403);
  });

  it.each([
    ['a hidden file', 'app://leanmap/.env'],
    ['a file type the app does not serve', 'app://leanmap/leanmap.db'],
    ['a name without an extension', 'app://leanmap/assets/index'],
    ['a source map', 'app://leanmap/assets/index.js.map'],
    ['a name with spaces', 'app://leanmap/my%20file.html'],
  ])('answers %s with 404', (_what, url) => {
    expect(statusOf(url)).toBe(404);
  });

  it('refuses garbage and methods other than GET and HEAD', () => {
    expect(statusOf('not a url')).toBe(400);
    expect(statusOf(`${APP_ORIGIN}/${'a'.repeat(3000)}.js`)).toBe(400);
    expect(statusOf(`${APP_ORIGIN}/%E0%A4%A.js`)).toBe(400);
    expect(statusOf(APP_INDEX_URL, 'POST')).toBe(405);
    expect(statusOf(APP_INDEX_URL, 'PUT')).toBe(405);
  });

  it('never answers with a file outside the renderer folder, whatever the path (property)', () => {
    const piece = fc.constantFrom('..', '.', '%2e', '%2E', '%2f', '%5c', '\\', '/', '%00', 'etc', 'passwd', 'index.html', 'assets', 'a.js', ':', 'C:', '%', '~', '@', '..%2f');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const result = resolveAppRequest(`${APP_ORIGIN}/${pieces.join('')}`, ROOT);
        if (result.status === 200) {
          const inside = relative(ROOT, result.file);
          expect(inside.split(sep)).not.toContain('..');
          expect(isAbsolute(inside) || inside === '').toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const built = resolve(__dirname, '../../out/renderer');
  it.skipIf(!existsSync(join(built, 'index.html')))('serves every file the renderer build writes (after electron-vite build)', () => {
    const files = readdirSync(built, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(built, join(entry.parentPath, entry.name)).split(sep).join('/'));
    expect(files).toContain('index.html');
    for (const file of files) expect(resolveAppRequest(`${APP_ORIGIN}/${file}`, built), file).toMatchObject({ status: 200, file: join(built, file) });
  });

  it('sends the page policy and no sniffing with every file', () => {
    expect(appResponseHeaders('text/html; charset=utf-8', "default-src 'self'")).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
