// Turns the map document into React Flow nodes and edges, reusing node objects
// whose stage did not change so memoised cards skip re-rendering. Exits to outcomes
// end at an outcome marker above their stage (exit-markers.ts), not at the outcome card.
import type { NodeHandle } from '@xyflow/react';
import type { MapDocument } from '../../src-shared/domain/map-document';
import { classifyTransitions } from '../../src-shared/domain/transition-kind';
import { resolveRates, type StageRates } from '../../src-shared/domain/analytics';
import { exitMarkerId, exitMarkerSpots } from './exit-markers';
import type { CardSizer, Size } from './card-size';
import { estimatedCard, exitMarkerHandles, isDrawnSize, outcomeHandles, stageHandles } from './card-handles';
import type { ExitMarkerFlowNode, MapFlowNode, StageFlags, TransitionEdgeData, TransitionFlowEdge } from './flow-types';

const NO_FLAGS: StageFlags = { ratesExceed: false, rateSum: 0 };

/** Names of the cards by id, built once per document (an arrow's aria label names both ends). */
function cardNames(doc: MapDocument): Map<string, string> {
  const names = new Map<string, string>();
  for (const o of doc.outcomes) names.set(o.id, o.label);
  for (const s of doc.stages) names.set(s.id, s.name);
  return names;
}

const sameFlags = (a: StageFlags, b: StageFlags) => a.ratesExceed === b.ratesExceed && a.rateSum === b.rateSum;

const sameExit = (a: TransitionEdgeData, b: TransitionEdgeData) =>
  a.label === b.label && a.rate === b.rate && a.rateIsRest === b.rateIsRest && a.bottleneckRank === b.bottleneckRank && a.outcomeKind === b.outcomeKind;

export function stageFlags(rates: ReadonlyMap<string, StageRates>): Map<string, StageFlags> {
  const flags = new Map<string, StageFlags>();
  for (const [id, r] of rates) flags.set(id, r.exceeds100 ? { ratesExceed: true, rateSum: r.enteredSum } : NO_FLAGS);
  return flags;
}

/**
 * A card React Flow has measured keeps its measure (its handles are React Flow's own);
 * one never drawn gets its size and handles estimated again, as its text may have changed.
 */
function cardGeometry(
  old: MapFlowNode | undefined,
  estimate: (() => Size) | null,
  handles: (size: Size) => NodeHandle[],
): Pick<MapFlowNode, 'measured' | 'handles'> {
  if (old && isDrawnSize(old)) return { measured: old.measured };
  return estimate ? estimatedCard(estimate(), handles) : {};
}

/**
 * Reconciles the previous nodes (with their measured size and selection) with the document.
 * With the map's edges (toEdges), each exit also gets its outcome marker, a child of its
 * stage card so it moves with it. With a sizer, cards that were never drawn carry their
 * estimated size and handles, so React Flow places their arrows and leaves them unmounted
 * while they are off screen, instead of drawing every card once to measure it.
 */
export function reconcileNodes(
  previous: readonly MapFlowNode[],
  doc: MapDocument,
  readOnly: boolean,
  flags: ReadonlyMap<string, StageFlags> = new Map(),
  edges: readonly TransitionFlowEdge[] | null = null,
  sizer: CardSizer | null = null,
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
      ...cardGeometry(old, sizer && (() => sizer.stage(stage)), stageHandles),
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
      ...cardGeometry(old, sizer && (() => sizer.outcome(outcome)), outcomeHandles),
      draggable: !readOnly,
    });
  }
  if (edges) nodes.push(...exitMarkerNodes(byId, doc, edges, sizer));
  return sameItems(previous, nodes) ? (previous as MapFlowNode[]) : nodes;
}

/**
 * The same objects in the same order. Then the previous array is handed on: React Flow
 * re-adopts every card and arrow and runs all its selectors for each new array it
 * gets, which on a big map costs more than the change it reflects.
 */
export function sameItems<T>(previous: readonly T[], next: readonly T[]): boolean {
  if (previous.length !== next.length) return false;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return false;
  return true;
}

/** The outcome markers (children of their stage cards, after them as React Flow needs). */
function exitMarkerNodes(
  previous: ReadonlyMap<string, MapFlowNode>,
  doc: MapDocument,
  edges: readonly TransitionFlowEdge[],
  sizer: CardSizer | null,
): ExitMarkerFlowNode[] {
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  const outcomes = new Map(doc.outcomes.map((o) => [o.id, o]));
  const markers: ExitMarkerFlowNode[] = [];
  for (const spot of exitMarkerSpots(doc)) {
    const edge = edgeById.get(spot.transitionId);
    const outcome = outcomes.get(spot.outcomeId);
    const exit = edge?.data;
    if (!exit || !outcome) continue;
    const id = exitMarkerId(spot.transitionId);
    const old = previous.get(id);
    const selected = edge?.selected === true;
    if (
      old?.type === 'exitMarker' &&
      old.parentId === spot.stageId &&
      old.position.x === spot.position.x &&
      old.position.y === spot.position.y &&
      old.data.outcome === outcome &&
      old.data.selected === selected &&
      sameExit(old.data.exit, exit)
    ) {
      markers.push(old);
      continue;
    }
    markers.push({
      id,
      type: 'exitMarker',
      parentId: spot.stageId,
      position: spot.position,
      data: { transitionId: spot.transitionId, outcome, exit, selected },
      // The marker shows the exit: clicking it selects the exit arrow (ExitMarkerNode), not the marker.
      selectable: false,
      draggable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      ...cardGeometry(old, sizer && (() => sizer.exitMarker(outcome, exit)), exitMarkerHandles),
    });
  }
  return markers;
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
  const stageIds = new Set(doc.stages.map((s) => s.id));
  const names = cardNames(doc);
  const nameOf = (id: string) => names.get(id) ?? '?';
  return doc.transitions.map((t) => {
    const kind = kinds.get(t.id) ?? 'forward';
    const toOutcome = outcomeKind.get(t.target) ?? null;
    // An exit from a stage ends at its marker above the stage; loops leave from the bottom
    // and come back into the bottom, under the cards.
    const exitMarker = toOutcome !== null && stageIds.has(t.source);
    return {
      id: t.id,
      source: t.source,
      target: exitMarker ? exitMarkerId(t.id) : t.target,
      type: 'transition',
      sourceHandle: exitMarker ? 'exit-out' : kind === 'loop' ? 'loop-out' : 'out',
      targetHandle: kind === 'loop' ? 'loop-in' : 'in',
      selected: t.id === selectedId,
      data: {
        kind,
        label: t.label,
        outcomeKind: toOutcome,
        rate: resolved.get(t.id)?.rate ?? null,
        rateIsRest: resolved.get(t.id)?.from === 'rest',
        bottleneckRank: bottlenecks.get(t.id) ?? null,
        exitMarker,
      },
      ariaLabel: `Transition ${kind} from ${nameOf(t.source)} to ${nameOf(t.target)}`,
    };
  });
}

/** Same arrow as drawn (toEdges rebuilds every edge object whenever the document changes). */
function sameEdge(a: TransitionFlowEdge, b: TransitionFlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    a.data !== undefined &&
    b.data !== undefined &&
    a.data.kind === b.data.kind &&
    a.data.exitMarker === b.data.exitMarker &&
    sameExit(a.data, b.data)
  );
}

/**
 * Keeps the previous edge object when nothing it draws changed, so the memoised arrows
 * React Flow has mounted skip re-rendering when one card is renamed or dragged, and the
 * previous list when no arrow changed: React Flow rebuilds its lookup of every arrow of
 * the map for each new list. (The labels' places reach the arrows apart, label-spots.ts.)
 */
export function stableEdges(domAttributes: TransitionFlowEdge['domAttributes']) {
  let previous = new Map<string, TransitionFlowEdge>();
  let previousList: TransitionFlowEdge[] = [];
  return (edges: readonly TransitionFlowEdge[]): TransitionFlowEdge[] => {
    const next = edges.map((e) => {
      const old = previous.get(e.id);
      return old && sameEdge(old, e) ? old : { ...e, domAttributes };
    });
    if (sameItems(previousList, next)) return previousList;
    previous = new Map(next.map((e) => [e.id, e]));
    previousList = next;
    return next;
  };
}
