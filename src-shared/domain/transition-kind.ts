// Classifies transitions as forward, loop back or exit from the graph itself, walking
// from where buyers enter (the team's chosen entry stage, else the automatic one).
// The one reading used by the canvas, the inspector, the analytics and the report.
import type { MapDocument } from './map-document';

export type TransitionKind = 'forward' | 'loop' | 'exit';

/**
 * The automatic entry: the first stage (in map order) that no other stage leads to,
 * or the first stage when every stage is led to. Used when the team chose none.
 */
export function entryStageId(doc: MapDocument): string | undefined {
  const targets = new Set(doc.transitions.map((t) => t.target));
  return (doc.stages.find((s) => !targets.has(s.id)) ?? doc.stages[0])?.id;
}

/** Where buyers enter: the stage the team chose (process.entryStageId) when it is on the map, else the automatic one. */
export function entryStageOf(doc: MapDocument): string | undefined {
  const chosen = doc.process.entryStageId;
  if (chosen !== null && doc.stages.some((s) => s.id === chosen)) return chosen;
  return entryStageId(doc);
}

/**
 * Exit when it ends at an outcome; loop when it returns to a stage that is still
 * on the depth-first path from the entry (a back edge); forward otherwise. Stages
 * buyers cannot reach from the entry are walked afterwards, in map order.
 * `entry` defaults to entryStageOf(doc); the analytics pass the entry they solved for.
 */
export function classifyTransitions(doc: MapDocument, entry: string | undefined = entryStageOf(doc)): Map<string, TransitionKind> {
  const outcomeIds = new Set(doc.outcomes.map((o) => o.id));
  const outgoing = new Map<string, { id: string; target: string }[]>();
  for (const t of doc.transitions) {
    const list = outgoing.get(t.source) ?? [];
    list.push({ id: t.id, target: t.target });
    outgoing.set(t.source, list);
  }
  const kinds = new Map<string, TransitionKind>();
  const state = new Map<string, 'open' | 'done'>();
  // Iterative DFS: a 2000-stage chain would overflow a recursive one. Each edge is
  // looked at once, so the walk takes at most stages + transitions steps.
  const visit = (root: string) => {
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = outgoing.get(frame.node) ?? [];
      if (frame.next >= edges.length) {
        state.set(frame.node, 'done');
        stack.pop();
        continue;
      }
      const edge = edges[frame.next++]!;
      if (outcomeIds.has(edge.target)) {
        kinds.set(edge.id, 'exit');
      } else if (state.get(edge.target) === 'open') {
        kinds.set(edge.id, 'loop');
      } else {
        kinds.set(edge.id, 'forward');
        if (!state.has(edge.target)) {
          state.set(edge.target, 'open');
          stack.push({ node: edge.target, next: 0 });
        }
      }
    }
  };
  if (entry !== undefined && doc.stages.some((s) => s.id === entry)) visit(entry);
  for (const s of doc.stages) if (!state.has(s.id)) visit(s.id);
  return kinds;
}
