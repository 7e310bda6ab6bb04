// The sentence Compare shows about how two versions were matched: a copy keeps its
// source's ids, so a version compared with its recorded source needs none; any other
// pair (or one made before sources were recorded) is matched by id where ids match.
import type { MapDocument } from '../map-document';

export interface MatchInput {
  older: { name: string; doc: MapDocument };
  newer: { name: string; doc: MapDocument };
  /** Whether `older` is the version `newer` was recorded as copied from ('unknown': made before sources were recorded). */
  relation: 'source' | 'other' | 'unknown';
}

/** Null when there is nothing to say (the older version is the newer one's recorded source). */
export function matchNote({ older, newer, relation }: MatchInput): string | null {
  const ids = new Set(older.doc.stages.map((s) => s.id));
  const shared = newer.doc.stages.filter((s) => ids.has(s.id)).length;
  const total = new Set([...ids, ...newer.doc.stages.map((s) => s.id)]).size;
  if (total > 0 && shared === 0) {
    return `“${newer.name}” shares no stages with “${older.name}”: one was not copied from the other, so every stage shows as removed and added.`;
  }
  if (relation === 'source') return null;
  const counted = `${shared} of ${total} ${total === 1 ? 'stage matches' : 'stages match'}; the rest show as added or removed.`;
  return relation === 'unknown'
    ? `“${newer.name}” was made before Leanmap recorded where a version came from, so it is compared with “${older.name}” by id: ${counted}`
    : `“${newer.name}” was not copied from “${older.name}”; they are compared by id: ${counted}`;
}
