// The two ways the renderer reaches the backend: the preload bridge (desktop) and the
// browser host's HTTP API with the per-launch access key. Both turn every failure
// into a result with a code and a sentence, never an exception.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeTransport, httpTransport, KEEPALIVE_MAX_BYTES, readAccessToken } from '../../../src-renderer/api/transports';
import { createApiClient } from '../../../src-renderer/api/client';
import type { LeanmapBridge } from '../../../src-shared/api/bridge';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(reply: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: string, _init: RequestInit) => reply());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

describe('httpTransport', () => {
  it('posts the input as JSON to /api/<method> with the access key header', async () => {
    const fetchMock = stubFetch(() => json({ ok: true, value: { revision: 4 } }));
    const result = await httpTransport('key-123')('map.save', { versionId: 'v', revision: 3 });
    expect(result).toEqual({ ok: true, value: { revision: 4 } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/map.save');
    expect(init).toMatchObject({ method: 'POST', keepalive: false, body: '{"versionId":"v","revision":3}' });
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Leanmap-Token': 'key-123' });
  });

  it('names the calling window in a header, so the events its call causes name it', async () => {
    const fetchMock = stubFetch(() => json({ ok: true, value: null }));
    await httpTransport('k', 'w-1')('map.save', {});
    expect(fetchMock.mock.calls[0]![1].headers).toEqual({ 'Content-Type': 'application/json', 'X-Leanmap-Token': 'k', 'X-Leanmap-Window': 'w-1' });
  });

  it('asks for keepalive only when told to (the save on closing)', async () => {
    const fetchMock = stubFetch(() => json({ ok: true, value: null }));
    await httpTransport('k')('map.save', {}, { keepalive: true });
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ keepalive: true });
  });

  it('sends a body over the keepalive limit as an ordinary request instead of having it refused', async () => {
    const fetchMock = stubFetch(() => json({ ok: true, value: null }));
    const notes = 'é'.repeat(KEEPALIVE_MAX_BYTES / 2); // two bytes each in UTF-8: just over the limit
    await httpTransport('k')('map.save', { notes }, { keepalive: true });
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ keepalive: false });
    await httpTransport('k')('map.save', { notes: notes.slice(100) }, { keepalive: true });
    expect(fetchMock.mock.calls[1]![1]).toMatchObject({ keepalive: true });
  });

  it('sends the JSON it is given as the body (a big map written incrementally), judging keepalive by its size', async () => {
    const fetchMock = stubFetch(() => json({ ok: true, value: null }));
    const small = new Blob(['{"versionId":"v"}'], { type: 'application/json' });
    await httpTransport('k')('map.save', { versionId: 'v' }, { keepalive: true, json: small });
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ body: small, keepalive: true });
    const big = new Blob(['x'.repeat(KEEPALIVE_MAX_BYTES + 1)]);
    await httpTransport('k')('map.save', { versionId: 'v' }, { keepalive: true, json: big });
    expect(fetchMock.mock.calls[1]![1]).toMatchObject({ body: big, keepalive: false });
  });

  it('escapes the method name into the path and sends {} for no input', async () => {
    const fetchMock = stubFetch(() => json({ ok: true, value: [] }));
    await httpTransport(null)('../admin?x', undefined);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/..%2Fadmin%3Fx');
    expect(init.body).toBe('{}');
    expect((init.headers as Record<string, string>)['X-Leanmap-Token']).toBe('');
  });

  it('passes the backend’s refusal through with its code and message', async () => {
    stubFetch(() => json({ ok: false, error: { code: 'CONFLICT', message: 'Someone else saved this map.' } }, 409));
    expect(await httpTransport('k')('map.save', {})).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Someone else saved this map.' } });
  });

  it('turns an unknown error code into INTERNAL, keeping the message', async () => {
    stubFetch(() => json({ ok: false, error: { code: 'TEAPOT', message: 'Short and stout.' } }, 418));
    expect(await httpTransport('k')('x', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Short and stout.' } });
  });

  it('says Leanmap is not answering when the request cannot be made (stopped host, offline)', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await httpTransport('k')('map.save', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    if (!result.ok) expect(result.error.message).toMatch(/not answering.*Your changes stay in this window/);
  });

  it('reports an answer that is not a result (a proxy page, an empty body) as INTERNAL with the status', async () => {
    stubFetch(() => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })));
    expect(await httpTransport('k')('x', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Leanmap answered 502 without a result.' } });
    stubFetch(() => json({ hello: 'world' }, 200));
    expect(await httpTransport('k')('x', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Leanmap answered 200 without a result.' } });
  });
});

describe('bridgeTransport', () => {
  const aBridge = (invoke: LeanmapBridge['invoke']): LeanmapBridge => ({
    invoke,
    saveFile: () => Promise.resolve({ saved: false }),
    saveFiles: () => Promise.resolve({ saved: false }),
    openAudience: () => Promise.resolve('opened'),
    platform: 'linux',
  });

  it('hands the method and input to the preload bridge and returns its result', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true as const, value: 7 }));
    expect(await bridgeTransport(aBridge(invoke))('workshop.list', { trash: false })).toEqual({ ok: true, value: 7 });
    expect(invoke).toHaveBeenCalledWith('workshop.list', { trash: false });
  });

  it('names the calling window to the bridge, so the events it causes can be told from others\'', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true as const, value: 7 }));
    await bridgeTransport(aBridge(invoke), 'w-1')('workshop.list', { trash: false });
    expect(invoke).toHaveBeenCalledWith('workshop.list', { trash: false }, 'w-1');
  });

  it('hands the bridge the input itself, not JSON written for an HTTP body', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true as const, value: 7 }));
    await bridgeTransport(aBridge(invoke))('map.save', { versionId: 'v' }, { json: new Blob(['{"versionId":"v"}']) });
    expect(invoke).toHaveBeenCalledWith('map.save', { versionId: 'v' });
  });

  it('turns a broken bridge (a thrown IPC error) into UNAVAILABLE with a sentence', async () => {
    const result = await bridgeTransport(aBridge(() => Promise.reject(new Error('ipc closed'))))('x', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Leanmap could not reach its data. Try again; if it keeps failing, restart Leanmap.' },
    });
  });
});

describe('createApiClient', () => {
  it('calls the transport it was given with the options', async () => {
    const transport = vi.fn(() => Promise.resolve({ ok: true as const, value: 'pong' }));
    const client = createApiClient(transport);
    expect(await client.call('app.info', {} as never, { keepalive: true })).toEqual({ ok: true, value: 'pong' });
    expect(transport).toHaveBeenCalledWith('app.info', {}, { keepalive: true });
  });
});

describe('readAccessToken', () => {
  function memoryStorage() {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
  }

  it('takes the key from the address once, keeps it for the tab and hides it from the address bar', () => {
    const storage = memoryStorage();
    const history = { replaceState: vi.fn() };
    expect(readAccessToken({ href: 'http://127.0.0.1:4780/?token=abc&x=1#/workshop/w1' }, storage, history)).toBe('abc');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/?x=1#/workshop/w1');
    expect(readAccessToken({ href: 'http://127.0.0.1:4780/#/workshop/w1' }, storage, history)).toBe('abc');
    expect(history.replaceState).toHaveBeenCalledTimes(1);
  });

  it('has no key when neither the address nor the tab has one', () => {
    expect(readAccessToken({ href: 'http://127.0.0.1:4780/' }, memoryStorage(), { replaceState: vi.fn() })).toBeNull();
  });
});
