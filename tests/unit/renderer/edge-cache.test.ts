// The canvas's arrows are built again only when something they show changed: a
// dropped card or an edited text leaves every arrow as it was.
import { describe, expect, it, vi } from 'vitest';
import { cachedEdges, sameArrowInputs } from '../../../src-renderer/canvas/edge-cache';
import { toEdges } from '../../../src-renderer/canvas/flow-adapters';
import { resolveRates } from '../../../src-shared/domain/analytics';
import { moveNodes, updateAction, updateProcessInputs, updateStage, updateTransition } from '../../../src-shared/domain/map-ops';
import { bigMap } from '../../../bench/big-map';

describe('sameArrowInputs', () => {
  const doc = bigMap(14);
  const stage = doc.stages[3]!;

  it('is the same after a card moved or a text of a card changed', () => {
    expect(sameArrowInputs(doc, moveNodes(doc, new Map([[stage.id, { x: 1, y: 2 }]])))).toBe(true);
    expect(sameArrowInputs(doc, updateStage(doc, stage.id, { customerGoal: 'Knows what it costs' }))).toBe(true);
    expect(sameArrowInputs(doc, updateAction(doc, stage.id, stage.actions[0]!.id, { text: 'Calls a peer' }))).toBe(true);
  });

  it('differs when a stage is renamed (arrows name both ends), the stages are reordered, an arrow or the entry changed', () => {
    expect(sameArrowInputs(doc, updateStage(doc, stage.id, { name: 'Renamed' }))).toBe(false);
    expect(sameArrowInputs(doc, { ...doc, stages: [doc.stages[1]!, doc.stages[0]!, ...doc.stages.slice(2)] })).toBe(false);
    expect(sameArrowInputs(doc, updateTransition(doc, doc.transitions[0]!.id, { label: 'Asks again' }))).toBe(false);
    expect(sameArrowInputs(doc, updateProcessInputs(doc, { entryStageId: stage.id }))).toBe(false);
    expect(sameArrowInputs(doc, { ...doc, stages: doc.stages.slice(1) })).toBe(false);
  });
});

describe('cachedEdges', () => {
  it('returns the previous arrows after a drop, and builds them again when an arrow, the selection, the rates or the ranking changed', () => {
    const build = vi.fn(toEdges);
    const arrowsOf = cachedEdges(build);
    const doc = bigMap(14);
    const rates = resolveRates(doc);
    const none = new Map<string, number>();
    const first = arrowsOf(doc, null, rates, none);
    const moved = moveNodes(doc, new Map([[doc.stages[2]!.id, { x: 5, y: 5 }]]));
    expect(arrowsOf(moved, null, rates, none)).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);

    const selected = arrowsOf(moved, doc.transitions[0]!.id, rates, none);
    expect(selected.find((e) => e.id === doc.transitions[0]!.id)?.selected).toBe(true);
    const ranked = arrowsOf(moved, doc.transitions[0]!.id, rates, new Map([[doc.transitions[1]!.id, 1]]));
    expect(ranked.find((e) => e.id === doc.transitions[1]!.id)?.data?.bottleneckRank).toBe(1);
    const relabelled = updateTransition(moved, doc.transitions[1]!.id, { label: 'Asks again' });
    const rates2 = resolveRates(relabelled);
    expect(arrowsOf(relabelled, doc.transitions[0]!.id, rates2, new Map([[doc.transitions[1]!.id, 1]])).find((e) => e.id === doc.transitions[1]!.id)?.data?.label).toBe('Asks again');
    expect(build).toHaveBeenCalledTimes(4);
  });
});
