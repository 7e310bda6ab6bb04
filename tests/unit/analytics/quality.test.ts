// Rolled %C&A along the main path and the value-added ratio of the actions.
import { describe, expect, it } from 'vitest';
import { inputLabel, mainPath, rolledCompleteAndAccurate, valueAddedRatio } from '../../../src-shared/domain/analytics';
import { aMapDocument, aProcessCast, aRatedTransition as rated, anAction } from '../../fixtures/factories';

describe('the main path', () => {
  it('follows the highest-rate way on from the entry to Won, never a losing exit and never back', () => {
    // A →0.6→ B, A →0.3→ Side; B →0.7→ Lost, B →0.3→ C, B →0.5→ A (back: not taken); C →0.4→ Won.
    const { stages, won, lost } = aProcessCast(['A', 'B', 'C', 'Side']);
    const [a, b, c, side] = stages as [typeof stages[0], typeof stages[0], typeof stages[0], typeof stages[0]];
    const doc = aMapDocument({
      stages,
      outcomes: [won, lost],
      transitions: [rated(a, side, 0.3), rated(a, b, 0.6), rated(b, lost, 0.7), rated(b, a, 0.5), rated(b, c, 0.3), rated(c, won, 0.4), rated(side, won, 1)],
    });
    expect(mainPath(doc)).toEqual({ stageIds: [a.id, b.id, c.id], wonOutcomeId: won.id });
  });

  it('ranks blank rates below typed ones and takes the first of equal rates', () => {
    const { stages, won } = aProcessCast(['A', 'B', 'C']);
    const [a, b, c] = stages as [typeof stages[0], typeof stages[0], typeof stages[0]];
    const blankFirst = aMapDocument({ stages, outcomes: [won], transitions: [rated(a, b, null), rated(a, c, 0.1), rated(b, won, 1), rated(c, won, 1)] });
    expect(mainPath(blankFirst)?.stageIds).toEqual([a.id, c.id]);
    const tie = aMapDocument({ stages, outcomes: [won], transitions: [rated(a, c, 0.5), rated(a, b, 0.5), rated(b, won, 1), rated(c, won, 1)] });
    expect(mainPath(tie)?.stageIds).toEqual([a.id, c.id]);
  });

  it('stops short when no way on is left, and says so', () => {
    const { stages, won, lost } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const doc = aMapDocument({ stages, outcomes: [won, lost], transitions: [rated(a, b, 1), rated(b, lost, 1), rated(b, won, 0)] });
    expect(mainPath(doc)).toEqual({ stageIds: [a.id, b.id], wonOutcomeId: null });
  });
});

describe('rolled %C&A', () => {
  it('is the product of the stages’ %C&A along the main path', () => {
    // A (90 %) → B (80 %) → C (50 %) → Won: 0.9 · 0.8 · 0.5 = 0.36. The side stage (10 %) is off the path.
    const { stages, won, lost } = aProcessCast(['A', 'B', 'C', 'Side']);
    const [a, b, c, side] = stages as [typeof stages[0], typeof stages[0], typeof stages[0], typeof stages[0]];
    a.completeAndAccurate = 0.9;
    b.completeAndAccurate = 0.8;
    c.completeAndAccurate = 0.5;
    side.completeAndAccurate = 0.1;
    const doc = aMapDocument({
      stages,
      outcomes: [won, lost],
      transitions: [rated(a, b, 0.6), rated(a, side, 0.2), rated(b, c, 0.5), rated(c, won, 0.4), rated(c, a, 0.5), rated(side, lost, 1)],
    });
    const { figure, path } = rolledCompleteAndAccurate(doc);
    expect(path?.stageIds).toEqual([a.id, b.id, c.id]);
    expect(figure).toMatchObject({ status: 'ok', value: expect.closeTo(0.36, 12) });
    expect(figure.status === 'ok' && figure.inputs.map((i) => inputLabel(doc, i))).toEqual([
      '%C&A of hand-offs into "A"',
      '%C&A of hand-offs into "B"',
      '%C&A of hand-offs into "C"',
    ]);
  });

  it('names the stages on the path whose %C&A is blank', () => {
    const { stages, won } = aProcessCast(['A', 'B'], { completeAndAccurate: 0.9 });
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    b.completeAndAccurate = null;
    const { figure } = rolledCompleteAndAccurate(aMapDocument({ stages, outcomes: [won], transitions: [rated(a, b, 1), rated(b, won, 1)] }));
    expect(figure).toEqual({ status: 'missing', missing: [{ kind: 'complete-and-accurate', stageId: b.id, label: '%C&A of hand-offs into "B"' }] });
  });

  it('has nothing to multiply on a map without stages', () => {
    expect(rolledCompleteAndAccurate(aMapDocument())).toMatchObject({ path: null, figure: { status: 'blocked', problems: [{ code: 'no-stages' }] } });
  });
});

describe('the value-added ratio', () => {
  it('is value actions ÷ all actions, per stage and overall, with the unclassified counted', () => {
    // Stage A: value, value, necessary, waste, unclassified → 2/5. Stage B: value, unclassified → 1/2.
    // Stage C: no actions → no ratio. Overall: 3 value of 7 actions.
    const { stages } = aProcessCast(['A', 'B', 'C']);
    const [a, b, c] = stages as [typeof stages[0], typeof stages[0], typeof stages[0]];
    a.actions = [anAction({ leanClass: 'value' }), anAction({ leanClass: 'value', actor: 'seller' }), anAction({ leanClass: 'necessary' }), anAction({ leanClass: 'waste' }), anAction()];
    b.actions = [anAction({ leanClass: 'value', actor: 'marketing' }), anAction()];
    const result = valueAddedRatio(aMapDocument({ stages }));
    expect(result.stages).toEqual([
      { stageId: a.id, value: 2, necessary: 1, waste: 1, unclassified: 1, total: 5, ratio: 0.4 },
      { stageId: b.id, value: 1, necessary: 0, waste: 0, unclassified: 1, total: 2, ratio: 0.5 },
      { stageId: c.id, value: 0, necessary: 0, waste: 0, unclassified: 0, total: 0, ratio: null },
    ]);
    expect(result.overall).toEqual({ value: 3, necessary: 1, waste: 1, unclassified: 2, total: 7, ratio: 3 / 7 });
  });
});
