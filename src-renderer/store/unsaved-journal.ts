// The local journal of unsaved edits: the newest document of a map version that the
// backend has not acknowledged yet, kept in the browser (IndexedDB), so an edit shown
// on screen survives a closed tab or a dead backend and can be recovered on reopen.
import type { MapDocument } from '../../src-shared/domain/map-document';

export interface JournalEntry {
  workshopId: string;
  versionId: string;
  versionName: string;
  /** Revision of the stored document this one was edited from. */
  baseRevision: number;
  doc: MapDocument;
  /** When the entry was written (ms since the epoch). */
  writtenAt: number;
}

/** Where journal entries are kept; one entry per workshop and map version. */
export interface UnsavedJournal {
  write(entry: JournalEntry): Promise<void>;
  read(workshopId: string, versionId: string): Promise<JournalEntry | null>;
  remove(workshopId: string, versionId: string): Promise<void>;
}

export const journalKey = (workshopId: string, versionId: string) => `${workshopId}/${versionId}`;

/** A journal in memory: for tests, and where IndexedDB is missing (nothing survives a reload then). */
export function memoryJournal(): UnsavedJournal & { entries: Map<string, JournalEntry> } {
  const entries = new Map<string, JournalEntry>();
  return {
    entries,
    write: async (entry) => {
      entries.set(journalKey(entry.workshopId, entry.versionId), structuredClone(entry));
    },
    read: async (workshopId, versionId) => structuredClone(entries.get(journalKey(workshopId, versionId)) ?? null),
    remove: async (workshopId, versionId) => {
      entries.delete(journalKey(workshopId, versionId));
    },
  };
}

const DB_NAME = 'leanmap-journal';
const STORE = 'unsaved';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The journal in IndexedDB. Each write starts its transaction synchronously, so a
 * write begun in pagehide or beforeunload is already queued when the page goes away;
 * transactions on one store run in the order they were started.
 */
export function indexedDbJournal(factory: IDBFactory = indexedDB): UnsavedJournal {
  let opened: IDBDatabase | null = null;
  const opening: Promise<IDBDatabase> = new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      opened = req.result;
      resolve(req.result);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
  opening.catch(() => undefined); // reported by each operation instead

  const withStore = async <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    // Once open, start the transaction in this very task (see above).
    const db = opened ?? (await opening);
    const tx = db.transaction(STORE, mode, { durability: 'strict' });
    const result = request(fn(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  };

  return {
    write: async (entry) => {
      await withStore('readwrite', (s) => s.put(entry, journalKey(entry.workshopId, entry.versionId)));
    },
    read: async (workshopId, versionId) =>
      ((await withStore('readonly', (s) => s.get(journalKey(workshopId, versionId)))) as JournalEntry | undefined) ?? null,
    remove: async (workshopId, versionId) => {
      await withStore('readwrite', (s) => s.delete(journalKey(workshopId, versionId)));
    },
  };
}

/** The journal of this page: IndexedDB where there is one. */
export function pageJournal(): UnsavedJournal {
  return typeof indexedDB === 'undefined' ? memoryJournal() : indexedDbJournal();
}
