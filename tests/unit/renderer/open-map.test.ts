// Opening a map: when the address names the version, the map read and the journal
// read start with the workshop read instead of after it; a version the workshop no
// longer has falls back to its first map; failures come back as the host's words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../src-renderer/api/client';
import { JOURNAL_READ_TIMEOUT_MS, openMap } from '../../../src-renderer/features/editor/open-map';
import { memoryJournal, type JournalEntry, type UnsavedJournal } from '../../../src-renderer/store/unsaved-journal';
import type { WireResult } from '../../../src-shared/api/errors';
import { aMapVersion, aWorkshopDetail } from './saver-harness';

/** An API whose answers the test releases one by one; `log` says what was asked and answered, in order. */
function heldApi(answers: { workshop?: WireResult<unknown>; missing?: string[] } = {}) {
  const log: string[] = [];
  const held = new Map<string, () => void>();
  const client: ApiClient = {
    call: ((method: string, input: { id?: string; versionId?: string }) => {
      const key = method === 'map.get' ? `map.get ${input.versionId}` : method;
      log.push(`ask ${key}`);
      return new Promise<WireResult<unknown>>((resolve) => {
        held.set(key, () => {
          log.push(`answer ${key}`);
          if (method === 'workshop.get') resolve(answers.workshop ?? { ok: true, value: aWorkshopDetail('workshop-1', ['version-1', 'version-2']) });
          else if (answers.missing?.includes(input.versionId!)) resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'This map was deleted.' } });
          else resolve({ ok: true, value: aMapVersion(input.versionId) });
        });
      });
    }) as unknown as ApiClient['call'],
  };
  const release = async (key: string) => {
    await vi.waitFor(() => expect(held.has(key)).toBe(true));
    held.get(key)!();
    held.delete(key);
  };
  return { client, log, release };
}

function loggingJournal(log: string[], inner: UnsavedJournal = memoryJournal()): UnsavedJournal {
  return { ...inner, read: (w, v) => (log.push(`journal ${v}`), inner.read(w, v)) };
}

const noPendingSave = { flush: async () => undefined };

afterEach(() => vi.useRealTimers());

describe('opening a version the address names', () => {
  it('asks for the map and the journal before the workshop answers', async () => {
    const api = heldApi();
    const opening = openMap({ api: api.client, saver: noPendingSave, journal: loggingJournal(api.log) }, 'workshop-1', 'version-2');
    await api.release('workshop.get');
    await api.release('map.get version-2');
    const opened = await opening;
    expect(api.log).toEqual(['ask map.get version-2', 'journal version-2', 'ask workshop.get', 'answer workshop.get', 'answer map.get version-2']);
    expect(opened.ok && opened.version.id).toBe('version-2');
    expect(opened.ok && opened.workshop.id).toBe('workshop-1');
  });

  it('saves what is pending on screen before reading the map', async () => {
    const api = heldApi();
    const saver = { flush: async () => void api.log.push('flush') };
    const opening = openMap({ api: api.client, saver, journal: memoryJournal() }, 'workshop-1', 'version-1');
    await api.release('workshop.get');
    await api.release('map.get version-1');
    await opening;
    expect(api.log[0]).toBe('flush');
  });

  it('opens the workshop’s first map when the named version is gone, reading its journal entry', async () => {
    const api = heldApi({ missing: ['version-9'] });
    const journal = memoryJournal();
    const entry: JournalEntry = { workshopId: 'workshop-1', versionId: 'version-1', versionName: 'First', baseRevision: 1, doc: aMapVersion().document, writtenAt: 1 };
    await journal.write(entry);
    const opening = openMap({ api: api.client, saver: noPendingSave, journal: loggingJournal(api.log, journal) }, 'workshop-1', 'version-9');
    await api.release('workshop.get');
    await api.release('map.get version-1');
    const opened = await opening;
    expect(api.log).toContain('ask map.get version-9');
    expect(api.log).toContain('journal version-1');
    expect(opened.ok && opened.version.id).toBe('version-1');
    expect(opened.ok && (await opened.journalEntry)?.versionName).toBe('First');
  });
});

describe('opening without a named version', () => {
  it('reads the workshop first, then its first map', async () => {
    const api = heldApi();
    const opening = openMap({ api: api.client, saver: noPendingSave, journal: loggingJournal(api.log) }, 'workshop-1', null);
    await api.release('workshop.get');
    await api.release('map.get version-1');
    const opened = await opening;
    expect(api.log).toEqual(['ask workshop.get', 'answer workshop.get', 'journal version-1', 'ask map.get version-1', 'answer map.get version-1']);
    expect(opened.ok && opened.version.id).toBe('version-1');
  });
});

describe('when opening fails', () => {
  it('says what the host said about the workshop', async () => {
    const api = heldApi({ workshop: { ok: false, error: { code: 'NOT_FOUND', message: 'This workshop was deleted.' } } });
    const opening = openMap({ api: api.client, saver: noPendingSave, journal: memoryJournal() }, 'workshop-1', 'version-1');
    await api.release('workshop.get');
    expect(await opening).toEqual({ ok: false, message: 'This workshop was deleted.' });
  });

  it('says so when the workshop has no map', async () => {
    const api = heldApi({ workshop: { ok: true, value: aWorkshopDetail('workshop-1', []) } });
    const opening = openMap({ api: api.client, saver: noPendingSave, journal: memoryJournal() }, 'workshop-1', null);
    await api.release('workshop.get');
    expect(await opening).toEqual({ ok: false, message: 'This workshop has no map.' });
  });

  it('says what the host said about the map', async () => {
    const api = heldApi({ missing: ['version-1'] });
    const opening = openMap({ api: api.client, saver: noPendingSave, journal: memoryJournal() }, 'workshop-1', 'version-1');
    await api.release('workshop.get');
    await api.release('map.get version-1');
    expect(await opening).toEqual({ ok: false, message: 'This map was deleted.' });
  });

  it('opens the map with no journal entry when the browser’s storage never answers', async () => {
    vi.useFakeTimers();
    const api = heldApi();
    const silent: UnsavedJournal = { ...memoryJournal(), read: () => new Promise(() => undefined) };
    const opening = openMap({ api: api.client, saver: noPendingSave, journal: silent }, 'workshop-1', 'version-1');
    await api.release('workshop.get');
    await api.release('map.get version-1');
    const opened = await opening;
    expect(opened.ok).toBe(true);
    await vi.advanceTimersByTimeAsync(JOURNAL_READ_TIMEOUT_MS);
    expect(opened.ok && (await opened.journalEntry)).toBeNull();
  });
});
