// The browser host's pushed events (GET /api/events, Server-Sent Events): the same
// guards as the API (access key, loopback Host, Leanmap's own Origin), a one-time
// ticket instead of the key in the URL, and every subscriber hearing every save in order.
import { request, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/backend';
import { TOKEN_HEADER } from '../../src-main/server/guards';
import { startHttpHost, type HttpHost } from '../../src-main/server/http-host';
import type { WorkshopEvent } from '../../src-shared/api/events';
import { call, useTempDirs } from '../fixtures/backend';
import { aWorkshopMeta } from '../fixtures/factories';

const TOKEN = 'event-stream-test-key';
const temp = useTempDirs();
let backend: Backend;
let host: HttpHost;
const open: IncomingMessage[] = [];

beforeEach(async () => {
  backend = await temp.openBackend(temp.makeDir());
  host = await startHttpHost({ dispatch: backend.dispatch, rendererDir: temp.makeDir(), token: TOKEN, events: backend.events });
});
afterEach(async () => {
  for (const res of open.splice(0)) res.destroy();
  await host.close();
});

interface Reply {
  status: number;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers, setHost: false, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const page = () => ({
  Host: `127.0.0.1:${host.port}`,
  Origin: `http://127.0.0.1:${host.port}`,
  'Content-Type': 'application/json',
  [TOKEN_HEADER]: TOKEN,
});

async function ticketFor(workshopId: string, headers: Record<string, string> = page()): Promise<Reply> {
  return send('POST', '/api/events/ticket', headers, JSON.stringify({ workshopId }));
}

/** Opens a stream and collects its events until the test ends. */
function listen(workshopId: string, ticket: string, headers: Record<string, string> = { Host: `127.0.0.1:${host.port}` }) {
  const events: WorkshopEvent[] = [];
  const status = new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: 'GET', path: `/api/events?workshopId=${workshopId}&ticket=${ticket}`, headers, setHost: false, agent: false },
      (res) => {
        open.push(res);
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          const frames = buffer.split('\n\n');
          buffer = frames.pop()!;
          for (const frame of frames) {
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (data) events.push(JSON.parse(data.slice('data: '.length)) as WorkshopEvent);
          }
        });
        resolve(res.statusCode!);
      },
    );
    req.on('error', reject);
    req.end();
  });
  return { events, status };
}

async function aWorkshop() {
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta(), template: 'blank' });
  const versionId = workshop.versions[0]!.id;
  const map = await call(backend, 'map.get', { versionId });
  return { workshopId: workshop.id, versionId, map };
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for events');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('who may listen to a workshop', () => {
  it('gives no ticket without the access key, with a wrong key, to another Host or to another Origin', async () => {
    const { workshopId } = await aWorkshop();
    const { [TOKEN_HEADER]: _key, ...noKey } = page();
    expect((await ticketFor(workshopId, noKey)).status).toBe(401);
    expect((await ticketFor(workshopId, { ...page(), [TOKEN_HEADER]: 'guessed' })).status).toBe(403);
    expect((await ticketFor(workshopId, { ...page(), Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await ticketFor(workshopId, { ...page(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await ticketFor(workshopId)).status).toBe(200);
  });

  it('opens no stream without a ticket, for the access key in the URL, with a spent ticket or another workshop', async () => {
    const { workshopId } = await aWorkshop();
    expect((await send('GET', `/api/events?workshopId=${workshopId}`, { Host: `127.0.0.1:${host.port}` })).status).toBe(401);
    expect((await send('GET', `/api/events?workshopId=${workshopId}&ticket=${TOKEN}`, { Host: `127.0.0.1:${host.port}` })).status).toBe(403);
    const ticket = (JSON.parse((await ticketFor(workshopId)).body) as { value: { ticket: string } }).value.ticket;
    expect((await send('GET', `/api/events?workshopId=other&ticket=${ticket}`, { Host: `127.0.0.1:${host.port}` })).status).toBe(403);
    expect(await listen(workshopId, ticket).status).toBe(200);
    // Once used (the first try above was for another workshop and is spent too).
    expect((await send('GET', `/api/events?workshopId=${workshopId}&ticket=${ticket}`, { Host: `127.0.0.1:${host.port}` })).status).toBe(403);
  });

  it('refuses a stream asked for with a wrong Host or from another Origin, even with a good ticket', async () => {
    const { workshopId } = await aWorkshop();
    const t = async () => (JSON.parse((await ticketFor(workshopId)).body) as { value: { ticket: string } }).value.ticket;
    const path = (ticket: string) => `/api/events?workshopId=${workshopId}&ticket=${ticket}`;
    expect((await send('GET', path(await t()), { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await send('GET', path(await t()), { Host: `127.0.0.1:${host.port}`, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send('GET', path(await t()), { Host: `127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });
});

describe('what the listeners hear', () => {
  it('two subscribers receive the same saves, in order, with the revision and the window that saved', async () => {
    const { workshopId, versionId, map } = await aWorkshop();
    const ticket = async () => (JSON.parse((await ticketFor(workshopId)).body) as { value: { ticket: string } }).value.ticket;
    const first = listen(workshopId, await ticket());
    const second = listen(workshopId, await ticket());
    expect(await first.status).toBe(200);
    expect(await second.status).toBe(200);
    await until(() => backend.events.size() === 2);

    let revision = map.revision;
    for (let i = 0; i < 3; i++) {
      const reply = await send(
        'POST',
        '/api/map.save',
        { ...page(), 'X-Leanmap-Window': 'w-one' },
        JSON.stringify({ versionId, revision, document: map.document }),
      );
      revision = (JSON.parse(reply.body) as { value: { revision: number } }).value.revision;
    }
    await until(() => first.events.length === 3 && second.events.length === 3);
    const expected = [map.revision + 1, map.revision + 2, map.revision + 3].map((r) => ({
      name: 'map.saved',
      payload: { workshopId, versionId, revision: r, byWindow: 'w-one' },
    }));
    expect(first.events).toEqual(expected);
    expect(second.events).toEqual(expected);
  });

  it('hears nothing of another workshop, and nothing of a refused save', async () => {
    const mine = await aWorkshop();
    const other = await aWorkshop();
    const ticket = (JSON.parse((await ticketFor(mine.workshopId)).body) as { value: { ticket: string } }).value.ticket;
    const stream = listen(mine.workshopId, ticket);
    await stream.status;
    await until(() => backend.events.size() === 1);
    await call(backend, 'map.save', { versionId: other.versionId, revision: other.map.revision, document: other.map.document });
    expect((await backend.dispatch('map.save', { versionId: mine.versionId, revision: 999, document: mine.map.document })).ok).toBe(false);
    await call(backend, 'map.save', { versionId: mine.versionId, revision: mine.map.revision, document: mine.map.document });
    await until(() => stream.events.some((e) => e.name === 'map.saved'));
    expect(stream.events.filter((e) => e.name === 'map.saved')).toEqual([
      { name: 'map.saved', payload: { workshopId: mine.workshopId, versionId: mine.versionId, revision: mine.map.revision + 1, byWindow: null } },
    ]);
  });

  it('stops delivering to a stream once the page closes it', async () => {
    const { workshopId } = await aWorkshop();
    const ticket = (JSON.parse((await ticketFor(workshopId)).body) as { value: { ticket: string } }).value.ticket;
    const stream = listen(workshopId, ticket);
    await stream.status;
    await until(() => backend.events.size() === 1);
    open.pop()!.destroy();
    await until(() => backend.events.size() === 0);
  });
});
