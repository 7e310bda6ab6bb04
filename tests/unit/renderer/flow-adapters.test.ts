// The map document as React Flow nodes and edges, and back: cards keep their object
// when their stage did not change (so memoised cards skip re-rendering), arrows carry
// their kind, rate and bottleneck rank, and a dragged position goes back into the map.
import { describe, expect, it } from 'vitest';
import { reconcileNodes, sameItems, stableEdges, stageFlags, toEdges } from '../../../src-renderer/canvas/flow-adapters';
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
    // The exit ends at its outcome marker above its stage, leaving from the card's top (exit-markers.ts).
    expect(edges.map((e) => [e.id, e.data?.kind, e.sourceHandle, e.targetHandle, e.selected, e.target])).toEqual([
      [forward.id, 'forward', 'out', 'in', false, b.id],
      [loop.id, 'loop', 'loop-out', 'loop-in', true, a.id],
      [exit.id, 'exit', 'exit-out', 'in', false, `exit-marker:${exit.id}`],
    ]);
    expect(edges.map((e) => e.data?.exitMarker)).toEqual([false, false, true]);
    expect(edges[0]).toMatchObject({ source: a.id, target: b.id, data: { label: 'ready', rate: 0.6, rateIsRest: false, outcomeKind: null, bottleneckRank: null } });
    expect(edges[2]).toMatchObject({ data: { outcomeKind: 'won' } });
    expect(edges[0]!.ariaLabel).toBe('Transition forward from Recognise to Compare');
    expect(edges[2]!.ariaLabel).toBe('Transition exit from Compare to Won');
  });

  it('marks the two biggest bottlenecks by rank', () => {
    const { doc, transitions } = aChainMap(2);
    const edges = toEdges(doc, null, resolveRates(doc), new Map([[transitions[1]!.id, 1]]));
    expect(edges.map((e) => e.data?.bottleneckRank)).toEqual([null, 1]);
  });
});

describe('exit markers as nodes', () => {
  const setUp = () => {
    const a = aStage({ name: 'Qualify', position: { x: 100, y: 300 } });
    const won = anOutcome('won');
    const lost = anOutcome('lost');
    const toWon = aTransition(a, won, { conversionRate: 0.6 });
    const toLost = aTransition(a, lost, { label: 'Too expensive' });
    const doc = aMapDocument({ stages: [a], outcomes: [won, lost], transitions: [toWon, toLost] });
    return { a, won, lost, toWon, toLost, doc };
  };

  it('adds one marker per exit, a child of its stage stacked up from its top, after the cards', () => {
    const { a, lost, toWon, toLost, doc } = setUp();
    const nodes = reconcileNodes([], doc, false, new Map(), toEdges(doc, toLost.id));
    expect(nodes.map((n) => [n.id, n.type, n.parentId ?? null, n.position])).toEqual([
      [a.id, 'stage', null, { x: 100, y: 300 }],
      [doc.outcomes[0]!.id, 'outcome', null, doc.outcomes[0]!.position],
      [lost.id, 'outcome', null, lost.position],
      [`exit-marker:${toWon.id}`, 'exitMarker', a.id, { x: 52, y: -62 }],
      [`exit-marker:${toLost.id}`, 'exitMarker', a.id, { x: 52, y: -114 }],
    ]);
    const marker = nodes[4]!;
    expect(marker).toMatchObject({ selectable: false, draggable: false, deletable: false, data: { transitionId: toLost.id, outcome: lost, selected: true, exit: { label: 'Too expensive' } } });
    expect(nodes[3]).toMatchObject({ data: { selected: false, exit: { rate: 0.6 } } });
  });

  it('hands back the previous array when every card is unchanged', () => {
    const { doc } = setUp();
    const first = reconcileNodes([], doc, false, new Map(), toEdges(doc, null));
    expect(reconcileNodes(first, doc, false, new Map(), toEdges(doc, null))).toBe(first);
    expect(reconcileNodes(first, doc, true, new Map(), toEdges(doc, null))).not.toBe(first);
  });

  it('keeps an unchanged marker’s object, and rebuilds the one whose exit was selected', () => {
    const { doc, toLost } = setUp();
    const first = reconcileNodes([], doc, false, new Map(), toEdges(doc, null));
    const again = reconcileNodes(first, doc, false, new Map(), toEdges(doc, null));
    expect(again[3]).toBe(first[3]);
    expect(again[4]).toBe(first[4]);
    const selected = reconcileNodes(again, doc, false, new Map(), toEdges(doc, toLost.id));
    expect(selected[3]).toBe(first[3]);
    expect(selected[4]).not.toBe(first[4]);
  });

  it('with a sizer, gives a card never drawn its estimated size as measured and its handles; a measured card keeps its measure', () => {
    const { doc, a } = setUp();
    const size = { width: 380, height: 400 };
    const sizer = { stage: () => size, outcome: () => ({ width: 200, height: 82 }), exitMarker: () => ({ width: 150, height: 44 }) };
    const nodes = reconcileNodes([], doc, false, new Map(), toEdges(doc, null), sizer);
    expect(nodes[0]).toMatchObject({ measured: { width: 380.5, height: 400 } });
    // The stage's "out" handle centred on its right side at half its estimated height.
    expect(nodes[0]!.handles?.find((h) => h.id === 'out')).toMatchObject({ type: 'source', x: 371, y: 191, width: 18, height: 18 });
    expect(nodes[3]).toMatchObject({ measured: { width: 150.5, height: 44 }, handles: [{ id: 'in', type: 'target', x: -3, y: 17 }] });
    // React Flow measured the drawn stage (a 'dimensions' change dropped its estimated handles).
    const measured = nodes.map((n, i) => (i === 0 ? ({ ...n, measured: { width: 380, height: 512 }, handles: undefined } as MapFlowNode) : n));
    const renamed = { ...doc, stages: doc.stages.map((st) => (st.id === a.id ? { ...st, name: 'Renamed' } : st)) };
    const next = reconcileNodes(measured, renamed, false, new Map(), toEdges(renamed, null), sizer);
    expect(next[0]).toMatchObject({ measured: { width: 380, height: 512 } });
    expect(next[0]!.handles).toBeUndefined();
  });

  it('estimates a card never drawn again when its text changes', () => {
    const { doc, a } = setUp();
    const sizer = {
      stage: (st: { name: string }) => ({ width: 380, height: st.name === 'Renamed' ? 500 : 400 }),
      outcome: () => ({ width: 200, height: 82 }),
      exitMarker: () => ({ width: 150, height: 44 }),
    };
    const nodes = reconcileNodes([], doc, false, new Map(), toEdges(doc, null), sizer);
    const renamed = { ...doc, stages: doc.stages.map((st) => (st.id === a.id ? { ...st, name: 'Renamed' } : st)) };
    const next = reconcileNodes(nodes, renamed, false, new Map(), toEdges(renamed, null), sizer);
    const stage = next.find((n) => n.id === a.id)!;
    expect(stage.measured).toEqual({ width: 380.5, height: 500 });
    expect(stage.handles?.find((h) => h.id === 'in')).toMatchObject({ x: -9, y: 241 });
  });
});

describe('stableEdges', () => {
  it('keeps the edge object while nothing it draws changed', () => {
    const { doc, transitions } = aChainMap(3);
    const keep = stableEdges({ tabIndex: -1 });
    const first = keep(toEdges(doc, null));
    expect(first[0]).toMatchObject({ domAttributes: { tabIndex: -1 } });
    // The document changed elsewhere (toEdges makes new objects): the same arrows keep theirs.
    const renamed = { ...doc, stages: doc.stages.map((s, i) => (i === 2 ? { ...s, name: 'Renamed' } : s)) };
    const second = keep(toEdges(renamed, null));
    expect(second[0]).toBe(first[0]);
    // The arrow into the renamed stage says its name: a new object.
    expect(second[1]).not.toBe(first[1]);
    // An arrow selected: a new object for it only.
    const third = keep(toEdges(renamed, transitions[0]!.id));
    expect(third[0]).not.toBe(second[0]);
    expect(third[0]).toMatchObject({ selected: true, domAttributes: { tabIndex: -1 } });
    expect(third[2]).toBe(second[2]);
  });

  it('hands back the same list while no arrow changed, and a new one as soon as one did or one went', () => {
    const { doc, transitions } = aChainMap(3);
    const keep = stableEdges({ tabIndex: -1 });
    const first = keep(toEdges(doc, null));
    // A card moved (new document, same arrows): React Flow gets the same list.
    const moved = moveNodes(doc, new Map([[doc.stages[1]!.id, { x: 999, y: 9 }]]));
    expect(keep(toEdges(moved, null))).toBe(first);
    const selected = keep(toEdges(moved, transitions[1]!.id));
    expect(selected).not.toBe(first);
    expect(selected[0]).toBe(first[0]);
    const fewer = keep(toEdges(moved, transitions[1]!.id).slice(0, 1));
    expect(fewer).not.toBe(selected);
    expect(fewer).toEqual([selected[0]]);
  });
});

describe('sameItems', () => {
  it('is true for the same objects in the same order only', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([], [])).toBe(true);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a], [a, b])).toBe(false);
    expect(sameItems([a, b], [a, { id: 'b' }])).toBe(false);
  });
});
