// What differs between two versions of a map, said in a facilitator's words: used
// to tell plainly what a recovered, unsaved edit contains before it is restored.
import type { MapDocument } from './map-document';

/** Deep equality of plain JSON-like values, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

interface Named {
  id: string;
}

function diffById<T extends Named>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    changed: after.filter((x) => old.has(x.id) && !sameValue(old.get(x.id), x)),
  };
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n.trim() || 'unnamed'}”`).join(', ');
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function stagePart(verb: string, names: readonly string[]): string | null {
  if (names.length === 0) return null;
  return `${verb} ${names.length === 1 ? 'stage' : 'stages'} ${quoted(names)}`;
}

function countPart(verb: string, n: number, one: string, many: string): string | null {
  return n === 0 ? null : `${verb} ${count(n, one, many)}`;
}

/**
 * One sentence listing what `after` changes in `before`, e.g.
 * "Changed stage “Compare options”; added 1 transition." An empty string when equal.
 */
export function describeMapChanges(before: MapDocument, after: MapDocument): string {
  const stages = diffById(before.stages, after.stages);
  const outcomes = diffById(before.outcomes, after.outcomes);
  const transitions = diffById(before.transitions, after.transitions);
  const parts = [
    stagePart('changed', stages.changed.map((s) => s.name)),
    stagePart('added', stages.added.map((s) => s.name)),
    stagePart('removed', stages.removed.map((s) => s.name)),
    countPart('changed', outcomes.changed.length, 'outcome', 'outcomes'),
    countPart('added', outcomes.added.length, 'outcome', 'outcomes'),
    countPart('removed', outcomes.removed.length, 'outcome', 'outcomes'),
    countPart('changed', transitions.changed.length, 'transition', 'transitions'),
    countPart('added', transitions.added.length, 'transition', 'transitions'),
    countPart('removed', transitions.removed.length, 'transition', 'transitions'),
    sameValue(before.process, after.process) ? null : 'changed the figures',
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) {
    return sameValue(before, after) ? '' : 'Changed the order of the map’s parts.';
  }
  const sentence = parts.join('; ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}
