// The saver: every edit the facilitator sees is saved once, in order, each save with
// the revision the previous one returned; refusals are shown, not retried blindly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSaver, JOURNAL_DELAY_MS, JOURNAL_INTERVAL_MS, RETRY_DELAY_MS, SAVE_DELAY_MS } from '../../../src-renderer/store/saver';
import { memoryJournal } from '../../../src-renderer/store/unsaved-journal';
import { createJsonEncoder } from '../../../src-renderer/store/document-json';
import { bigMap } from '../../../bench/big-map';
import { aMapVersion, aWorkshopDetail, fakePage, firstStageName, heldBackend, loadedStore, manualTimers, rename } from './saver-harness';

function setUp(options: { journal?: ReturnType<typeof memoryJournal> } = {}) {
  const store = loadedStore();
  const timers = manualTimers();
  const backend = heldBackend();
  const page = fakePage();
  const journal = options.journal ?? memoryJournal();
  const saver = createSaver({ api: () => backend.client, store, timers, page, journal, clock: () => timers.now });
  const stop = saver.start();
  return { store, timers, backend, page, journal, saver, stop };
}

describe('debounce', () => {
  it('saves a burst of edits once, with the last one, after the save delay', async () => {
    const { store, timers, backend } = setUp();
    rename(store, 'R');
    timers.advance(100);
    rename(store, 'Re');
    timers.advance(100);
    rename(store, 'Recognise');
    timers.advance(SAVE_DELAY_MS - 1);
    expect(backend.calls).toHaveLength(0);
    expect(store.getState().saveState).toBe('unsaved');

    timers.advance(1);
    expect(backend.calls.map((c) => firstStageName(c.document))).toEqual(['Recognise']);
    expect(store.getState().saveState).toBe('saving');
    await backend.answer();
    expect(store.getState()).toMatchObject({ saveState: 'saved', revision: 2 });
    expect(store.getState().savedDoc).toBe(store.getState().history?.doc);
  });

  it('does not save a map nobody changed, nor a read-only one', async () => {
    const { timers, backend, saver } = setUp();
    timers.advance(10 * SAVE_DELAY_MS);
    await saver.flush();
    expect(backend.calls).toHaveLength(0);

    const agreed = loadedStore(aMapVersion('version-1', { signOff: { agreedOn: '2026-11-22', names: ['Robin'] } as never }));
    const other = heldBackend();
    const agreedSaver = createSaver({ api: () => other.client, store: agreed, timers });
    agreedSaver.start();
    rename(agreed, 'Changed');
    await agreedSaver.flush();
    expect(other.calls).toHaveLength(0);
  });
});

describe('back to what is stored', () => {
  it('shows "saved" and sends nothing when undo then redo, quicker than the save delay, bring back the stored map', async () => {
    const { store, timers, backend } = setUp();
    rename(store, 'Pilot', true);
    timers.advance(SAVE_DELAY_MS);
    await backend.answer();
    expect(store.getState().saveState).toBe('saved');

    store.getState().undo();
    expect(store.getState().saveState).toBe('unsaved');
    store.getState().redo(); // the map on screen is the stored one again
    expect(store.getState().saveState).toBe('saved');
    timers.advance(10 * SAVE_DELAY_MS);
    expect(backend.calls).toHaveLength(1);
    expect(store.getState().saveState).toBe('saved');
  });
});

describe('one save at a time, in order', () => {
  it('with one save in flight and two callers waiting, sends one next save with the new revision — no made-up conflict', async () => {
    const { store, backend, saver } = setUp();
    rename(store, 'First');
    const first = saver.flush();
    rename(store, 'Second');
    const waiterA = saver.flush();
    const waiterB = saver.flush();
    expect(backend.calls).toHaveLength(1);

    await backend.answer(); // the first save is acknowledged: revision 2
    expect(backend.calls.map((c) => c.revision)).toEqual([1, 2]);
    await backend.answer();
    await Promise.all([first, waiterA, waiterB]);

    expect(backend.calls.map((c) => firstStageName(c.document))).toEqual(['First', 'Second']);
    expect(store.getState()).toMatchObject({ saveState: 'saved', revision: 3, saveMessage: '' });
  });

  it('an edit made while a save is in flight is saved right after it', async () => {
    const { store, timers, backend } = setUp();
    rename(store, 'One');
    timers.advance(SAVE_DELAY_MS);
    rename(store, 'Two');
    timers.advance(SAVE_DELAY_MS); // its timer fires while "One" is still in flight
    expect(backend.calls).toHaveLength(1);
    await backend.answer();
    expect(store.getState().saveState).toBe('saving');
    timers.advance(0);
    await backend.answer();
    expect(backend.calls.map((c) => [firstStageName(c.document), c.revision])).toEqual([
      ['One', 1],
      ['Two', 2],
    ]);
    expect(store.getState().saveState).toBe('saved');
  });

  it('for any interleaving of edits, flushes, timers and answers, every save carries the latest revision and the last edit is stored', async () => {
    type Step = { kind: 'edit' } | { kind: 'flush' } | { kind: 'tick'; ms: number } | { kind: 'answer' };
    const step = fc.oneof(
      fc.constant<Step>({ kind: 'edit' }),
      fc.constant<Step>({ kind: 'flush' }),
      fc.integer({ min: 0, max: 400 }).map<Step>((ms) => ({ kind: 'tick', ms })),
      fc.constant<Step>({ kind: 'answer' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const { store, timers, backend, saver } = setUp();
        let edits = 0;
        const flushes: Promise<void>[] = [];
        for (const s of steps) {
          if (s.kind === 'edit') rename(store, `Edit ${++edits}`);
          else if (s.kind === 'flush') flushes.push(saver.flush());
          else if (s.kind === 'tick') timers.advance(s.ms);
          else if (backend.waiting() > 0) await backend.answer();
          await backend.settle();
        }
        // Then the network answers everything and time passes.
        for (let i = 0; i < 100 && (backend.waiting() > 0 || timers.pending() > 0); i++) {
          if (backend.waiting() > 0) await backend.answer();
          timers.advance(SAVE_DELAY_MS);
          await backend.settle();
        }
        await Promise.all(flushes);
        expect(store.getState().saveState).not.toBe('conflict');
        const revisions = backend.calls.map((c) => c.revision);
        expect(revisions).toEqual(revisions.map((_, i) => i + 1));
        if (edits > 0) expect(firstStageName(backend.stored.get('version-1')?.document)).toBe(`Edit ${edits}`);
        expect(store.getState().saveState).toBe('saved');
      }),
      { numRuns: 150 },
    );
  });
});

describe('an unreliable backend', () => {
  it('whatever saves fail on the way, the last edit ends up stored, in order, and the journal is empty', async () => {
    type Step = { kind: 'edit' } | { kind: 'tick'; ms: number } | { kind: 'answer'; fails: boolean };
    const step = fc.oneof(
      fc.constant<Step>({ kind: 'edit' }),
      fc.integer({ min: 0, max: RETRY_DELAY_MS }).map<Step>((ms) => ({ kind: 'tick', ms })),
      fc.boolean().map<Step>((fails) => ({ kind: 'answer', fails })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const { store, timers, backend, journal } = setUp();
        let edits = 0;
        for (const s of steps) {
          if (s.kind === 'edit') rename(store, `Edit ${++edits}`);
          else if (s.kind === 'tick') timers.advance(s.ms);
          else if (backend.waiting() > 0) {
            await backend.answer(s.fails ? { ok: false, error: { code: 'UNAVAILABLE', message: 'Not answering.' } } : { ok: true });
          }
          await backend.settle();
        }
        for (let i = 0; i < 100 && (backend.waiting() > 0 || timers.pending() > 0); i++) {
          if (backend.waiting() > 0) await backend.answer();
          timers.advance(RETRY_DELAY_MS);
          await backend.settle();
        }
        const revisions = backend.calls.map((c) => c.revision);
        expect(revisions).toEqual([...revisions].sort((a, b) => a - b)); // never an older revision after a newer one
        expect(store.getState().saveState).toBe('saved');
        if (edits > 0) expect(firstStageName(backend.stored.get('version-1')?.document)).toBe(`Edit ${edits}`);
        expect(journal.entries.size).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('refusals', () => {
  it('retries a save the backend could not take (UNAVAILABLE) after a pause, and says so meanwhile', async () => {
    const { store, timers, backend } = setUp();
    rename(store, 'Offline edit');
    timers.advance(SAVE_DELAY_MS);
    await backend.answer({ ok: false, error: { code: 'UNAVAILABLE', message: 'Leanmap is not answering.' } });
    expect(store.getState()).toMatchObject({ saveState: 'error', saveMessage: 'Leanmap is not answering.' });

    timers.advance(RETRY_DELAY_MS - 1);
    expect(backend.calls).toHaveLength(1);
    timers.advance(1);
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1]).toMatchObject({ revision: 1 });
    await backend.answer();
    expect(store.getState()).toMatchObject({ saveState: 'saved', revision: 2 });
  });

  it('does not retry other failures on its own, but saves again on the next edit', async () => {
    const { store, timers, backend } = setUp();
    rename(store, 'A');
    timers.advance(SAVE_DELAY_MS);
    await backend.answer({ ok: false, error: { code: 'INTERNAL', message: 'Something broke.' } });
    timers.advance(10 * RETRY_DELAY_MS);
    expect(backend.calls).toHaveLength(1);
    rename(store, 'AB');
    expect(store.getState().saveState).toBe('unsaved');
    timers.advance(SAVE_DELAY_MS);
    await backend.answer();
    expect(store.getState().saveState).toBe('saved');
  });

  it('stops saving on a conflict, says why, and keeps the edits in the journal', async () => {
    const { store, timers, backend, journal } = setUp();
    backend.stored.set('version-1', { revision: 5, document: null }); // another window saved meanwhile
    rename(store, 'Mine');
    timers.advance(SAVE_DELAY_MS);
    await backend.answer();
    expect(store.getState()).toMatchObject({ saveState: 'conflict', saveMessage: 'Someone else saved this map.' });

    rename(store, 'Mine again'); // refused by the store while in conflict
    timers.advance(10 * SAVE_DELAY_MS);
    expect(backend.calls).toHaveLength(1);
    expect(firstStageName((await journal.read('workshop-1', 'version-1'))?.doc)).toBe('Mine');
  });

  it('shows a locked version as locked and sends nothing more', async () => {
    const { store, timers, backend } = setUp();
    rename(store, 'Late edit');
    timers.advance(SAVE_DELAY_MS);
    await backend.answer({ ok: false, error: { code: 'LOCKED', message: 'This version is agreed.' } });
    expect(store.getState()).toMatchObject({ saveState: 'locked', saveMessage: 'This version is agreed.' });
  });
});

describe('closing and switching', () => {
  it('saves at once, with keepalive, when the page is about to close, and asks the browser to confirm', async () => {
    const { store, backend, page, timers } = setUp();
    expect(page.beforeUnload()).toBe(false); // nothing pending: close without asking
    rename(store, 'Last words');
    expect(page.beforeUnload()).toBe(true);
    expect(backend.calls).toEqual([expect.objectContaining({ keepalive: true, revision: 1 })]);
    await backend.answer();
    timers.advance(SAVE_DELAY_MS);
    expect(backend.calls).toHaveLength(1); // the debounced save has nothing left to do
  });

  it('saves with keepalive when the page is hidden', async () => {
    const { store, backend, page } = setUp();
    page.hide();
    expect(backend.calls).toHaveLength(0);
    rename(store, 'Hidden');
    page.hide();
    expect(backend.calls).toEqual([expect.objectContaining({ keepalive: true })]);
  });

  it('stops watching the store and the page when stopped', () => {
    const { store, timers, backend, page, stop } = setUp();
    stop();
    expect(page.watching).toBe(false);
    rename(store, 'After stop');
    timers.advance(SAVE_DELAY_MS);
    expect(backend.calls).toHaveLength(0);
  });

  it('ignores the answer to a save of a map the facilitator has left for another one', async () => {
    const { store, timers, backend } = setUp();
    rename(store, 'Old map edit');
    timers.advance(SAVE_DELAY_MS);
    const other = aMapVersion('version-2', { revision: 7 });
    store.getState().load(aWorkshopDetail('workshop-1', ['version-1', 'version-2']), other);
    await backend.answer();

    expect(store.getState()).toMatchObject({ versionId: 'version-2', revision: 7, saveState: 'saved' });
    expect(store.getState().savedDoc).toBe(other.document);
    rename(store, 'New map edit');
    timers.advance(SAVE_DELAY_MS);
    expect(backend.calls[1]).toMatchObject({ versionId: 'version-2', revision: 7 });
  });
});

describe('the body of a save', () => {
  it('is the input written as JSON, byte for byte, for every save of a run of edits (only changed stages written afresh)', async () => {
    const { store, timers, backend } = setUp();
    for (const name of ['One', 'Two', 'Three']) {
      rename(store, name);
      timers.advance(SAVE_DELAY_MS);
      await backend.answer();
    }
    expect(backend.calls).toHaveLength(3);
    for (const call of backend.calls) {
      const { json, keepalive: _, ...input } = call;
      expect(json?.type).toBe('application/json');
      expect(await json!.text()).toBe(JSON.stringify(input));
    }
    expect(firstStageName(JSON.parse(await backend.calls[2]!.json!.text()).document)).toBe('Three');
  });
});

describe('writing a map just opened while the page is idle', () => {
  /** Idle callbacks run only when the test says so, each allowed `items` items of work. */
  function manualIdle() {
    const queue: ((more: () => boolean) => void)[] = [];
    return {
      idle: (work: (more: () => boolean) => void) => void queue.push(work),
      run(items: number) {
        const work = queue.shift();
        let left = items;
        work?.(() => left-- > 0);
      },
      waiting: () => queue.length,
    };
  }

  it('writes the opened map’s stages in idle time, a few per turn, so the first edit writes only what changed', async () => {
    const store = loadedStore(aMapVersion('version-1', { document: bigMap(12) }));
    const timers = manualTimers();
    const backend = heldBackend();
    const written: unknown[] = [];
    const encoder = createJsonEncoder((v) => {
      written.push(v);
      return JSON.stringify(v);
    });
    const scheduler = manualIdle();
    const stop = createSaver({ api: () => backend.client, store, timers, journal: memoryJournal(), encoder, idle: scheduler.idle }).start();
    const objects = () => written.filter((v) => typeof v === 'object' && v !== null);
    const doc = store.getState().history!.doc;
    const items = doc.stages.length + doc.transitions.length + doc.outcomes.length;
    let turns = 0;
    while (scheduler.waiting() > 0 && turns++ < 100) scheduler.run(5);
    expect(turns).toBe(Math.ceil(items / 5));
    expect(objects()).toHaveLength(items);
    written.length = 0;
    rename(store, 'Typed after opening');
    timers.advance(SAVE_DELAY_MS);
    // Of the list items only the renamed stage; the rest is keys and small values (the process's few numbers).
    expect(objects().filter((v) => 'id' in (v as object))).toEqual([store.getState().history!.doc.stages[0]]);
    expect(await backend.calls[0]!.json!.text()).toBe(JSON.stringify({ versionId: 'version-1', revision: 1, document: store.getState().history!.doc }));
    stop();
  });

  it('stops warming a map the facilitator left for another, and warms the other', () => {
    const store = loadedStore(aMapVersion('version-1', { document: bigMap(12) }));
    const written: unknown[] = [];
    const encoder = createJsonEncoder((v) => {
      written.push(v);
      return JSON.stringify(v);
    });
    const scheduler = manualIdle();
    const stop = createSaver({ api: () => heldBackend().client, store, timers: manualTimers(), encoder, idle: scheduler.idle }).start();
    scheduler.run(3);
    const other = aMapVersion('version-2', { document: bigMap(5) });
    store.getState().load(aWorkshopDetail('workshop-1', ['version-2']), other);
    written.length = 0;
    while (scheduler.waiting() > 0) scheduler.run(1000);
    const stages = written.filter((v) => typeof v === 'object' && v !== null && 'actions' in v);
    expect(stages).toEqual(other.document.stages);
    stop();
  });
});

describe('the journal of unsaved edits', () => {
  it('keeps the document as its JSON bytes, and gives it back as the document', async () => {
    const { store, timers, journal } = setUp();
    rename(store, 'Kept as bytes');
    timers.advance(JOURNAL_DELAY_MS);
    const kept = journal.entries.get('workshop-1/version-1');
    expect(kept && 'docJson' in kept && new TextDecoder().decode(kept.docJson)).toBe(JSON.stringify(store.getState().history?.doc));
    const entry = await journal.read('workshop-1', 'version-1');
    expect(entry?.doc).toEqual(store.getState().history?.doc);
    expect(entry).not.toHaveProperty('encodedDoc');
  });

  it('reads back an entry kept as a document (as written before the bytes were kept)', async () => {
    const journal = memoryJournal();
    const doc = loadedStore().getState().history!.doc;
    await journal.write({ workshopId: 'w', versionId: 'v', versionName: 'Current state', baseRevision: 3, doc, writtenAt: 5 });
    expect(journal.entries.get('w/v')).toHaveProperty('doc');
    expect(await journal.read('w', 'v')).toEqual({ workshopId: 'w', versionId: 'v', versionName: 'Current state', baseRevision: 3, doc, writtenAt: 5 });
  });

  it('keeps the document shown on screen, with its base revision, sooner than the save', async () => {
    const { store, timers, journal } = setUp();
    rename(store, 'Typed');
    expect(JOURNAL_DELAY_MS).toBeLessThan(SAVE_DELAY_MS);
    timers.advance(JOURNAL_DELAY_MS);
    const entry = await journal.read('workshop-1', 'version-1');
    expect(entry).toMatchObject({ workshopId: 'workshop-1', versionId: 'version-1', baseRevision: 1, writtenAt: JOURNAL_DELAY_MS });
    expect(firstStageName(entry?.doc)).toBe('Typed');
  });

  it('while typing goes on, writes at most every JOURNAL_INTERVAL_MS, and the last key within that of being typed', async () => {
    const { store, timers, journal } = setUp();
    const writes: string[] = [];
    const write = journal.write.bind(journal);
    journal.write = (entry) => {
      writes.push(firstStageName(entry.doc) ?? '');
      return write(entry);
    };
    const typed = 'Compare vendors';
    for (let i = 1; i <= typed.length; i++) {
      rename(store, typed.slice(0, i));
      timers.advance(40); // a key every 40 ms, never pausing long enough to save
    }
    const typingMs = typed.length * 40;
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(typingMs / JOURNAL_INTERVAL_MS) + 1);
    expect(writes.length).toBeGreaterThanOrEqual(Math.floor(typingMs / JOURNAL_INTERVAL_MS));
    timers.advance(JOURNAL_INTERVAL_MS);
    expect(writes.at(-1)).toBe(typed);
    expect(firstStageName((await journal.read('workshop-1', 'version-1'))?.doc)).toBe(typed);
  });

  it('writes at once when the page is hidden or closing', async () => {
    const { store, page, journal } = setUp();
    rename(store, 'Closing');
    page.beforeUnload();
    expect(firstStageName((await journal.read('workshop-1', 'version-1'))?.doc)).toBe('Closing');
  });

  it('writes at once when saving is flushed (leaving the map for another)', async () => {
    const { store, saver, journal } = setUp();
    rename(store, 'Leaving');
    void saver.flush();
    expect(firstStageName((await journal.read('workshop-1', 'version-1'))?.doc)).toBe('Leaving');
  });

  it('forgets the entry when the save is acknowledged and nothing newer is pending', async () => {
    const { store, timers, backend, journal } = setUp();
    rename(store, 'Saved soon');
    timers.advance(SAVE_DELAY_MS);
    expect(journal.entries.size).toBe(1);
    await backend.answer();
    expect(journal.entries.size).toBe(0);
  });

  it('re-bases a newer edit on the acknowledged revision', async () => {
    const { store, timers, backend, journal } = setUp();
    rename(store, 'One');
    timers.advance(SAVE_DELAY_MS);
    rename(store, 'Two');
    await backend.answer();
    const entry = await journal.read('workshop-1', 'version-1');
    expect(entry).toMatchObject({ baseRevision: 2 });
    expect(firstStageName(entry?.doc)).toBe('Two');
  });

  it('keeps the entry while the backend cannot be reached', async () => {
    const { store, timers, backend, journal } = setUp();
    rename(store, 'Offline');
    timers.advance(SAVE_DELAY_MS);
    await backend.answer({ ok: false, error: { code: 'UNAVAILABLE', message: 'Not answering.' } });
    expect(firstStageName((await journal.read('workshop-1', 'version-1'))?.doc)).toBe('Offline');
  });

  it('saving goes on when the journal fails', async () => {
    const broken = memoryJournal();
    broken.write = () => Promise.reject(new Error('quota'));
    const { store, timers, backend } = setUp({ journal: broken });
    rename(store, 'Still saved');
    timers.advance(SAVE_DELAY_MS);
    await backend.answer();
    expect(store.getState().saveState).toBe('saved');
  });
});
