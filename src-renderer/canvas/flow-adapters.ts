// Turns the map document into React Flow nodes and edges, reusing node objects
// whose stage did not change so memoised cards skip re-rendering.
import type { MapDocument } from '../../src-shared/domain/map-document';
import { classifyTransitions } from '../../src-shared/domain/transition-kind';
import { resolveRates, type StageRates } from '../../src-shared/domain/analytics';
import type { MapFlowNode, StageFlags, TransitionFlowEdge } from './flow-types';

const NO_FLAGS: StageFlags = { ratesExceed: false, rateSum: 0 };

const nodeLabel = (doc: MapDocument, id: string) =>
  doc.stages.find((s) => s.id === id)?.name ?? doc.outcomes.find((o) => o.id === id)?.label ?? '?';

const sameFlags = (a: StageFlags, b: StageFlags) => a.ratesExceed === b.ratesExceed && a.rateSum === b.rateSum;

export function stageFlags(rates: ReadonlyMap<string, StageRates>): Map<string, StageFlags> {
  const flags = new Map<string, StageFlags>();
  for (const [id, r] of rates) flags.set(id, r.exceeds100 ? { ratesExceed: true, rateSum: r.enteredSum } : NO_FLAGS);
  return flags;
}

/** Reconciles the previous nodes (with their measured size and selection) with the document. */
export function reconcileNodes(
  previous: readonly MapFlowNode[],
  doc: MapDocument,
  readOnly: boolean,
  flags: ReadonlyMap<string, StageFlags> = new Map(),
): MapFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const nodes: MapFlowNode[] = [];
  for (const stage of doc.stages) {
    const old = byId.get(stage.id);
    const stageFlag = flags.get(stage.id) ?? NO_FLAGS;
    if (old?.type === 'stage' && old.data.stage === stage && old.data.readOnly === readOnly && sameFlags(old.data.flags, stageFlag) && !old.dragging) {
      nodes.push(old);
      continue;
    }
    nodes.push({
      id: stage.id,
      type: 'stage',
      position: stage.position,
      data: { stage, readOnly, flags: stageFlag },
      selected: old?.selected ?? false,
      ...(old?.measured ? { measured: old.measured } : {}),
      draggable: !readOnly,
    });
  }
  for (const outcome of doc.outcomes) {
    const old = byId.get(outcome.id);
    if (old?.type === 'outcome' && old.data.outcome === outcome && old.draggable === !readOnly && !old.dragging) {
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

export function toEdges(
  doc: MapDocument,
  selectedId: string | null,
  rates: ReadonlyMap<string, StageRates> = resolveRates(doc),
  bottlenecks: ReadonlyMap<string, number> = new Map(),
): TransitionFlowEdge[] {
  const kinds = classifyTransitions(doc);
  const resolved = new Map([...rates.values()].flatMap((r) => r.outgoing.map((o) => [o.transitionId, o] as const)));
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
      data: {
        kind,
        label: t.label,
        outcomeKind: outcomeKind.get(t.target) ?? null,
        rate: resolved.get(t.id)?.rate ?? null,
        rateIsRest: resolved.get(t.id)?.from === 'rest',
        bottleneckRank: bottlenecks.get(t.id) ?? null,
      },
      ariaLabel: `Transition ${kind} from ${nodeLabel(doc, t.source)} to ${nodeLabel(doc, t.target)}`,
    };
  });
}
