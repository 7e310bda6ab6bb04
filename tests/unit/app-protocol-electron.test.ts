// The Electron glue of app://leanmap/, driven through a stand-in for Electron's
// protocol API (its binary cannot run here): the scheme is registered privileged, and
// the handler answers real files of a renderer folder with the CSP, refusing the rest.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const registered: unknown[] = [];
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes) },
}));

const { registerAppScheme, serveAppProtocol } = await import('../../src-main/electron/app-protocol-electron');
const { CONTENT_SECURITY_POLICY } = await import('../../src-main/security-policy');

type Handler = (request: Request) => Promise<Response>;

let root: string;
let handler: Handler;
let scheme: string | undefined;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'leanmap-app-protocol-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Leanmap</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.json'), '{"secret":true}');
  const session = {
    protocol: {
      handle: (name: string, h: Handler) => {
        scheme = name;
        handler = h;
      },
    },
  };
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  serveAppProtocol(session as never, join(root, 'renderer'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app scheme', () => {
  it('is registered as a standard, secure origin (so CSP \'self\' is the app) before the app is ready', () => {
    registerAppScheme();
    expect(registered).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(registered[0]).not.toHaveProperty('privileges.bypassCSP');
    expect(registered[0]).not.toHaveProperty('privileges.allowServiceWorkers');
  });
});

describe('the app:// handler', () => {
  it('is installed for the app scheme', () => {
    expect(scheme).toBe('app');
  });

  it('answers the page and its scripts with their type, the CSP and no sniffing', async () => {
    const page = await get('app://leanmap/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Leanmap</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await get('app://leanmap/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('refuses a file beside the renderer folder, however it is named', async () => {
    for (const url of ['app://leanmap/..%2fsecret.json', 'app://leanmap/..%5csecret.json', 'app://other/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).toBe('');
    }
    // "../" and "%2e%2e/" are resolved by URL parsing before the handler sees them: still inside.
    for (const url of ['app://leanmap/assets/../../secret.json', 'app://leanmap/%2e%2e/secret.json']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('');
    }
  });

  it('answers 404 for a file that is not there and 405 for a POST', async () => {
    expect((await get('app://leanmap/assets/missing.js')).status).toBe(404);
    expect((await get('app://leanmap/index.html', 'POST')).status).toBe(405);
  });
});
