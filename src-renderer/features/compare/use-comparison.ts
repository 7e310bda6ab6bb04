// The Compare view's data: the two versions picked (default: the open version against
// the one it came from), loaded once each, compared through a cache owned by the page
// (keyed by version id and revision), then worded and drawn the way the report does.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { MapVersionSummary } from '../../../src-shared/api/contract';
import { createComparisonCache, describeChange, type VersionComparison } from '../../../src-shared/domain/compare';
import type { ChangeDescription } from '../../../src-shared/domain/compare';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { buildComparison, type ReportComparison } from '../../../src-shared/domain/report/comparison';
import type { TextMetrics } from '../../../src-shared/domain/report/text-metrics';
import { useApi } from '../../session/SessionContext';
import { selectDoc, useDocumentStore } from '../../store/document-store';

/**
 * The pair offered first: the open version against its recorded source; else, for a
 * version others were copied from (the current state), it against its first copy; else
 * the version before it; else it against the one after it. Older is always on the left.
 */
export function defaultPair(versions: readonly MapVersionSummary[], openId: string | null): { olderId: string | null; newerId: string | null } {
  const open = versions.find((v) => v.id === openId) ?? versions.at(-1);
  if (!open) return { olderId: null, newerId: null };
  const source = versions.find((v) => v.id === open.sourceVersionId);
  if (source) return { olderId: source.id, newerId: open.id };
  const copy = versions.find((v) => v.sourceVersionId === open.id);
  if (copy) return { olderId: open.id, newerId: copy.id };
  const index = versions.indexOf(open);
  const before = versions[index - 1];
  if (before) return { olderId: before.id, newerId: open.id };
  const after = versions.find((v) => v.id !== open.id);
  return after ? { olderId: open.id, newerId: after.id } : { olderId: null, newerId: open.id };
}

/** How the older version relates to the newer, for the sentence on matching. */
export function relationOf(versions: readonly MapVersionSummary[], olderId: string, newerId: string): 'source' | 'other' | 'unknown' {
  const newer = versions.find((v) => v.id === newerId);
  if (!newer) return 'other';
  if (newer.sourceVersionId === olderId) return 'source';
  // A first version was copied from nothing; a later one without a source predates the record.
  return newer.sourceVersionId === null && versions.indexOf(newer) > 0 ? 'unknown' : 'other';
}

/**
 * The open version's document changes with every keystroke while its saved revision
 * does not: each document object gets its own number, so the cache never serves a
 * comparison of an older state.
 */
function liveRevisions() {
  const numbers = new WeakMap<MapDocument, number>();
  let next = 1;
  return (doc: MapDocument) => {
    let n = numbers.get(doc);
    if (n === undefined) numbers.set(doc, (n = next++));
    return n;
  };
}

export interface LoadedComparison {
  olderName: string;
  newerName: string;
  older: MapDocument;
  newer: MapDocument;
  comparison: VersionComparison;
  words: ChangeDescription[];
  report: ReportComparison;
}

export function useComparison(olderId: string | null, newerId: string | null, metrics: TextMetrics) {
  const versions = useDocumentStore((s) => s.workshop?.versions ?? []);
  const openId = useDocumentStore((s) => s.versionId);
  const api = useApi();
  // Typing stays at full speed: the comparison catches up when React has a moment.
  const liveDoc = useDeferredValue(useDocumentStore(selectDoc));
  const [cache] = useState(() => createComparisonCache());
  const [live] = useState(liveRevisions);
  const [fetched, setFetched] = useState<Record<string, { revision: number; doc: MapDocument }>>({});
  const [error, setError] = useState('');
  const asked = useRef(new Set<string>());

  useEffect(() => {
    for (const id of [olderId, newerId]) {
      if (id === null || id === openId || asked.current.has(id)) continue;
      asked.current.add(id);
      void api
        .call('map.get', { versionId: id })
        .then((r) => {
          if (r.ok) setFetched((f) => ({ ...f, [id]: { revision: r.value.revision, doc: r.value.document } }));
          else setError(r.error.message);
        });
    }
  }, [api, olderId, newerId, openId]);

  const side = (id: string | null) => {
    if (id === null) return null;
    if (id === openId && liveDoc) return { id, revision: live(liveDoc), doc: liveDoc };
    const f = fetched[id];
    return f ? { id, revision: f.revision, doc: f.doc } : null;
  };
  const older = side(olderId);
  const newer = side(newerId);

  const loaded = useMemo((): LoadedComparison | null => {
    if (!older || !newer || olderId === null || newerId === null) return null;
    const comparison = cache.get(older, newer);
    const olderName = versions.find((v) => v.id === olderId)?.name ?? 'Older version';
    const newerName = versions.find((v) => v.id === newerId)?.name ?? 'Newer version';
    return {
      olderName,
      newerName,
      older: older.doc,
      newer: newer.doc,
      comparison,
      words: comparison.changes.map((c) => describeChange(c, older.doc, newer.doc)),
      report: buildComparison({
        source: { versionName: olderName, document: older.doc },
        versionName: newerName,
        document: newer.doc,
        relation: relationOf(versions, olderId, newerId),
        textMetrics: metrics,
        comparison,
      }),
    };
    // The sides are rebuilt each render; their ids, revisions and documents are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [older?.doc, newer?.doc, olderId, newerId, versions, cache, metrics]);

  return { loaded, error, loading: !loaded && !error };
}
