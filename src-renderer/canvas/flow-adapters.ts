// Turns the map document into React Flow nodes and edges, reusing node objects
// whose stage did not change so memoised cards skip re-rendering.
import type { MapDocument } from '../../src-shared/domain/map-document';
import { classifyTransitions } from '../../src-shared/domain/transition-kind';
import type { MapFlowNode, TransitionFlowEdge } from './flow-types';

/** Reconciles the previous nodes (with their measured size and selection) with the document. */
export function reconcileNodes(previous: readonly MapFlowNode[], doc: MapDocument, readOnly: boolean): MapFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const nodes: MapFlowNode[] = [];
  for (const stage of doc.stages) {
    const old = byId.get(stage.id);
    if (old?.type === 'stage' && old.data.stage === stage && old.data.readOnly === readOnly && !old.dragging) {
      nodes.push(old);
      continue;
    }
    nodes.push({
      id: stage.id,
      type: 'stage',
      position: stage.position,
      data: { stage, readOnly },
      selected: old?.selected ?? false,
      ...(old?.measured ? { measured: old.measured } : {}),
      draggable: !readOnly,
    });
  }
  for (const outcome of doc.outcomes) {
    const old = byId.get(outcome.id);
    if (old?.type === 'outcome' && old.data.outcome === outcome && !old.dragging) {
      nodes.push(old);
      continue;
    }
    nodes.push({
      id: outcome.id,
      type: 'outcome',
      position: outcome.position,
      data: { outcome },
      selected: old?.selected ?? false,
      ...(old?.measured ? { measured: old.measured } : {}),
      draggable: !readOnly,
    });
  }
  return nodes;
}

export function toEdges(doc: MapDocument, selectedId: string | null): TransitionFlowEdge[] {
  const kinds = classifyTransitions(doc);
  const outcomeKind = new Map(doc.outcomes.map((o) => [o.id, o.kind]));
  return doc.transitions.map((t) => {
    const kind = kinds.get(t.id) ?? 'forward';
    return {
      id: t.id,
      source: t.source,
      target: t.target,
      type: 'transition',
      // Loops leave from the bottom and come back into the bottom, under the cards.
      sourceHandle: kind === 'loop' ? 'loop-out' : 'out',
      targetHandle: kind === 'loop' ? 'loop-in' : 'in',
      selected: t.id === selectedId,
      data: { kind, label: t.label, outcomeKind: outcomeKind.get(t.target) ?? null },
      ariaLabel: `Transition ${kind}`,
    };
  });
}
