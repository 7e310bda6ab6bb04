// The browser host on a real port with a real backend: it answers only Leanmap's
// own page on loopback, with the access key, and serves nothing outside the renderer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHttpHost, type HttpHost, type HttpHostOptions } from '../../src-main/server/http-host';
import { TOKEN_HEADER } from '../../src-main/server/guards';
import { aWorkshopMeta } from '../fixtures/factories';
import { useTempDirs } from '../fixtures/backend';

const TOKEN = 'test-access-key';
const SECRET = 'this file is outside the renderer folder';
const temp = useTempDirs();
let host: HttpHost;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Send {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** Written in pieces without a Content-Length (chunked transfer). */
  chunks?: Buffer[];
}

/** node:http rather than fetch: fetch may not set Host, and must not normalise the path. */
function send(options: Send): Promise<Reply> {
  return sendRaw(options).then((r) => ({ ...r, body: Buffer.concat(r.parts).toString('utf8') }));
}

/** The reply's bytes as they came (joining 100 MB is work of its own). */
function sendRaw({ method = 'GET', path, headers = {}, body, chunks }: Send): Promise<Omit<Reply, 'body'> & { parts: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, parts }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (chunks) {
      for (const c of chunks) req.write(c);
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** An API call as Leanmap's own page makes it. */
function api(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(apiRequest(method, input, headers));
}

function apiRequest(method: string, input: unknown, headers: Record<string, string> = {}): Send {
  const body = JSON.stringify(input);
  return {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      origin: `http://127.0.0.1:${host.port}`,
      'content-type': 'application/json',
      [TOKEN_HEADER]: TOKEN,
      'content-length': Buffer.byteLength(body),
      ...headers,
    },
    body,
  };
}

const errorCode = (reply: Reply) => (JSON.parse(reply.body) as { error: { code: string } }).error.code;

beforeEach(async () => {
  const root = temp.makeDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Leanmap</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("leanmap");');
  writeFileSync(join(root, 'package.json'), SECRET);
  const backend = await temp.openBackend(join(root, 'data'));
  host = await startHttpHost({ dispatch: backend.dispatch, rendererDir, token: TOKEN });
});

afterEach(async () => {
  await host.close();
});

describe('the browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect((host.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers a valid API call with the result of the operation', async () => {
    const created = await api('workshop.create', { meta: aWorkshopMeta({ title: 'Over HTTP' }), template: 'blank' });
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toContain('application/json');
    const listed = await api('workshop.list', {});
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: [{ title: 'Over HTTP' }] });
  });

  it('carries an API refusal as data, with status 200', async () => {
    const reply = await api('workshop.get', { id: 'missing' });
    expect(reply.status).toBe(200);
    expect(errorCode(reply)).toBe('NOT_FOUND');
  });

  it('accepts the localhost origin as well as 127.0.0.1', async () => {
    const reply = await api('app.info', {}, { origin: `http://localhost:${host.port}`, host: `localhost:${host.port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses an API call without the access key as unauthorised', async () => {
    const reply = await api('workshop.list', {}, { [TOKEN_HEADER]: '' });
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('UNAUTHORIZED');
  });

  it('refuses an API call with a wrong access key', async () => {
    const reply = await api('workshop.list', {}, { [TOKEN_HEADER]: 'old-key' });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('FORBIDDEN');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await api('workshop.list', {}, { host: `attacker.example:${host.port}` })).status).toBe(403);
    expect((await send({ path: '/', headers: { host: `attacker.example:${host.port}` } })).status).toBe(403);
    expect((await send({ path: '/', headers: { host: '127.0.0.1:1' } })).status).toBe(403);
  });

  it('refuses API calls without an Origin or from another page', async () => {
    const withoutOrigin = { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN };
    expect((await send({ method: 'POST', path: '/api/workshop.list', headers: withoutOrigin, body: '{}' })).status).toBe(403);
    expect((await api('workshop.list', {}, { origin: 'http://attacker.example' })).status).toBe(403);
    expect((await api('workshop.list', {}, { origin: 'null' })).status).toBe(403);
  });

  it('refuses API calls that are not JSON', async () => {
    const reply = await api('workshop.list', {}, { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
  });

  it('refuses a body that is not valid JSON', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/workshop.list',
      headers: { origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: '{"query":',
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('VALIDATION');
  });

  it('refuses a declared oversize body with 413 and keeps serving', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/workshop.importFile',
      headers: {
        origin: `http://127.0.0.1:${host.port}`,
        'content-type': 'application/json',
        [TOKEN_HEADER]: TOKEN,
        'content-length': MAX_BODY_BYTES + 1,
      },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
    });
    expect(reply.status).toBe(413);
    expect(errorCode(reply)).toBe('PAYLOAD_TOO_LARGE');
    expect((await api('app.info', {})).status).toBe(200);
  });

  it('refuses an oversize body sent without a length with 413 and keeps serving', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const reply = await send({
      method: 'POST',
      path: '/api/workshop.importFile',
      headers: { origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      chunks: Array.from({ length: MAX_BODY_BYTES / chunk.length + 1 }, () => chunk),
    });
    expect(reply.status).toBe(413);
    expect((await api('app.info', {})).status).toBe(200);
  });

  it('refuses other verbs on the API', async () => {
    expect((await send({ path: '/api/workshop.list' })).status).toBe(405);
  });

  it('serves the renderer with the content security policy', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Leanmap</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const script = await send({ path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('writes a long answer (an export) in pieces, and answers other calls while it does', async () => {
    const big = `${'Aé😀"\\'.repeat(4_000_000)}`; // 28 M characters, escapes and surrogate pairs throughout
    const finished: string[] = [];
    const dispatchBig: HttpHostOptions['dispatch'] = async (method) =>
      method === 'export.build' ? { ok: true, value: { files: [{ data: big }, { data: big }] } } : { ok: true, value: { name: 'Leanmap' } };
    await host.close();
    host = await startHttpHost({ dispatch: dispatchBig, rendererDir: temp.makeDir(), token: TOKEN });
    // The longest the event loop is held while the answer is written: a timer due every 5 ms says.
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
    }, 5);
    const exporting = sendRaw(apiRequest('export.build', {})).then((r) => (finished.push('export'), r));
    // Asked once the long answer has started to arrive.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const info = await api('app.info', {}).then((r) => (finished.push('info'), r));
    const raw = await exporting;
    clearInterval(ticker);
    const reply = { body: Buffer.concat(raw.parts).toString('utf8') };
    // One JSON.stringify and write of it all holds the loop for about a second here; pieces, a few ms each.
    expect(longest).toBeLessThan(250);
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { name: 'Leanmap' } });
    expect(reply.body.length).toBe(JSON.stringify({ ok: true, value: { files: [{ data: big }, { data: big }] } }).length);
    expect((JSON.parse(reply.body) as { value: { files: { data: string }[] } }).value.files.map((f) => f.data === big)).toEqual([true, true]);
    expect(finished).toEqual(['info', 'export']);
  }, 60_000);

  it('answers 404 for a file that is not there', async () => {
    expect((await send({ path: '/missing.js' })).status).toBe(404);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json'])(
    'never serves a file outside the renderer folder (%s)',
    async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain(SECRET);
    },
  );
});
