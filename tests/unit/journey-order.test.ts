// Keyboard navigation walks the map in the order a buyer meets it.
import { describe, expect, it } from 'vitest';
import { journeyOrder, keyboardOrder } from '../../src-shared/domain/journey-order';
import { aChainMap, aMapDocument, aStage, aTransition, anOutcome } from '../fixtures/factories';

describe('journey order', () => {
  it('starts at the entry stage and follows forward transitions, then lists the outcomes', () => {
    // Stored out of order: C, A, B with A→B→C→Won.
    const a = aStage({ name: 'A' });
    const b = aStage({ name: 'B' });
    const c = aStage({ name: 'C' });
    const won = anOutcome('won');
    const lost = anOutcome('lost');
    const doc = aMapDocument({
      stages: [c, a, b],
      outcomes: [won, lost],
      transitions: [aTransition(b, c), aTransition(c, won), aTransition(a, b), aTransition(b, lost)],
    });
    expect(journeyOrder(doc)).toEqual([a.id, b.id, c.id, won.id, lost.id]);
  });

  it('visits both branches before the stage where they meet', () => {
    const a = aStage({ name: 'A' });
    const b = aStage({ name: 'B' });
    const c = aStage({ name: 'C' });
    const d = aStage({ name: 'D' });
    const doc = aMapDocument({
      stages: [a, d, b, c],
      transitions: [aTransition(a, b), aTransition(a, c), aTransition(b, d), aTransition(c, d)],
    });
    expect(journeyOrder(doc)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('is not thrown by loops back, and starts at the entry the team chose', () => {
    const { doc, stages, won } = aChainMap(3);
    const looped = { ...doc, transitions: [...doc.transitions, aTransition(stages[2]!, stages[0]!)] };
    expect(journeyOrder(looped)).toEqual([...stages.map((s) => s.id), won.id]);

    const chosen = { ...doc, process: { ...doc.process, entryStageId: stages[1]!.id }, transitions: [aTransition(stages[1]!, stages[2]!)] };
    expect(journeyOrder(chosen).slice(0, 2)).toEqual([stages[1]!.id, stages[2]!.id]);
  });

  it('lists every card exactly once, unconnected stages after the journey in map order', () => {
    const { doc, stages, won } = aChainMap(2);
    const lone = aStage({ name: 'Lone' });
    const withLone = { ...doc, stages: [lone, ...doc.stages] };
    // The lone stage is the first no stage leads to, so it is the entry by default.
    expect(journeyOrder(withLone)).toEqual([lone.id, stages[0]!.id, stages[1]!.id, won.id]);
    const chosen = { ...withLone, process: { ...withLone.process, entryStageId: stages[0]!.id } };
    expect(journeyOrder(chosen)).toEqual([stages[0]!.id, stages[1]!.id, lone.id, won.id]);
  });

  it('for the keyboard: every card, then every arrow by the journey order of the card it leaves', () => {
    const a = aStage({ name: 'A' });
    const b = aStage({ name: 'B' });
    const won = anOutcome('won');
    const bWon = aTransition(b, won);
    const ab = aTransition(a, b);
    const ba = aTransition(b, a);
    const doc = aMapDocument({ stages: [a, b], outcomes: [won], transitions: [bWon, ba, ab] });
    expect(keyboardOrder(doc)).toEqual([a.id, b.id, won.id, ab.id, bWon.id, ba.id]);
  });
});
