// The order a buyer meets the cards of a map: the entry stage first, then the
// stages that follow by forward transitions (a stage only after every stage that
// leads forward to it), then outcomes. Keyboard navigation walks the map this way.
import type { MapDocument } from './map-document';
import { classifyTransitions, entryStageId } from './transition-kind';

/** Stage ids in journey order, then outcome ids in map order. */
export function journeyOrder(doc: MapDocument): string[] {
  const kinds = classifyTransitions(doc);
  const index = new Map(doc.stages.map((s, i) => [s.id, i]));
  const forward = doc.transitions.filter((t) => kinds.get(t.id) === 'forward' && index.has(t.source) && index.has(t.target));
  const next = new Map<string, string[]>();
  const waiting = new Map(doc.stages.map((s) => [s.id, 0]));
  for (const t of forward) {
    next.set(t.source, [...(next.get(t.source) ?? []), t.target]);
    waiting.set(t.target, waiting.get(t.target)! + 1);
  }

  // Stages a buyer can reach from the entry come before the ones they cannot.
  const entry = doc.process.entryStageId ?? entryStageId(doc);
  const reachable = new Set<string>();
  const stack = entry ? [entry] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  const rank = (id: string) => (id === entry ? -1 : (reachable.has(id) ? 0 : doc.stages.length) + index.get(id)!);

  // Kahn's topological order, always taking the ready stage of lowest rank.
  const order: string[] = [];
  const ready = doc.stages.filter((s) => waiting.get(s.id) === 0).map((s) => s.id);
  const placed = new Set<string>();
  while (order.length < doc.stages.length) {
    if (ready.length === 0) {
      // Only when forward transitions form a cycle (they cannot by classification): take the lowest rank left.
      const rest = doc.stages.filter((s) => !placed.has(s.id)).map((s) => s.id);
      ready.push(rest.reduce((a, b) => (rank(b) < rank(a) ? b : a)));
    }
    let best = 0;
    for (let i = 1; i < ready.length; i++) if (rank(ready[i]!) < rank(ready[best]!)) best = i;
    const id = ready.splice(best, 1)[0]!;
    if (placed.has(id)) continue;
    placed.add(id);
    order.push(id);
    for (const target of next.get(id) ?? []) {
      const left = waiting.get(target)! - 1;
      waiting.set(target, left);
      if (left === 0 && !placed.has(target)) ready.push(target);
    }
  }
  return [...order, ...doc.outcomes.map((o) => o.id)];
}

/** Cards in journey order, then the arrows (by the journey order of the card they leave, then map order): the Tab order of the map. */
export function keyboardOrder(doc: MapDocument): string[] {
  const cards = journeyOrder(doc);
  const rank = new Map(cards.map((id, i) => [id, i]));
  const arrows = doc.transitions
    .map((t, i) => ({ id: t.id, source: rank.get(t.source) ?? cards.length, i }))
    .sort((a, b) => a.source - b.source || a.i - b.i)
    .map((t) => t.id);
  return [...cards, ...arrows];
}
