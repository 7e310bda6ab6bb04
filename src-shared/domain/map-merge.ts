// Three-way merge of a map document by id: what this window changed since the base
// revision, combined with what another window saved since. Changes to different
// stages, outcomes or transitions combine; the same object changed differently on
// both sides, or a result that no longer holds together, is a conflict.
import { MapDocumentSchema, type MapDocument } from './map-document';

export type MergeResult = { ok: true; doc: MapDocument } | { ok: false; conflicts: string[] };

type Keyed = { id: string };

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** One side's version of a value: the other side's when only it changed. */
function pick<T>(base: T | undefined, mine: T | undefined, theirs: T | undefined): { value: T | undefined } | null {
  if (deepEqual(mine, theirs)) return { value: mine };
  if (deepEqual(mine, base)) return { value: theirs };
  if (deepEqual(theirs, base)) return { value: mine };
  return null;
}

function mergeList<T extends Keyed>(what: string, base: T[], mine: T[], theirs: T[], conflicts: string[]): T[] {
  const byId = (list: T[]) => new Map(list.map((x) => [x.id, x]));
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const merged = new Map<string, T>();
  for (const id of new Set([...b.keys(), ...m.keys(), ...t.keys()])) {
    const chosen = pick(b.get(id), m.get(id), t.get(id));
    if (!chosen) {
      conflicts.push(`${what} ${id}`);
      continue;
    }
    if (chosen.value) merged.set(id, chosen.value);
  }
  // Their order first (it is what the other window saved), then what only this window added.
  const order = [...theirs.map((x) => x.id), ...mine.filter((x) => !t.has(x.id)).map((x) => x.id)];
  return [...new Set(order)].flatMap((id) => (merged.has(id) ? [merged.get(id)!] : []));
}

export function mergeMaps(base: MapDocument, mine: MapDocument, theirs: MapDocument): MergeResult {
  const conflicts: string[] = [];
  const stages = mergeList('stage', base.stages, mine.stages, theirs.stages, conflicts);
  const outcomes = mergeList('outcome', base.outcomes, mine.outcomes, theirs.outcomes, conflicts);
  const transitions = mergeList('transition', base.transitions, mine.transitions, theirs.transitions, conflicts);
  const process = pick(base.process, mine.process, theirs.process);
  if (!process) conflicts.push('process figures');
  if (conflicts.length > 0) return { ok: false, conflicts };
  const doc = { ...theirs, stages, outcomes, transitions, process: process!.value! };
  // E.g. an arrow added here to a stage deleted there: the combination is not a map.
  const checked = MapDocumentSchema.safeParse(doc);
  return checked.success ? { ok: true, doc: checked.data } : { ok: false, conflicts: ['the map no longer holds together'] };
}
