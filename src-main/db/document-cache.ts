// The last few map documents read from the database, so opening the same version
// again skips reading the row, the digest (or the migration and the full schema check)
// and, on the browser host, even the JSON text's parse: an entry keeps the document as
// checked-document.ts holds it (its text and/or its frozen parsed form). An entry is
// keyed by version id and revision: every write of a document raises the row's
// revision (and the repository forgets the version), so a cached document can never
// stand in for a newer one. A save leaves the JSON it stored (the document was checked
// against the map schema on its way in, see keepSaved in the repository).
import type { CheckedDocument } from './checked-document';
import type { Db } from './open';

/** A few big maps (a parsed 2,000-stage document holds some 26,000 objects): several versions open in windows, compare and audience. */
export const CACHED_DOCUMENTS = 4;

export interface DocumentCache {
  /** The document read at this revision, if it is still kept (and now the most recent). */
  get(versionId: string, revision: number): CheckedDocument | undefined;
  /** Keeps a document just read and checked (or just saved); returns it. */
  put(versionId: string, revision: number, checked: CheckedDocument): CheckedDocument;
  /** Drops a version whose document is rewritten or deleted. */
  forget(versionId: string): void;
  readonly size: number;
}

export function createDocumentCache(limit = CACHED_DOCUMENTS): DocumentCache {
  // One entry per version (a newer revision replaces the older); Map order is the recency.
  const entries = new Map<string, { revision: number; checked: CheckedDocument }>();
  return {
    get(versionId, revision) {
      const entry = entries.get(versionId);
      if (!entry || entry.revision !== revision) return undefined;
      entries.delete(versionId);
      entries.set(versionId, entry);
      return entry.checked;
    },
    put(versionId, revision, checked) {
      entries.delete(versionId);
      entries.set(versionId, { revision, checked });
      while (entries.size > limit) entries.delete(entries.keys().next().value!);
      return checked;
    },
    forget(versionId) {
      entries.delete(versionId);
    },
    get size() {
      return entries.size;
    },
  };
}

// One cache per open database, shared by every repository made on it; a closed or
// other database file never sees another's documents.
const caches = new WeakMap<Db, DocumentCache>();

export function documentCacheOf(db: Db): DocumentCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createDocumentCache();
    caches.set(db, cache);
  }
  return cache;
}
