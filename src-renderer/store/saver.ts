// Writes the open document to the backend shortly after every change (debounced,
// well under a second): one save at a time, in order, each with the revision the
// previous one returned. A refused save (someone else saved first) stops saving and
// says so. Until a save is acknowledged, the document is kept in the local journal.
import type { StoreApi } from 'zustand';
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { ApiClient } from '../api/client';
import type { DocumentState } from './document-store';
import { createJsonEncoder, type JsonEncoder } from './document-json';
import type { UnsavedJournal } from './unsaved-journal';

export const SAVE_DELAY_MS = 250;
export const RETRY_DELAY_MS = 2000;
/** The journal is written sooner than the save, so a closed tab loses at most this much. */
export const JOURNAL_DELAY_MS = 50;
/**
 * While edits go on (typing), the journal is written at most this often: each write
 * copies the whole map (2.8 MB at 1,000 stages) into the browser's storage. A closed
 * or hidden page writes at once whatever the interval.
 */
export const JOURNAL_INTERVAL_MS = 250;

export interface SaverTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The page events that mean "this page may be gone soon". */
export interface PageLifecycle {
  /** `hidden`: the page was hidden or is being left; `beforeUnload`: returns whether to ask before closing. */
  watch(handlers: { hidden(): void; beforeUnload(): boolean }): () => void;
}

export interface SaverDeps {
  /** The API client; read at each save, so the transport is chosen only when first needed. */
  api: () => ApiClient;
  store: StoreApi<DocumentState>;
  timers?: SaverTimers;
  page?: PageLifecycle;
  journal?: UnsavedJournal;
  clock?: () => number;
  /** Writes the document as JSON for the journal and the save, incrementally (document-json.ts). */
  encoder?: JsonEncoder;
  /** Runs work when the page is idle (the JSON of a map just opened is written then). */
  idle?: IdleScheduler;
}

/** Runs `work` when the page is idle; `more()` says whether it may go on. */
export type IdleScheduler = (work: (more: () => boolean) => void) => void;

/** The browser's idle time, or short tasks where there is none (Node, tests). */
export const browserIdle: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => work(() => deadline.timeRemaining() > 1), { timeout: 2000 });
    return;
  }
  setTimeout(() => {
    const until = performance.now() + 8;
    work(() => performance.now() < until);
  }, 0);
};

export interface Saver {
  /** Starts watching the document store and the page; returns a stop function. */
  start(): () => void;
  /** Saves whatever is pending right away (before closing or leaving the editor). */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /** Resolves once no save is in flight (a remote update must not race one). */
  settled(): Promise<void>;
}

const globalTimers: SaverTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The browser page's lifecycle events; in Electron nobody is asked before closing. */
export const browserPageLifecycle: PageLifecycle = {
  watch: ({ hidden, beforeUnload }) => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hidden();
    };
    const onPageHide = () => hidden();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Only the browser asks; Electron would silently cancel the close.
      if (beforeUnload() && !window.leanmap) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  },
};

export function createSaver({ api: client, store, timers = globalTimers, page, journal, clock = Date.now, encoder = createJsonEncoder(), idle = browserIdle }: SaverDeps): Saver {
  let saveTimer: unknown = null;
  let journalTimer: unknown = null;
  let lastJournalAt: number | null = null;
  let inFlight: Promise<void> | null = null;

  function pendingDoc(): MapDocument | null {
    const s = store.getState();
    const doc = s.history?.doc ?? null;
    if (!doc || !s.versionId || s.readOnly || s.saveState === 'conflict') return null;
    return doc !== s.savedDoc ? doc : null;
  }

  // --- the JSON of a map just opened, written while the page is idle ----------------

  let warmings = 0;
  function warmUp(): void {
    const turn = ++warmings;
    const step = () =>
      idle((more) => {
        const { history, readOnly } = store.getState();
        // A newer map (or save) started its own warming; a read-only map is never saved.
        if (turn !== warmings || !history || readOnly) return;
        // The map as it is now: edits since share all but their changed stages.
        if (!encoder.warm(history.doc, more)) step();
      });
    step();
  }

  // --- the journal: what is on screen but not yet acknowledged ---------------------

  function writeJournal(): void {
    if (journalTimer !== null) {
      timers.clear(journalTimer);
      journalTimer = null;
    }
    const doc = pendingDoc();
    const s = store.getState();
    if (!journal || !doc || !s.workshop || !s.versionId) return;
    lastJournalAt = clock();
    journal
      .write({
        workshopId: s.workshop.id,
        versionId: s.versionId,
        versionName: s.versionName,
        baseRevision: s.revision,
        doc,
        encodedDoc: encoder.encode(doc),
        writtenAt: clock(),
      })
      .catch(() => undefined); // the journal is a safety net; saving goes on without it
  }

  function scheduleJournal(): void {
    if (!journal || journalTimer !== null) return;
    const sinceLast = lastJournalAt === null ? Infinity : clock() - lastJournalAt;
    journalTimer = timers.set(writeJournal, Math.max(JOURNAL_DELAY_MS, JOURNAL_INTERVAL_MS - sinceLast));
  }

  function forgetJournal(workshopId: string, versionId: string): void {
    if (journalTimer !== null) {
      timers.clear(journalTimer);
      journalTimer = null;
    }
    journal?.remove(workshopId, versionId).catch(() => undefined);
  }

  // --- saving -----------------------------------------------------------------------

  async function send(doc: MapDocument, options: { keepalive?: boolean }): Promise<void> {
    const { workshop, versionId, revision, setSaveState } = store.getState();
    setSaveState('saving');
    const input = { versionId: versionId!, revision, document: doc };
    // Written here, a few changed stages at a time, not stringified whole by the transport.
    const json = new Blob([encoder.encode(input)], { type: 'application/json' });
    const result = await client().call('map.save', input, { ...options, json });
    const state = store.getState();
    // The facilitator opened another map meanwhile. Its journal entry, if any, is
    // dropped on reopening when it matches what was stored.
    if (state.versionId !== versionId) return;
    if (result.ok) {
      state.markSaved(doc, result.value.revision);
      const more = pendingDoc();
      state.setSaveState(more ? 'unsaved' : 'saved');
      if (more) {
        writeJournal(); // same edits, on the new revision
        schedule(0);
      } else if (workshop) {
        forgetJournal(workshop.id, versionId!);
      }
    } else if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') {
      state.setSaveState('conflict', result.error.message);
    } else if (result.error.code === 'LOCKED') {
      state.setSaveState('locked', result.error.message);
    } else {
      state.setSaveState('error', result.error.message);
      if (result.error.code === 'UNAVAILABLE') schedule(RETRY_DELAY_MS);
    }
  }

  async function saveNow(options: { keepalive?: boolean } = {}): Promise<void> {
    // Wait until nothing is in flight: several callers may be waiting on the same
    // save, and only one of them may send next, with the revision that save returned.
    while (inFlight) await inFlight;
    const doc = pendingDoc();
    if (!doc) return;
    const current = send(doc, options).finally(() => {
      inFlight = null;
    });
    inFlight = current;
    await current;
  }

  function schedule(delay: number): void {
    if (saveTimer !== null) timers.clear(saveTimer);
    saveTimer = timers.set(() => {
      saveTimer = null;
      void saveNow();
    }, delay);
  }

  /** The map on screen is the stored one again: no save, no journal entry, and it says "saved". */
  function backToStored(): void {
    if (saveTimer !== null) {
      timers.clear(saveTimer);
      saveTimer = null;
    }
    const { workshop, versionId, setSaveState } = store.getState();
    if (workshop && versionId) forgetJournal(workshop.id, versionId);
    setSaveState('saved');
  }

  function flush(options: { keepalive?: boolean } = {}): Promise<void> {
    if (journalTimer !== null) writeJournal(); // before another map replaces this one
    if (saveTimer !== null) {
      timers.clear(saveTimer);
      saveTimer = null;
    }
    return saveNow(options);
  }

  function start(): () => void {
    warmUp();
    const unsubscribe = store.subscribe((state, previous) => {
      // A map loaded from the database (opened, or another window's save taken).
      if (state.savedDoc !== previous.savedDoc) warmUp();
      if (state.history?.doc === previous.history?.doc) return;
      if (!pendingDoc()) {
        // Undo then redo (or retyping a field) brought back the stored map: nothing to save.
        if (state.saveState === 'unsaved' && !inFlight) backToStored();
        return;
      }
      if (state.saveState === 'saved' || state.saveState === 'error') state.setSaveState('unsaved');
      scheduleJournal();
      schedule(SAVE_DELAY_MS);
    });
    const stopWatching = page?.watch({
      hidden: () => {
        if (!pendingDoc()) return;
        writeJournal();
        void flush({ keepalive: true });
      },
      beforeUnload: () => {
        if (!pendingDoc()) return false;
        writeJournal();
        void flush({ keepalive: true });
        return true;
      },
    });
    return () => {
      unsubscribe();
      stopWatching?.();
    };
  }

  async function settled(): Promise<void> {
    while (inFlight) await inFlight;
  }

  return { start, flush, settled };
}
