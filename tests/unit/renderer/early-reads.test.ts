// A window opening on a map starts reading its workshop and map before the app's code
// has loaded (early-reads.ts): the editor's own calls for the same reads get those
// answers, once and while fresh; a failed early read is asked again; other calls, and
// windows opening elsewhere, go straight through.
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../src-renderer/api/transports';
import { createApiClient } from '../../../src-renderer/api/client';
import { openMap } from '../../../src-renderer/features/editor/open-map';
import { parseRoute } from '../../../src-renderer/routes';
import { EARLY_READ_FRESH_MS, withEarlyReads } from '../../../src-renderer/session/early-reads';
import { memoryJournal } from '../../../src-renderer/store/unsaved-journal';
import type { WireResult } from '../../../src-shared/api/errors';
import { aMapVersion, aWorkshopDetail } from './saver-harness';

/** A transport that logs every call that reaches it and answers from `answer` (by default: the workshop with two versions, any map). */
function loggedTransport(answer?: (method: string, input: Record<string, string>, n: number) => WireResult<unknown>) {
  const log: string[] = [];
  const transport: Transport = async (method, input) => {
    const i = input as Record<string, string>;
    log.push(`${method} ${i.id ?? i.versionId ?? i.workshopId ?? ''}`.trim());
    const n = log.length;
    if (answer) return answer(method, i, n);
    if (method === 'workshop.get') return { ok: true, value: aWorkshopDetail(i.id!, ['version-1', 'version-2']) };
    if (method === 'map.get') return { ok: true, value: aMapVersion(i.versionId) };
    if (method === 'map.open') return { ok: true, value: aMapVersion('version-1') };
    return { ok: true, value: null };
  };
  return { transport, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const noPendingSave = { flush: async () => undefined };

describe('a window opening on a workshop', () => {
  it('reads the workshop and the version the address names at once, and the editor takes those answers', async () => {
    const { transport, log } = loggedTransport();
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1/version-2'));
    expect(log).toEqual(['workshop.get workshop-1', 'map.get version-2']);
    const opened = await openMap({ api: createApiClient(early), saver: noPendingSave, journal: memoryJournal() }, 'workshop-1', 'version-2');
    expect(opened.ok && opened.version.id).toBe('version-2');
    expect(log).toEqual(['workshop.get workshop-1', 'map.get version-2']);
  });

  it('reads the workshop and its first map at once when the address names no version, and the editor takes both', async () => {
    const { transport, log } = loggedTransport();
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1'));
    expect(log).toEqual(['workshop.get workshop-1', 'map.open workshop-1']);
    const opened = await openMap({ api: createApiClient(early), saver: noPendingSave, journal: memoryJournal() }, 'workshop-1', null);
    expect(opened.ok && opened.version.id).toBe('version-1');
    expect(log).toHaveLength(2);
  });

  it('reads the version the editor chose afresh when the first map read early is another one, or failed', async () => {
    const { transport, log } = loggedTransport((method, input) =>
      method === 'workshop.get'
        ? { ok: true, value: aWorkshopDetail('workshop-1', ['version-2', 'version-1']) }
        : method === 'map.open'
          ? { ok: true, value: aMapVersion('version-1') }
          : { ok: true, value: aMapVersion(input.versionId) },
    );
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1'));
    const opened = await openMap({ api: createApiClient(early), saver: noPendingSave, journal: memoryJournal() }, 'workshop-1', null);
    expect(opened.ok && opened.version.id).toBe('version-2');
    expect(log).toEqual(['workshop.get workshop-1', 'map.open workshop-1', 'map.get version-2']);

    const failing = loggedTransport((method, input) =>
      method === 'map.open' ? { ok: false, error: { code: 'UNAVAILABLE', message: 'Leanmap is not answering.' } } : method === 'workshop.get' ? { ok: true, value: aWorkshopDetail('workshop-1', ['version-1']) } : { ok: true, value: aMapVersion(input.versionId) },
    );
    const again = withEarlyReads(failing.transport, parseRoute('#/workshop/workshop-1'));
    const reopened = await openMap({ api: createApiClient(again), saver: noPendingSave, journal: memoryJournal() }, 'workshop-1', null);
    expect(reopened.ok && reopened.version.id).toBe('version-1');
    expect(failing.log).toEqual(['workshop.get workshop-1', 'map.open workshop-1', 'map.get version-1']);
  });

  it('hands each early answer on once: a second read of the map asks again', async () => {
    const { transport, log } = loggedTransport();
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1/version-2'));
    await early('map.get', { versionId: 'version-2' });
    await early('map.get', { versionId: 'version-2' });
    expect(log.filter((l) => l === 'map.get version-2')).toHaveLength(2);
  });

  it('asks again after an early read that failed (the host may have been starting)', async () => {
    const { transport, log } = loggedTransport((method, input, n) =>
      n <= 2 ? { ok: false, error: { code: 'UNAVAILABLE', message: 'Leanmap is not answering.' } } : { ok: true, value: aMapVersion(input.versionId) },
    );
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1/version-2'));
    const answer = await early('map.get', { versionId: 'version-2' });
    expect(answer.ok).toBe(true);
    expect(log).toEqual(['workshop.get workshop-1', 'map.get version-2', 'map.get version-2']);
  });

  it('lets a stale early answer go: a map opened later is read afresh', async () => {
    let clock = 0;
    const { transport, log } = loggedTransport();
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1/version-2'), () => clock);
    clock = EARLY_READ_FRESH_MS + 1;
    await early('workshop.get', { id: 'workshop-1' });
    await early('map.get', { versionId: 'version-2' });
    expect(log).toEqual(['workshop.get workshop-1', 'map.get version-2', 'workshop.get workshop-1', 'map.get version-2']);
  });

  it('takes no early answer for another map, nor for a call with options (a save)', async () => {
    const { transport, log } = loggedTransport();
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1/version-2'));
    await early('map.get', { versionId: 'version-1' });
    await early('map.get', { versionId: 'version-2' }, { keepalive: true });
    expect(log).toEqual(['workshop.get workshop-1', 'map.get version-2', 'map.get version-1', 'map.get version-2']);
  });
});

describe('every other call', () => {
  it('goes straight to the transport without writing its input out (a save carries a whole map)', async () => {
    const { transport, log } = loggedTransport();
    const early = withEarlyReads(transport, parseRoute('#/workshop/workshop-1/version-2'));
    const map = {
      versionId: 'version-2',
      toJSON() {
        throw new Error('a save was written out again');
      },
    };
    await early('map.save', map);
    await early('map.get', { versionId: 'version-2' });
    await early('map.save', map);
    expect(log).toEqual(['workshop.get workshop-1', 'map.get version-2', 'map.save version-2', 'map.save version-2']);
  });
});

describe('a window opening on the library', () => {
  it.each(['#/', '', '#/workshop/../../etc', '#/workshop/a b'])('reads the workshops and the trash early for %j (the library), and the library takes those answers', async (hash) => {
    const { transport, log } = loggedTransport((method, input) => ({ ok: true, value: [{ id: input.trash ? 'trashed' : 'kept' }] }));
    const early = withEarlyReads(transport, parseRoute(hash));
    expect(log).toEqual(['workshop.list', 'workshop.list']);
    // As LibraryPage asks: its query and trash state, then the trash for its count.
    const [list, trashed] = await Promise.all([early('workshop.list', { query: '', trash: false }), early('workshop.list', { query: '', trash: true })]);
    expect(list).toEqual({ ok: true, value: [{ id: 'kept' }] });
    expect(trashed).toEqual({ ok: true, value: [{ id: 'trashed' }] });
    expect(log).toHaveLength(2);
    // A search is a new read.
    await early('workshop.list', { query: 'acme', trash: false });
    expect(log).toHaveLength(3);
  });
});

describe('a window opening elsewhere', () => {
  it.each(['#/audience/workshop-1'])('reads nothing early for %j', async (hash) => {
    const { transport, log } = loggedTransport();
    const early = withEarlyReads(transport, parseRoute(hash));
    await settle();
    expect(log).toEqual([]);
    await early('workshop.list', {});
    expect(log).toEqual(['workshop.list']);
  });
});
