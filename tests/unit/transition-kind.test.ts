// Forward, loop back or exit is read from the graph, never stored, so the label
// follows the facilitator's rewiring.
import { describe, expect, it } from 'vitest';
import b2bTemplate from '../../resources/templates/b2b-buying-journey.json';
import { MapDocumentSchema } from '../../src-shared/domain/map-document';
import { classifyTransitions, entryStageId } from '../../src-shared/domain/transition-kind';
import { aChainMap, aMapDocument, aStage, aTransition, anOutcome } from '../fixtures/factories';

describe('the entry stage', () => {
  it('is the first stage in map order that no stage leads to', () => {
    const late = aStage({ name: 'Late' });
    const early = aStage({ name: 'Early' });
    const doc = aMapDocument({ stages: [late, early], transitions: [aTransition(early, late)] });
    expect(entryStageId(doc)).toBe(early.id);
  });

  it('is the first stage when every stage is led to (a cycle)', () => {
    const a = aStage();
    const b = aStage();
    const doc = aMapDocument({ stages: [a, b], transitions: [aTransition(a, b), aTransition(b, a)] });
    expect(entryStageId(doc)).toBe(a.id);
  });

  it('does not exist on an empty map', () => {
    expect(entryStageId(aMapDocument())).toBeUndefined();
  });
});

describe('transition kinds', () => {
  it('on the B2B template: the main path is forward, re-evaluation is a loop, outcomes are exits', () => {
    const kinds = classifyTransitions(MapDocumentSchema.parse(b2bTemplate));
    expect(Object.fromEntries(kinds)).toEqual({
      't-1-2': 'forward',
      't-2-3': 'forward',
      't-3-4': 'forward',
      't-4-5': 'forward',
      't-4-3': 'loop',
      't-5-won': 'exit',
      't-3-lost': 'exit',
      't-5-lost': 'exit',
      't-2-no_decision': 'exit',
      't-4-no_decision': 'exit',
    });
  });

  it('a transition back to an earlier stage on the path is a loop', () => {
    const { doc, stages } = aChainMap(3);
    const back = aTransition(stages[2]!, stages[0]!);
    const kinds = classifyTransitions({ ...doc, transitions: [...doc.transitions, back] });
    expect(kinds.get(back.id)).toBe('loop');
    expect(doc.transitions.map((t) => kinds.get(t.id))).toEqual(['forward', 'forward', 'exit']);
  });

  it('a transition to a stage already reached by another branch is forward, not a loop', () => {
    const a = aStage();
    const b = aStage();
    const c = aStage();
    const aToB = aTransition(a, b);
    const aToC = aTransition(a, c);
    const cToB = aTransition(c, b);
    const kinds = classifyTransitions(aMapDocument({ stages: [a, b, c], transitions: [aToB, aToC, cToB] }));
    expect(kinds.get(cToB.id)).toBe('forward');
  });

  it('stages unreachable from the entry are still classified', () => {
    const { doc } = aChainMap(2);
    const islandStart = aStage({ name: 'Island start' });
    const islandEnd = aStage({ name: 'Island end' });
    const across = aTransition(islandStart, islandEnd);
    const back = aTransition(islandEnd, islandStart);
    const lost = anOutcome('lost');
    const out = aTransition(islandEnd, lost);
    const kinds = classifyTransitions({
      ...doc,
      stages: [...doc.stages, islandStart, islandEnd],
      outcomes: [...doc.outcomes, lost],
      transitions: [...doc.transitions, across, back, out],
    });
    expect([kinds.get(across.id), kinds.get(back.id), kinds.get(out.id)]).toEqual(['forward', 'loop', 'exit']);
    expect(kinds.size).toBe(doc.transitions.length + 3);
  });

  it('a 3000-stage chain is classified without overflowing the stack', () => {
    const { doc, transitions } = aChainMap(3000);
    const kinds = classifyTransitions(doc);
    expect(kinds.size).toBe(3000);
    expect(kinds.get(transitions[2998]!.id)).toBe('forward');
    expect(kinds.get(transitions[2999]!.id)).toBe('exit');
  });
});
