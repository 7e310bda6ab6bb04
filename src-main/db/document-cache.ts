// The last few map documents read from the database, so opening the same version
// again skips JSON.parse, the migration and the full schema check (most of what
// 'map.get' costs for a 1,000-stage map). An entry is keyed by version id and
// revision: every write of a document raises the row's revision (and the repository
// forgets the version), so a cached document can never stand in for a newer one.
// Documents are deep-frozen when they enter: every reader shares the one object.
// A save leaves the JSON it stored (the document was checked against the map schema
// on its way in, see keepSaved), so the next read parses it without the migration and
// the schema check, which would change nothing: the schema has no defaults or
// transforms, and the JSON holds only what the check let through, in its key order.
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { Db } from './open';

/** A few big maps (a parsed 2,000-stage document holds some 26,000 objects): several versions open in windows, compare and audience. */
export const CACHED_DOCUMENTS = 4;

export interface DocumentCache {
  /** The document read at this revision, if it is still kept (and now the most recent). */
  get(versionId: string, revision: number): MapDocument | undefined;
  /** Keeps a document just read and checked; returns it frozen. */
  put(versionId: string, revision: number, document: MapDocument): MapDocument;
  /** Keeps the stored JSON of a document already checked against the map schema, parsed on its first read. */
  putCheckedJson(versionId: string, revision: number, json: string): void;
  /** Drops a version whose document is rewritten or deleted. */
  forget(versionId: string): void;
  readonly size: number;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function createDocumentCache(limit = CACHED_DOCUMENTS): DocumentCache {
  // One entry per version (a newer revision replaces the older); Map order is the recency.
  const entries = new Map<string, { revision: number; document: MapDocument } | { revision: number; json: string }>();
  const keep = (versionId: string, entry: { revision: number; document: MapDocument } | { revision: number; json: string }) => {
    entries.delete(versionId);
    entries.set(versionId, entry);
    while (entries.size > limit) entries.delete(entries.keys().next().value!);
  };
  return {
    get(versionId, revision) {
      const entry = entries.get(versionId);
      if (!entry || entry.revision !== revision) return undefined;
      const document = 'document' in entry ? entry.document : deepFreeze(JSON.parse(entry.json) as MapDocument);
      keep(versionId, { revision, document });
      return document;
    },
    put(versionId, revision, document) {
      keep(versionId, { revision, document: deepFreeze(document) });
      return document;
    },
    putCheckedJson(versionId, revision, json) {
      keep(versionId, { revision, json });
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
