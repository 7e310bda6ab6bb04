// Forged requests against the browser host, one table row each: who may call the
// API (access key in the header, loopback Host, Leanmap's own Origin, JSON), what the
// static server never serves, and what oversize, slow and racing requests get.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/backend';
import { TOKEN_HEADER } from '../../src-main/server/guards';
import { MAX_BODY_BYTES, startHttpHost, type HttpHost } from '../../src-main/server/http-host';
import { call, tickingClock } from '../fixtures/backend';
import { aWorkshopMeta } from '../fixtures/factories';
import { createBackend } from '../../src-main/backend';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const TOKEN = 'guard-test-access-key';
const SECRET = 'this file is outside the renderer folder';
let root: string;
let backend: Backend;
let host: HttpHost;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Placeholders filled in with the real port: {port}. */
interface Forged {
  name: string;
  method?: string;
  path?: string;
  /** undefined removes the header the page would send. */
  headers?: Record<string, string | undefined>;
  body?: string;
  status: number;
  code?: string;
}

const fill = (value: string) => value.replaceAll('{port}', String(host.port));

function send(method: string, path: string, headers: Record<string, string | undefined>, body?: string): Promise<Reply> {
  const defined = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined).map(([k, v]) => [k, fill(v!)]));
  return new Promise((resolve, reject) => {
    const req = request(
      // A fresh connection each time: a refused request's unread body must not spoil the next one.
      { host: '127.0.0.1', port: host.port, method, path: fill(path), headers: defined, setHost: false, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What Leanmap's own page sends with every API call. */
const PAGE: Record<string, string> = {
  host: '127.0.0.1:{port}',
  origin: 'http://127.0.0.1:{port}',
  'content-type': 'application/json',
  [TOKEN_HEADER]: TOKEN,
};

const api = (row: Forged) =>
  send(row.method ?? 'POST', row.path ?? '/api/workshop.list', { ...PAGE, ...row.headers }, row.body ?? '{}');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'leanmap-guards-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Leanmap</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("leanmap");');
  writeFileSync(join(root, 'package.json'), SECRET);
  writeFileSync(join(root, 'renderer-secret.txt'), SECRET);
  backend = await createBackend({ dataDir: join(root, 'data'), clock: tickingClock(), log: () => {} });
  host = await startHttpHost({ dispatch: backend.dispatch, rendererDir, token: TOKEN });
});

afterAll(async () => {
  await host.close();
  backend.close();
  rmSync(root, { recursive: true, force: true });
});

const API_ROWS: Forged[] = [
  { name: "Leanmap's own page", status: 200 },
  { name: 'the page on localhost', headers: { host: 'localhost:{port}', origin: 'http://localhost:{port}' }, status: 200 },
  { name: 'JSON with a charset', headers: { 'content-type': 'application/json; charset=utf-8' }, status: 200 },
  // The access key
  { name: 'no access key', headers: { [TOKEN_HEADER]: undefined }, status: 401, code: 'UNAUTHORIZED' },
  { name: 'an empty access key', headers: { [TOKEN_HEADER]: '' }, status: 401, code: 'UNAUTHORIZED' },
  { name: 'a wrong access key', headers: { [TOKEN_HEADER]: 'guard-test-access-kez' }, status: 403, code: 'FORBIDDEN' },
  { name: 'the key with one character more', headers: { [TOKEN_HEADER]: `${TOKEN}x` }, status: 403, code: 'FORBIDDEN' },
  { name: 'the key in the query only', path: `/api/workshop.list?token=${TOKEN}`, headers: { [TOKEN_HEADER]: undefined }, status: 401 },
  { name: 'the key as a cookie only', headers: { [TOKEN_HEADER]: undefined, cookie: `token=${TOKEN}` }, status: 401 },
  { name: 'the key as a bearer token only', headers: { [TOKEN_HEADER]: undefined, authorization: `Bearer ${TOKEN}` }, status: 401 },
  // DNS rebinding: a name that resolves to 127.0.0.1 but is not ours
  { name: 'Host attacker.example', headers: { host: 'attacker.example:{port}' }, status: 403, code: 'FORBIDDEN' },
  { name: 'Host localhost.attacker.example', headers: { host: 'localhost.attacker.example:{port}' }, status: 403 },
  { name: 'Host 127.0.0.1.nip.io', headers: { host: '127.0.0.1.nip.io:{port}' }, status: 403 },
  { name: 'Host without the port', headers: { host: '127.0.0.1' }, status: 403 },
  { name: 'Host with another port', headers: { host: '127.0.0.1:1' }, status: 403 },
  { name: 'Host 0.0.0.0', headers: { host: '0.0.0.0:{port}' }, status: 403 },
  { name: 'Host 127.1 (short form)', headers: { host: '127.1:{port}' }, status: 403 },
  { name: 'Host [::1]', headers: { host: '[::1]:{port}' }, status: 403 },
  { name: 'Host with a trailing dot', headers: { host: 'localhost.:{port}' }, status: 403 },
  // Node itself refuses an HTTP/1.1 request without Host, before Leanmap sees it.
  { name: 'no Host at all', headers: { host: undefined }, status: 400 },
  // Cross-site requests
  { name: 'no Origin', headers: { origin: undefined }, status: 403, code: 'FORBIDDEN' },
  { name: 'Origin null (sandboxed frame, file://)', headers: { origin: 'null' }, status: 403 },
  { name: 'Origin of another site', headers: { origin: 'http://attacker.example' }, status: 403 },
  { name: 'Origin on another port', headers: { origin: 'http://127.0.0.1:1' }, status: 403 },
  { name: 'Origin over https', headers: { origin: 'https://127.0.0.1:{port}' }, status: 403 },
  { name: 'Origin with our host as a prefix', headers: { origin: 'http://127.0.0.1:{port}.attacker.example' }, status: 403 },
  { name: 'Origin with a path', headers: { origin: 'http://127.0.0.1:{port}/' }, status: 403 },
  { name: 'Origin file://', headers: { origin: 'file://' }, status: 403 },
  // Bodies a form or a "simple" cross-site request can send
  { name: 'text/plain body', headers: { 'content-type': 'text/plain' }, status: 415 },
  { name: 'form body', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415 },
  { name: 'multipart body', headers: { 'content-type': 'multipart/form-data; boundary=x' }, status: 415 },
  { name: 'no content type', headers: { 'content-type': undefined }, status: 415 },
  { name: 'a body that is not JSON', body: '{"query":', status: 400, code: 'VALIDATION' },
  // Verbs and methods
  { name: 'GET on the API', method: 'GET', body: '', status: 405 },
  { name: 'PUT on the API', method: 'PUT', status: 405 },
  { name: 'DELETE on the API', method: 'DELETE', status: 405 },
  { name: 'an unknown method name', path: '/api/__proto__', status: 200, code: 'UNKNOWN_METHOD' },
  { name: 'a method name from Object.prototype', path: '/api/constructor', status: 200, code: 'UNKNOWN_METHOD' },
  { name: 'a traversal in the method name', path: '/api/..%2fworkshop.list', status: 200, code: 'UNKNOWN_METHOD' },
];

describe('forged API requests', () => {
  it.each(API_ROWS)('$name → $status', async (row) => {
    const reply = await api(row);
    expect(reply.status).toBe(row.status);
    if (row.code) expect((JSON.parse(reply.body) as { error: { code: string } }).error.code).toBe(row.code);
    if (row.status >= 400 && reply.body) expect(reply.body).not.toContain('"ok":true');
    // No response ever invites another origin to read it.
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it.each(['http://attacker.example', 'null', 'http://127.0.0.1:{port}'])('answers a CORS preflight from %s without allowing anything', async (origin) => {
    const reply = await send('OPTIONS', '/api/workshop.list', {
      host: '127.0.0.1:{port}',
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': `content-type, ${TOKEN_HEADER}`,
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    for (const header of Object.keys(reply.headers)) expect(header).not.toMatch(/^access-control-allow/);
  });
});

const TRAVERSALS = [
  '/../package.json',
  '/%2e%2e/package.json',
  '/%2E%2E/package.json',
  '/..%2fpackage.json',
  '/..%2Fpackage.json',
  '/.%2e/package.json',
  '/%2e%2e%2fpackage.json',
  '/assets/..%2f..%2fpackage.json',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/assets/../../package.json',
  '/..%5cpackage.json',
  '/..\\package.json',
  '/%252e%252e/package.json',
  '/..%c0%afpackage.json',
  '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '//etc/passwd',
  '/%2fetc%2fpasswd',
  '/..',
  '/../renderer-secret.txt',
  '/index.html%00.js',
  '/%00',
  '/%',
];

describe('the static files', () => {
  it.each(TRAVERSALS)('never serves anything outside the renderer folder for %s', async (path) => {
    const reply = await send('GET', path, { host: '127.0.0.1:{port}' });
    // "/.." resolves to "/" as in any browser: the renderer's own page is fine, nothing else is.
    if (reply.status === 200) expect(reply.body).toBe('<!doctype html><title>Leanmap</title>');
    else expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toContain('root:');
  });

  it.each(['attacker.example:{port}', '127.0.0.1.nip.io:{port}'])('serves no page to a rebinding Host %s', async (hostHeader) => {
    const reply = await send('GET', '/', { host: hostHeader });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('<title>Leanmap</title>');
  });

  it('refuses to change anything with POST, PUT or DELETE on a page', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await send(method, '/index.html', { host: '127.0.0.1:{port}' })).status).toBe(405);
  });
});

/** Talks HTTP over a raw socket, for what node:http will not send. */
function raw(lines: string, keepOpenMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    let text = '';
    socket.on('data', (c: Buffer) => {
      text += c.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
    socket.write(fill(lines));
    setTimeout(() => socket.end(), keepOpenMs);
  });
}

describe('oversize, slow and racing requests', () => {
  it('refuses a body declared over the limit at once, before reading it', async () => {
    const head = [
      'POST /api/workshop.importFile HTTP/1.1',
      'Host: 127.0.0.1:{port}',
      'Origin: http://127.0.0.1:{port}',
      'Content-Type: application/json',
      `${TOKEN_HEADER}: ${TOKEN}`,
      `Content-Length: ${MAX_BODY_BYTES * 4}`,
      '',
      '{"text":"',
    ].join('\r\n');
    const reply = await raw(head, 500);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toContain('PAYLOAD_TOO_LARGE');
  });

  it('keeps answering others while a client trickles a body byte by byte, and bounds how long it waits', async () => {
    const socket = connect(host.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write(
      fill(
        [
          'POST /api/workshop.list HTTP/1.1',
          'Host: 127.0.0.1:{port}',
          'Origin: http://127.0.0.1:{port}',
          'Content-Type: application/json',
          `${TOKEN_HEADER}: ${TOKEN}`,
          'Content-Length: 100',
          '',
          '{',
        ].join('\r\n'),
      ),
    );
    const trickle = setInterval(() => socket.write(' '), 50);
    try {
      const started = Date.now();
      const replies = await Promise.all([api({ name: 'a', status: 200 }), api({ name: 'b', status: 200 })]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    // Node's defaults bound a request's whole life (and its headers); a slow client cannot hold a socket forever.
    expect(host.server.requestTimeout).toBeGreaterThan(0);
    expect(host.server.headersTimeout).toBeGreaterThan(0);
  });

  it('lets exactly one of eight concurrent saves of one revision win; the others are told of the conflict', async () => {
    const created = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Race' }), template: 'b2b-buying-journey' });
    const map = await call(backend, 'map.get', { versionId: created.versions[0]!.id });
    const documents = Array.from({ length: 8 }, (_, i) => ({
      ...map.document,
      stages: map.document.stages.map((s, j) => (j === 0 ? { ...s, notes: `window ${i}` } : s)),
    }));
    const replies = await Promise.all(
      documents.map((document) =>
        api({ name: 'save', path: '/api/map.save', body: JSON.stringify({ versionId: map.id, revision: map.revision, document }), status: 200 }),
      ),
    );
    const results = replies.map((r) => JSON.parse(r.body) as { ok: boolean; error?: { code: string } });
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.error!.code)).toEqual(Array(7).fill('CONFLICT'));
    const stored = await call(backend, 'map.get', { versionId: map.id });
    expect(stored.revision).toBe(map.revision + 1);
    expect(stored.document.stages[0]!.notes).toBe(`window ${winners[0]}`);
  });
});
