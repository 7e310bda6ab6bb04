// The map document as React Flow nodes and edges, and back: cards keep their object
// when their stage did not change (so memoised cards skip re-rendering), arrows carry
// their kind, rate and bottleneck rank, and a dragged position goes back into the map.
import { describe, expect, it } from 'vitest';
import { reconcileNodes, stageFlags, toEdges } from '../../../src-renderer/canvas/flow-adapters';
import type { MapFlowNode } from '../../../src-renderer/canvas/flow-types';
import { resolveRates } from '../../../src-shared/domain/analytics';
import { moveNodes } from '../../../src-shared/domain/map-ops';
import { aChainMap, aMapDocument, aStage, aTransition, anOutcome } from '../../fixtures/factories';

describe('reconcileNodes', () => {
  it('makes one stage card and one outcome card per document item, at their positions', () => {
    const { doc, stages, won } = aChainMap(2);
    const nodes = reconcileNodes([], doc, false);
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      [stages[0]!.id, 'stage', { x: 0, y: 0 }],
      [stages[1]!.id, 'stage', { x: 420, y: 0 }],
      [won.id, 'outcome', won.position],
    ]);
    expect(nodes[0]).toMatchObject({ data: { stage: stages[0], readOnly: false }, draggable: true, selected: false });
  });

  it('reuses the node of an unchanged stage and rebuilds only the changed one, keeping its size and selection', () => {
    const { doc } = aChainMap(2);
    const first = reconcileNodes([], doc, false).map((n, i) => (i === 1 ? ({ ...n, selected: true, measured: { width: 300, height: 120 } } as MapFlowNode) : n));
    const renamed = { ...doc, stages: doc.stages.map((s, i) => (i === 1 ? { ...s, name: 'Renamed' } : s)) };
    const next = reconcileNodes(first, renamed, false);
    expect(next[0]).toBe(first[0]);
    expect(next[2]).toBe(first[2]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[1]).toMatchObject({ selected: true, measured: { width: 300, height: 120 }, data: { stage: { name: 'Renamed' } } });
  });

  it('does not overwrite a card being dragged with the stored position', () => {
    const { doc } = aChainMap(1);
    const dragging = reconcileNodes([], doc, false).map((n) => ({ ...n, dragging: true, position: { x: 99, y: 99 } }) as MapFlowNode);
    const next = reconcileNodes(dragging, doc, false);
    expect(next[0]).not.toBe(dragging[0]);
    expect(next[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('makes every card of a read-only (agreed) map undraggable', () => {
    const { doc } = aChainMap(1);
    const editable = reconcileNodes([], doc, false);
    const agreed = reconcileNodes(editable, doc, true);
    expect(agreed.every((n) => n.draggable === false)).toBe(true);
    expect(agreed[0]).toMatchObject({ data: { readOnly: true } });
  });

  it('flags a stage whose entered rates add up to more than 100 %', () => {
    const a = aStage({ name: 'Qualify' });
    const won = anOutcome('won');
    const lost = anOutcome('lost');
    const doc = aMapDocument({ stages: [a], outcomes: [won, lost], transitions: [aTransition(a, won, { conversionRate: 0.7 }), aTransition(a, lost, { conversionRate: 0.5 })] });
    const flags = stageFlags(resolveRates(doc));
    const [node] = reconcileNodes([], doc, false, flags);
    expect(node).toMatchObject({ data: { flags: { ratesExceed: true } } });
    if (node?.type === 'stage') expect(node.data.flags.rateSum).toBeCloseTo(1.2);
  });

  it('and back: a dragged card’s position goes into the map, and the next nodes show it', () => {
    const { doc, stages } = aChainMap(2);
    const nodes = reconcileNodes([], doc, false);
    const moved = moveNodes(doc, new Map([[stages[1]!.id, { x: 500, y: 140 }]]));
    expect(moved.stages[1]!.position).toEqual({ x: 500, y: 140 });
    expect(moved.stages[0]).toBe(doc.stages[0]);
    const next = reconcileNodes(nodes, moved, false);
    expect(next[0]).toBe(nodes[0]);
    expect(next[1]!.position).toEqual({ x: 500, y: 140 });
  });
});

describe('toEdges', () => {
  it('makes one edge per transition with its kind, handles, label, rate and selection', () => {
    const a = aStage({ name: 'Recognise', position: { x: 0, y: 0 } });
    const b = aStage({ name: 'Compare', position: { x: 420, y: 0 } });
    const won = anOutcome('won');
    const forward = aTransition(a, b, { label: 'ready', conversionRate: 0.6 });
    const loop = aTransition(b, a);
    const exit = aTransition(b, won, { conversionRate: 0.3 });
    const doc = aMapDocument({ stages: [a, b], outcomes: [won], transitions: [forward, loop, exit] });
    const edges = toEdges(doc, loop.id);
    expect(edges.map((e) => [e.id, e.data?.kind, e.sourceHandle, e.targetHandle, e.selected])).toEqual([
      [forward.id, 'forward', 'out', 'in', false],
      [loop.id, 'loop', 'loop-out', 'loop-in', true],
      [exit.id, 'exit', 'out', 'in', false],
    ]);
    expect(edges[0]).toMatchObject({ source: a.id, target: b.id, data: { label: 'ready', rate: 0.6, rateIsRest: false, outcomeKind: null, bottleneckRank: null } });
    expect(edges[2]).toMatchObject({ data: { outcomeKind: 'won' } });
    expect(edges[0]!.ariaLabel).toBe('Transition forward from Recognise to Compare');
  });

  it('marks the two biggest bottlenecks by rank', () => {
    const { doc, transitions } = aChainMap(2);
    const edges = toEdges(doc, null, resolveRates(doc), new Map([[transitions[1]!.id, 1]]));
    expect(edges.map((e) => e.data?.bottleneckRank)).toEqual([null, 1]);
  });
});
