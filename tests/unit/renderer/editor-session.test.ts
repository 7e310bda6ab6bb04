// The renderer's composition root: a session built from injected parts (a transport,
// a host, an event source) and the browser's event stream behind a one-time ticket.
import { describe, expect, it, vi } from 'vitest';
import { createEditorSession, newWindowId } from '../../../src-renderer/session/editor-session';
import { bridgeEventSource, sseEventSource } from '../../../src-renderer/session/event-source';
import type { Host } from '../../../src-renderer/host/host';
import type { LeanmapBridge } from '../../../src-shared/api/bridge';
import type { WorkshopEvent } from '../../../src-shared/api/events';
import { aMapVersion, aWorkshopDetail } from './saver-harness';

const aHost = (): Host => ({ saveFilesHint: '', saveTextFile: vi.fn(), saveFiles: vi.fn(), openAudience: vi.fn() });
const saved = (workshopId = 'w-1'): WorkshopEvent => ({ name: 'map.saved', payload: { workshopId, versionId: 'v', revision: 2, byWindow: null } });

describe('an editor session', () => {
  it('calls through the transport it was given, and two sessions share nothing', async () => {
    const one = vi.fn(async () => ({ ok: true as const, value: 'one' }));
    const two = vi.fn(async () => ({ ok: true as const, value: 'two' }));
    const events = { subscribe: vi.fn(() => () => {}) };
    const a = createEditorSession({ transport: one, host: aHost(), events });
    const b = createEditorSession({ transport: two, host: aHost(), events });
    expect(await a.api.call('workshop.list', {})).toEqual({ ok: true, value: 'one' });
    expect(await b.api.call('workshop.list', {})).toEqual({ ok: true, value: 'two' });
    expect(one).toHaveBeenCalledOnce();
    expect(a.windowId).not.toBe(b.windowId);
  });

  it('owns its document, saver and plan: an edit is saved through its own transport, not another session\'s', async () => {
    const calls: string[] = [];
    const transport = vi.fn(async (method: string) => {
      calls.push(method);
      return method === 'map.save' ? { ok: true as const, value: { revision: 2, updatedAt: 'x' } } : { ok: true as const, value: [] };
    });
    const other = vi.fn(async () => ({ ok: true as const, value: null }));
    const events = { subscribe: () => () => {} };
    const session = createEditorSession({ transport, host: aHost(), events });
    createEditorSession({ transport: other, host: aHost(), events });
    const version = aMapVersion();
    session.document.getState().load(aWorkshopDetail(), version);
    session.document.getState().change((doc) => ({ ...doc, stages: doc.stages.map((s) => ({ ...s, name: 'Renamed' })) }));
    await session.saver.flush();
    expect(session.document.getState().revision).toBe(2);
    await session.plan.getState().load(version.id);
    expect(calls).toEqual(['map.save', 'metric.list']);
    expect(other).not.toHaveBeenCalled();
  });

  it('caches the analysis per session: the same document and plan give the same analysis object', () => {
    const events = { subscribe: () => () => {} };
    const a = createEditorSession({ transport: vi.fn(), host: aHost(), events });
    const b = createEditorSession({ transport: vi.fn(), host: aHost(), events });
    const doc = aMapVersion().document;
    const metrics: never[] = [];
    expect(a.analysis.view(doc, metrics)).toBe(a.analysis.view(doc, metrics));
    expect(b.analysis.view(doc, metrics)).not.toBe(a.analysis.view(doc, metrics));
  });

  it('makes window ids the backend accepts', () => {
    expect(newWindowId()).toMatch(/^[\w-]{1,64}$/);
  });
});

/** A stand-in for the browser's EventSource that the test speaks through. */
function fakeStreams() {
  const opened: { url: string; closed: boolean; onmessage: ((m: MessageEvent) => void) | null; onerror: (() => void) | null; close(): void }[] = [];
  const create = (url: string) => {
    const stream = { url, closed: false, onmessage: null, onerror: null, close: () => (stream.closed = true) };
    opened.push(stream);
    return stream as unknown as EventSource;
  };
  return { opened, create };
}

const ticketReply = (ticket: string) => new Response(JSON.stringify({ ok: true, value: { ticket } }), { status: 200 });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the browser host event source', () => {
  it('trades the access key, in a header, for a ticket, and never puts the key in the stream address', async () => {
    const streams = fakeStreams();
    const fetchMock = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => ticketReply('t-1'));
    sseEventSource({ token: 'secret-key', fetch: fetchMock as typeof fetch, createEventSource: streams.create }).subscribe('w-1', () => {});
    await flush();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/events/ticket');
    expect(init!.headers).toMatchObject({ 'X-Leanmap-Token': 'secret-key' });
    expect(streams.opened[0]!.url).toBe('/api/events?workshopId=w-1&ticket=t-1');
    expect(streams.opened[0]!.url).not.toContain('secret-key');
  });

  it('hands over checked events of its workshop only, and drops what is not an event', async () => {
    const streams = fakeStreams();
    const heard: WorkshopEvent[] = [];
    sseEventSource({ token: 'k', fetch: (async () => ticketReply('t')) as typeof fetch, createEventSource: streams.create }).subscribe('w-1', (e) => heard.push(e));
    await flush();
    const say = (data: string) => streams.opened[0]!.onmessage!({ data } as MessageEvent);
    say(JSON.stringify(saved('w-1')));
    say(JSON.stringify(saved('w-2')));
    say('not json');
    say(JSON.stringify({ name: 'map.deleted', payload: {} }));
    expect(heard).toEqual([saved('w-1')]);
  });

  it('opens a new stream with a new ticket when the stream drops, and stops on unsubscribe', async () => {
    vi.useFakeTimers();
    try {
      const streams = fakeStreams();
      let n = 0;
      const stop = sseEventSource({
        token: 'k',
        fetch: (async () => ticketReply(`t-${++n}`)) as typeof fetch,
        createEventSource: streams.create,
        retryMs: 100,
      }).subscribe('w-1', () => {});
      await vi.advanceTimersByTimeAsync(0);
      streams.opened[0]!.onerror!();
      expect(streams.opened[0]!.closed).toBe(true);
      await vi.advanceTimersByTimeAsync(100);
      expect(streams.opened.map((s) => s.url)).toEqual(['/api/events?workshopId=w-1&ticket=t-1', '/api/events?workshopId=w-1&ticket=t-2']);
      stop();
      expect(streams.opened[1]!.closed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
  it('opens one stream per workshop however many listen, hands each event to all, and closes it when the last stops', async () => {
    // The browser allows six connections per host for all windows: a stream per listener
    // let two presenter windows use them all and stall every API call.
    const streams = fakeStreams();
    let n = 0;
    const source = sseEventSource({ token: 'k', fetch: (async () => ticketReply(`t-${++n}`)) as typeof fetch, createEventSource: streams.create });
    const a: WorkshopEvent[] = [];
    const b: WorkshopEvent[] = [];
    const c: WorkshopEvent[] = [];
    const stopA = source.subscribe('w-1', (e) => a.push(e));
    const stopB = source.subscribe('w-1', (e) => b.push(e));
    const stopC = source.subscribe('w-2', (e) => c.push(e));
    await flush();
    expect(streams.opened.map((s) => s.url)).toEqual(['/api/events?workshopId=w-1&ticket=t-1', '/api/events?workshopId=w-2&ticket=t-2']);
    streams.opened[0]!.onmessage!({ data: JSON.stringify(saved('w-1')) } as MessageEvent);
    expect(a).toEqual([saved('w-1')]);
    expect(b).toEqual([saved('w-1')]);
    expect(c).toEqual([]);
    stopA();
    stopA();
    expect(streams.opened[0]!.closed).toBe(false);
    streams.opened[0]!.onmessage!({ data: JSON.stringify(saved('w-1')) } as MessageEvent);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
    stopB();
    expect(streams.opened[0]!.closed).toBe(true);
    expect(streams.opened[1]!.closed).toBe(false);
    // A listener that comes later gets a fresh stream with a fresh ticket.
    const stopD = source.subscribe('w-1', () => {});
    await flush();
    expect(streams.opened.map((s) => s.url)).toContain('/api/events?workshopId=w-1&ticket=t-3');
    stopD();
    stopC();
    expect(streams.opened.every((s) => s.closed)).toBe(true);
  });
});

describe('the Electron event source', () => {
  it('asks the bridge for one workshop and hands over only checked events', () => {
    let deliver: (raw: unknown) => void = () => {};
    const unsubscribe = vi.fn();
    const bridge = {
      onEvent: vi.fn((_id: string, listener: (raw: unknown) => void) => {
        deliver = listener;
        return unsubscribe;
      }),
    } as unknown as LeanmapBridge;
    const heard: WorkshopEvent[] = [];
    const stop = bridgeEventSource(bridge).subscribe('w-1', (e) => heard.push(e));
    deliver(saved('w-1'));
    deliver({ name: 'map.saved', payload: { workshopId: 'w-1' } });
    expect(heard).toEqual([saved('w-1')]);
    expect(bridge.onEvent).toHaveBeenCalledWith('w-1', expect.any(Function));
    stop();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});
