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
  /**
   * `doc` as JSON (UTF-8), when the writer has it (the saver writes it incrementally,
   * document-json.ts): kept instead of the object, since copying these bytes takes a
   * millisecond where a structured clone of a 1,000-stage map took 40–80 ms. Not set on
   * entries read back.
   */
  encodedDoc?: Uint8Array;
}

/** What is kept of an entry: the document as its JSON bytes when it came with them. */
type StoredEntry = Omit<JournalEntry, 'doc' | 'encodedDoc'> & ({ doc: MapDocument } | { docJson: Uint8Array });

function toStored(entry: JournalEntry): StoredEntry {
  const { doc, encodedDoc, ...meta } = entry;
  // Both journals copy what they keep when it is written (a structured clone).
  return encodedDoc ? { ...meta, docJson: encodedDoc } : { ...meta, doc };
}

/** An entry as kept, back as an entry; entries written before the JSON bytes were kept hold the object. */
function fromStored(stored: StoredEntry): JournalEntry {
  if (!('docJson' in stored)) return stored;
  const { docJson, ...meta } = stored;
  return { ...meta, doc: JSON.parse(new TextDecoder().decode(docJson)) as MapDocument };
}

/** Where journal entries are kept; one entry per workshop and map version. */
export interface UnsavedJournal {
  write(entry: JournalEntry): Promise<void>;
  read(workshopId: string, versionId: string): Promise<JournalEntry | null>;
  remove(workshopId: string, versionId: string): Promise<void>;
}

export const journalKey = (workshopId: string, versionId: string) => `${workshopId}/${versionId}`;

/** A journal in memory: for tests, and where IndexedDB is missing (nothing survives a reload then). */
export function memoryJournal(): UnsavedJournal & { entries: Map<string, StoredEntry> } {
  const entries = new Map<string, StoredEntry>();
  return {
    entries,
    write: async (entry) => {
      entries.set(journalKey(entry.workshopId, entry.versionId), structuredClone(toStored(entry)));
    },
    read: async (workshopId, versionId) => {
      const stored = entries.get(journalKey(workshopId, versionId));
      return stored ? fromStored(structuredClone(stored)) : null;
    },
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
      const stored = toStored(entry);
      await withStore('readwrite', (s) => s.put(stored, journalKey(entry.workshopId, entry.versionId)));
    },
    read: async (workshopId, versionId) => {
      const stored = (await withStore('readonly', (s) => s.get(journalKey(workshopId, versionId)))) as StoredEntry | undefined;
      return stored ? fromStored(stored) : null;
    },
    remove: async (workshopId, versionId) => {
      await withStore('readwrite', (s) => s.delete(journalKey(workshopId, versionId)));
    },
  };
}

/** The journal of this page: IndexedDB where there is one. */
export function pageJournal(): UnsavedJournal {
  return typeof indexedDB === 'undefined' ? memoryJournal() : indexedDbJournal();
}
