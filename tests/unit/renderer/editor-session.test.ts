// The renderer's composition root: a session built from injected parts (a transport,
// a host, an event source) and the browser's event stream behind a one-time ticket.
import { describe, expect, it, vi } from 'vitest';
import { createEditorSession } from '../../../src-renderer/session/editor-session';
import { newWindowId } from '../../../src-renderer/session/window-id';
import { bridgeEventSource, sseEventSource } from '../../../src-renderer/session/event-source';
import type { Host } from '../../../src-renderer/host/host';
import type { LeanmapBridge } from '../../../src-shared/api/bridge';
import type { WorkshopEvent } from '../../../src-shared/api/events';
import { aMapVersion, aWorkshopDetail, manualTimers } from './saver-harness';
import type { Transport } from '../../../src-renderer/api/transports';
import { SAVE_DELAY_MS } from '../../../src-renderer/store/saver';
import { anImprovementFields } from '../../fixtures/improvements';

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

/** A transport that records each method and answers as a fresh backend would. */
function aRecordingTransport() {
  const calls: string[] = [];
  let revision = 1;
  const transport: Transport = async (method) => {
    calls.push(method);
    if (method === 'map.save') return { ok: true, value: { revision: ++revision, updatedAt: '2026-11-30T10:00:00.000Z' } };
    if (method === 'improvement.create') return { ok: true, value: { id: 'i-new', revision: 1 } };
    if (method === 'metric.list') return { ok: false, error: { code: 'UNAVAILABLE', message: 'Leanmap is not answering.' } };
    return { ok: true, value: [] };
  };
  return { transport, calls };
}

const quiet = { subscribe: () => () => {} };
const rename = (name: string) => (doc: ReturnType<typeof aMapVersion>['document']) => ({ ...doc, stages: doc.stages.map((s) => ({ ...s, name })) });

/** A session on its own recording transport and hand-driven timers, with a map open. */
function anOpenSession() {
  const backend = aRecordingTransport();
  const timers = manualTimers();
  const session = createEditorSession({ transport: backend.transport, host: aHost(), events: quiet, timers });
  const version = aMapVersion();
  session.document.getState().load(aWorkshopDetail(), version);
  return { session, version, timers, calls: backend.calls };
}

describe('two editor sessions in one window (a second editor, the tests)', () => {
  it('share no state: the open map, the selection, the notices, the plan and the improvements are each session\'s own', async () => {
    const a = anOpenSession();
    const b = createEditorSession({ transport: aRecordingTransport().transport, host: aHost(), events: quiet });
    const stageId = a.version.document.stages[0]!.id;
    a.session.ui.getState().select({ kind: 'stage', id: stageId });
    a.session.ui.getState().toggleSidePanel();
    await a.session.plan.getState().load(a.version.id); // refused: the notice is a's
    a.session.improvements.getState().startDraft({ kind: 'stage', stageId });

    expect(a.session.document.getState().history).not.toBeNull();
    expect(a.session.ui.getState().notices.map((n) => n.text)).toEqual(['Leanmap is not answering.']);
    expect(b.document.getState().history).toBeNull();
    expect(b.ui.getState()).toMatchObject({ selection: null, sidePanelHidden: false, notices: [] });
    expect(b.plan.getState().versionId).toBeNull();
    expect(b.improvements.getState().draft).toBeNull();
    for (const part of ['document', 'plan', 'improvements', 'ui', 'saver', 'analysis', 'improvementMarks', 'sessionChanges'] as const) {
      expect(a.session[part]).not.toBe(b[part]);
    }
  });

  it('each saver waits on its own timer and saves only its own session\'s edit', async () => {
    const a = anOpenSession();
    const b = anOpenSession();
    const stopA = a.session.saver.start();
    const stopB = b.session.saver.start();
    a.session.document.getState().change(rename('Edited in A'));
    expect(a.timers.pending()).toBe(2); // the save and the journal entry
    expect(b.timers.pending()).toBe(0);

    a.timers.advance(SAVE_DELAY_MS);
    await a.session.saver.settled();
    expect(a.calls).toEqual(['map.save']);
    expect(b.calls).toEqual([]);
    expect(a.session.document.getState()).toMatchObject({ saveState: 'saved', revision: 2 });

    b.session.document.getState().change(rename('Edited in B'));
    await b.session.saver.flush(); // at once, without waiting for b's timer
    expect(b.calls).toEqual(['map.save']);
    expect(b.timers.pending()).toBe(0);
    expect(a.calls).toEqual(['map.save']);
    stopA();
    stopB();
  });

  it('saves the session\'s pending map edit before an idea is stored (the backend checks it against the saved map)', async () => {
    const { session, version, calls } = anOpenSession();
    session.improvements.setState({ workshopId: version.workshopId });
    session.document.getState().change(rename('Just added'));
    await session.improvements.getState().create(anImprovementFields({ addresses: { kind: 'stage', stageId: version.document.stages[0]!.id } }));
    expect(calls).toEqual(['map.save', 'improvement.create']);
  });

  it('sends facilitation changes one after another within a session, but never makes one session wait for another', async () => {
    const a = createEditorSession({ transport: vi.fn(), host: aHost(), events: quiet });
    const b = createEditorSession({ transport: vi.fn(), host: aHost(), events: quiet });
    const order: string[] = [];
    let release: () => void = () => {};
    void a.sessionChanges.inLine('w-1', () => new Promise<void>((r) => (release = r)).then(() => order.push('a: first')));
    void a.sessionChanges.inLine('w-1', async () => order.push('a: second'));
    await b.sessionChanges.inLine('w-1', async () => order.push('b'));
    expect(order).toEqual(['b']);
    release();
    await a.sessionChanges.inLine('w-1', async () => undefined);
    expect(order).toEqual(['b', 'a: first', 'a: second']);
  });
});

describe('the selection in the editor session', () => {
  const session = () => createEditorSession({ transport: vi.fn(), host: aHost(), events: quiet });

  it('holds one stage, outcome or arrow at a time, and nothing once cleared', () => {
    const { ui } = session();
    ui.getState().select({ kind: 'stage', id: 's-1' });
    expect(ui.getState().selection).toEqual({ kind: 'stage', id: 's-1' });
    ui.getState().select({ kind: 'transition', id: 't-1' });
    expect(ui.getState().selection).toEqual({ kind: 'transition', id: 't-1' });
    ui.getState().select({ kind: 'outcome', id: 'o-won' });
    expect(ui.getState().selection).toEqual({ kind: 'outcome', id: 'o-won' });
    ui.getState().select(null);
    expect(ui.getState().selection).toBeNull();
  });

  it('does not notify its listeners when the same element is selected again (a click on the selected card)', () => {
    const { ui } = session();
    ui.getState().select({ kind: 'stage', id: 's-1' });
    const heard = vi.fn();
    ui.subscribe(heard);
    ui.getState().select({ kind: 'stage', id: 's-1' });
    expect(heard).not.toHaveBeenCalled();
    ui.getState().select({ kind: 'outcome', id: 's-1' }); // same id, another kind: a change
    expect(heard).toHaveBeenCalledOnce();
  });

  it('keeps a just-added stage marked (its name field takes the focus) only while that stage stays selected', () => {
    const { ui } = session();
    ui.getState().selectAdded({ kind: 'stage', id: 's-new' });
    expect(ui.getState()).toMatchObject({ selection: { kind: 'stage', id: 's-new' }, justAdded: 's-new' });
    ui.getState().select({ kind: 'stage', id: 's-new' });
    expect(ui.getState().justAdded).toBe('s-new');
    ui.getState().select({ kind: 'stage', id: 's-other' });
    expect(ui.getState().justAdded).toBeNull();

    ui.getState().selectAdded({ kind: 'stage', id: 's-new' });
    ui.getState().settleAdded(); // Escape from the name field: back to the map
    expect(ui.getState()).toMatchObject({ selection: { kind: 'stage', id: 's-new' }, justAdded: null });
    ui.getState().selectAdded({ kind: 'stage', id: 's-new' });
    ui.getState().clearSelection(); // another map opened
    expect(ui.getState()).toMatchObject({ selection: null, justAdded: null });
  });

  it('revealing an element from the figures or checks selects it and brings the hidden side panel back on its edit tab', () => {
    const { ui } = session();
    ui.getState().setPanel('checks');
    ui.getState().toggleSidePanel();
    ui.getState().toggleMapOnly();
    ui.getState().reveal({ kind: 'transition', id: 't-1' });
    expect(ui.getState()).toMatchObject({ selection: { kind: 'transition', id: 't-1' }, panel: 'edit', sidePanelHidden: false, mapOnly: false });
  });

  it('is not shared: selecting in one session leaves another\'s selection alone', () => {
    const a = session();
    const b = session();
    b.ui.getState().select({ kind: 'outcome', id: 'o-lost' });
    a.ui.getState().select({ kind: 'stage', id: 's-1' });
    expect(b.ui.getState().selection).toEqual({ kind: 'outcome', id: 'o-lost' });
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
