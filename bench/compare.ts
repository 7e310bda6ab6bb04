// compareVersions on a 200-stage map while a facilitator types in the future state:
// each keystroke is a new document (uncached: the whole comparison runs), while a
// re-render with the same revisions is a cache hit.
import { compareVersions, createComparisonCache } from '../src-shared/domain/compare';
import type { MapDocument } from '../src-shared/domain/map-document';
import { bigMap } from './big-map';
import { median } from './timing';


/** The future state after `keystrokes` edits: a renamed stage, a rate raised a little each time. */
function typed(older: MapDocument, keystrokes: number): MapDocument {
  const doc = structuredClone(older);
  doc.stages[10]!.name = `${older.stages[10]!.name} ${'x'.repeat(keystrokes % 20)}`;
  const t = doc.transitions.find((x) => x.conversionRate !== null && x.conversionRate < 0.9);
  if (t) t.conversionRate = Math.min(0.95, (t.conversionRate ?? 0) + 0.001 * keystrokes);
  return doc;
}

export function benchCompare(stages = 200): Record<string, number> {
  const older = bigMap(stages);
  const futures = Array.from({ length: 16 }, (_, i) => typed(older, i + 1));
  const cache = createComparisonCache();
  const old = { id: 'current', revision: 1, doc: older };
  const uncached = median((i) => compareVersions(older, futures[i % futures.length]!), 10);
  const keystroke = median((i) => cache.get(old, { id: 'future', revision: 1000 + i, doc: futures[i % futures.length]! }), 10);
  const same = { id: 'future', revision: 1, doc: futures[0]! };
  const cached = median(() => cache.get(old, same), 200);
  return { stages, uncached_ms: uncached, keystroke_through_cache_ms: keystroke, cached_hit_ms: cached };
}
