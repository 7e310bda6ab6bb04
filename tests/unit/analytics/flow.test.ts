// The journey as an absorbing Markov chain: expected visits and where buyers end,
// checked against numbers worked out by hand, and the problems that stop a number.
import { describe, expect, it } from 'vitest';
import { analyseFlow, type FlowChain, type FlowFailure, type FlowResult } from '../../../src-shared/domain/analytics';
import { defaultProcessInputs } from '../../../src-shared/domain/map-document';
import { aMapDocument, aProcessCast, aRatedTransition as rated } from '../../fixtures/factories';

function chainOf(result: FlowResult): FlowChain {
  if (!result.ok) throw new Error(`expected a chain, got ${JSON.stringify(result.problems)}`);
  return result;
}
function failureOf(result: FlowResult): FlowFailure {
  if (result.ok) throw new Error('expected problems, got a chain');
  return result;
}
function totalAbsorbed(chain: FlowChain): number {
  return Object.values(chain.absorption.byOutcome).reduce((a, b) => a + b, 0) + chain.absorption.stalled;
}

describe('a straight chain of four stages', () => {
  // A →0.5→ B →0.6→ C →0.7→ D →0.8→ Won; every stage's remainder stalls.
  // Visits: N[A] = 1, N[B] = 0.5, N[C] = 0.5·0.6 = 0.3, N[D] = 0.3·0.7 = 0.21.
  // Win rate = 0.21·0.8 = 0.168; stalled = 0.5 + 0.5·0.4 + 0.3·0.3 + 0.21·0.2 = 0.5 + 0.2 + 0.09 + 0.042 = 0.832.
  const { stages, won } = aProcessCast(['A', 'B', 'C', 'D']);
  const [a, b, c, d] = stages as [typeof stages[0], typeof stages[0], typeof stages[0], typeof stages[0]];
  const doc = aMapDocument({
    stages,
    outcomes: [won],
    transitions: [rated(a, b, 0.5), rated(b, c, 0.6), rated(c, d, 0.7), rated(d, won, 0.8)],
  });
  const chain = chainOf(analyseFlow(doc));

  it('expects each stage to be visited by the share of buyers still in the journey', () => {
    expect(chain.entryStageId).toBe(a.id);
    expect(chain.expectedVisits[a.id]).toBeCloseTo(1, 12);
    expect(chain.expectedVisits[b.id]).toBeCloseTo(0.5, 12);
    expect(chain.expectedVisits[c.id]).toBeCloseTo(0.3, 12);
    expect(chain.expectedVisits[d.id]).toBeCloseTo(0.21, 12);
  });

  it('wins the product of the rates and stalls the rest', () => {
    expect(chain.winRate).toBeCloseTo(0.168, 12);
    expect(chain.absorption.byOutcome[won.id]).toBeCloseTo(0.168, 12);
    expect(chain.absorption.stalled).toBeCloseTo(0.832, 12);
    expect(chain.noDecisionShare).toBeCloseTo(0.832, 12);
    expect(chain.lostShare).toBe(0);
    expect(totalAbsorbed(chain)).toBeCloseTo(1, 12);
  });

  it('reports what stalls in each stage', () => {
    expect(chain.stalledByStage).toEqual({ [a.id]: 0.5, [b.id]: expect.closeTo(0.4, 12), [c.id]: expect.closeTo(0.3, 12), [d.id]: expect.closeTo(0.2, 12) });
  });
});

describe('a branch to Lost and No decision', () => {
  // A →0.6→ B, A →0.4→ No decision; B →0.7→ Won, B →0.3→ Lost.
  // Win = 0.6·0.7 = 0.42; Lost = 0.6·0.3 = 0.18; No decision = 0.4; nothing stalls.
  const { stages, won, lost, noDecision } = aProcessCast(['A', 'B']);
  const [a, b] = stages as [typeof stages[0], typeof stages[0]];
  const doc = aMapDocument({
    stages,
    outcomes: [won, lost, noDecision],
    transitions: [rated(a, b, 0.6), rated(a, noDecision, 0.4), rated(b, won, 0.7), rated(b, lost, 0.3)],
  });

  it('splits buyers over the outcomes by the product of rates along each path', () => {
    const chain = chainOf(analyseFlow(doc));
    expect(chain.winRate).toBeCloseTo(0.42, 12);
    expect(chain.lostShare).toBeCloseTo(0.18, 12);
    expect(chain.noDecisionShare).toBeCloseTo(0.4, 12);
    expect(chain.absorption.stalled).toBe(0);
    expect(chain.disqualifiedShare).toBe(0);
    expect(chain.absorption.byOutcome).toEqual({ [won.id]: expect.closeTo(0.42, 12), [lost.id]: expect.closeTo(0.18, 12), [noDecision.id]: expect.closeTo(0.4, 12) });
  });
});

describe('a loop back from a later stage to an earlier one', () => {
  // A →0.8→ B, A →0.2→ No decision; B →0.6→ C, B →0.1→ Lost, B →0.3→ A (re-evaluate);
  // C →0.9→ Won, C →0.1→ Lost.
  // Visits from A: v_A = 1 + 0.3·v_B, v_B = 0.8·v_A, v_C = 0.6·v_B
  //   → v_A = 1 + 0.24·v_A → v_A = 1/0.76 ≈ 1.315789; v_B = 0.8/0.76 ≈ 1.052632; v_C = 0.48/0.76 ≈ 0.631579.
  // Win = 0.9·v_C = 0.432/0.76 ≈ 0.568421; Lost = 0.1·v_B + 0.1·v_C = 0.128/0.76 ≈ 0.168421;
  // No decision = 0.2·v_A = 0.2/0.76 ≈ 0.263158. Check: (0.432 + 0.128 + 0.2)/0.76 = 1.
  const { stages, won, lost, noDecision } = aProcessCast(['A', 'B', 'C']);
  const [a, b, c] = stages as [typeof stages[0], typeof stages[0], typeof stages[0]];
  const doc = aMapDocument({
    stages,
    outcomes: [won, lost, noDecision],
    transitions: [
      rated(a, b, 0.8),
      rated(a, noDecision, 0.2),
      rated(b, c, 0.6),
      rated(b, lost, 0.1),
      rated(b, a, 0.3),
      rated(c, won, 0.9),
      rated(c, lost, 0.1),
    ],
  });

  it('counts the revisits in the expected visits', () => {
    const chain = chainOf(analyseFlow(doc));
    expect(chain.expectedVisits[a.id]).toBeCloseTo(1 / 0.76, 12);
    expect(chain.expectedVisits[b.id]).toBeCloseTo(0.8 / 0.76, 12);
    expect(chain.expectedVisits[c.id]).toBeCloseTo(0.48 / 0.76, 12);
  });

  it('ends every buyer somewhere, with the loop folded into the shares', () => {
    const chain = chainOf(analyseFlow(doc));
    expect(chain.winRate).toBeCloseTo(0.432 / 0.76, 12);
    expect(chain.lostShare).toBeCloseTo(0.128 / 0.76, 12);
    expect(chain.noDecisionShare).toBeCloseTo(0.2 / 0.76, 12);
    expect(totalAbsorbed(chain)).toBeCloseTo(1, 12);
  });
});

describe('what a stage leaves unassigned', () => {
  // A →0.5→ B, A →0.2→ Lost, A →0.1→ No decision: 0.2 of A's buyers are unassigned → Stalled.
  // B →1.0→ Won. Win = 0.5; Lost = 0.2; No decision = 0.1 (explicit) + 0.2 (stalled) = 0.3.
  it('goes to Stalled, which counts with No decision', () => {
    const { stages, won, lost, noDecision } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const doc = aMapDocument({
      stages,
      outcomes: [won, lost, noDecision],
      transitions: [rated(a, b, 0.5), rated(a, lost, 0.2), rated(a, noDecision, 0.1), rated(b, won, 1)],
    });
    const chain = chainOf(analyseFlow(doc));
    expect(chain.absorption.stalled).toBeCloseTo(0.2, 12);
    expect(chain.stalledByStage).toEqual({ [a.id]: expect.closeTo(0.2, 12) });
    expect(chain.absorption.byOutcome[noDecision.id]).toBeCloseTo(0.1, 12);
    expect(chain.noDecisionShare).toBeCloseTo(0.3, 12);
    expect(chain.winRate).toBeCloseTo(0.5, 12);
    expect(chain.lostShare).toBeCloseTo(0.2, 12);
  });

  it('is all of a stage with no way out at all, so a half-drawn map still adds up', () => {
    const { stages, won } = aProcessCast(['A', 'B']);
    const [a] = stages as [typeof stages[0]];
    const chain = chainOf(analyseFlow(aMapDocument({ stages, outcomes: [won], transitions: [rated(a, stages[1]!, 0.4)] })));
    expect(chain.absorption.stalled).toBeCloseTo(1, 12);
    expect(chain.winRate).toBe(0);
  });
});

describe('the "rest" rule', () => {
  // A →0.7→ B, A → Lost blank → takes 1 − 0.7 = 0.3; B →0.5→ Won, B → No decision blank → 0.5.
  // Win = 0.7·0.5 = 0.35; Lost = 0.3; No decision = 0.35; nothing stalls.
  const { stages, won, lost, noDecision } = aProcessCast(['A', 'B']);
  const [a, b] = stages as [typeof stages[0], typeof stages[0]];
  const aLost = rated(a, lost, null);
  const bNoDecision = rated(b, noDecision, null);
  const doc = aMapDocument({
    stages,
    outcomes: [won, lost, noDecision],
    transitions: [rated(a, b, 0.7), aLost, rated(b, won, 0.5), bNoDecision],
  });

  it('gives the only blank exit of a stage what its other rates leave', () => {
    const chain = chainOf(analyseFlow(doc));
    expect(chain.winRate).toBeCloseTo(0.35, 12);
    expect(chain.lostShare).toBeCloseTo(0.3, 12);
    expect(chain.noDecisionShare).toBeCloseTo(0.35, 12);
    expect(chain.absorption.stalled).toBe(0);
  });

  it('reports those rates as derived, not entered', () => {
    const chain = chainOf(analyseFlow(doc));
    const byId = new Map(chain.rates.map((r) => [r.transitionId, r]));
    expect(byId.get(aLost.id)).toMatchObject({ rate: expect.closeTo(0.3, 12), from: 'rest' });
    expect(byId.get(bNoDecision.id)).toMatchObject({ rate: 0.5, from: 'rest' });
    expect(chain.rates.filter((r) => r.from === 'entered')).toHaveLength(2);
  });

  it('does not apply to a blank transition that leads to another stage', () => {
    const c = aProcessCast(['C']).stages[0]!;
    const toStage = rated(b, c, null);
    const result = failureOf(
      analyseFlow(aMapDocument({ stages: [a, b, c], outcomes: [won, lost], transitions: [rated(a, b, 1), rated(b, won, 0.5), toStage] })),
    );
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'missing-conversion', stageId: b.id, transitionIds: [toStage.id] }));
  });

  it('does not apply when two exits are blank: both are missing', () => {
    const first = rated(a, lost, null);
    const second = rated(a, noDecision, null);
    const result = failureOf(analyseFlow(aMapDocument({ stages: [a], outcomes: [lost, noDecision], transitions: [first, second] })));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'missing-conversion', stageId: a.id, transitionIds: [first.id, second.id], message: expect.stringContaining('may stay blank') }),
    ]);
  });
});

describe('missing inputs', () => {
  it('names the stage and the transitions whose rate is blank', () => {
    const { stages, won, lost } = aProcessCast(['Recognise the problem', 'Compare options']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const blank = rated(a, b, null);
    const result = failureOf(
      analyseFlow(aMapDocument({ stages, outcomes: [won, lost], transitions: [blank, rated(a, lost, 0.2), rated(b, won, 0.5)] })),
    );
    expect(result.problems).toEqual([
      {
        code: 'missing-conversion',
        stageId: a.id,
        transitionIds: [blank.id],
        message: 'Enter the share of buyers who go from "Recognise the problem" to "Compare options".',
      },
    ]);
  });

  it('asks for the inputs of a stage behind a blank transition too, so the whole list shows at once', () => {
    const { stages, won } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const first = rated(a, b, null);
    const second = rated(b, stages[0]!, null);
    const third = rated(b, won, null);
    const result = failureOf(analyseFlow(aMapDocument({ stages, outcomes: [won], transitions: [first, second, third] })));
    expect(result.problems.map((p) => p.code === 'missing-conversion' && p.transitionIds)).toEqual([[first.id], [second.id, third.id]]);
  });

  it('does not ask for stages behind a 0 % transition: no buyer gets there, and they are listed as out of reach', () => {
    const { stages, won } = aProcessCast(['A', 'B', 'Side track']);
    const [a, b, side] = stages as [typeof stages[0], typeof stages[0], typeof stages[0]];
    const doc = aMapDocument({
      stages,
      outcomes: [won],
      transitions: [rated(a, b, 1), rated(a, side, 0), rated(b, won, 0.5), rated(side, won, null), rated(side, b, null)],
    });
    const chain = chainOf(analyseFlow(doc));
    expect(chain.unreachableStageIds).toEqual([side.id]);
    expect(chain.expectedVisits[side.id]).toBe(0);
    expect(chain.winRate).toBeCloseTo(0.5, 12);
  });
});

describe('rates above 100 %', () => {
  it('are an error on the stage, with the sum', () => {
    const { stages, won, lost } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const result = failureOf(
      analyseFlow(aMapDocument({ stages, outcomes: [won, lost], transitions: [rated(a, b, 0.7), rated(a, lost, 0.5), rated(b, won, 1)] })),
    );
    expect(result.problems).toEqual([
      {
        code: 'rates-exceed-100',
        stageId: a.id,
        sum: expect.closeTo(1.2, 12),
        message: 'The rates out of "A" add up to 120 %; a buyer can only go one way, so they must add up to 100 % or less.',
      },
    ]);
  });

  it('are tolerated within 1e-9, the rounding of typed percentages', () => {
    const { stages, won, lost } = aProcessCast(['A']);
    const doc = aMapDocument({ stages, outcomes: [won, lost], transitions: [rated(stages[0]!, won, 0.7), rated(stages[0]!, lost, 0.3000000001)] });
    expect(chainOf(analyseFlow(doc)).winRate).toBeCloseTo(0.7, 9);
  });
});

describe('an endless loop', () => {
  it('is an error listing the stages buyers can never leave', () => {
    // A →0.5→ Lost, A →0.5→ B; B →1→ C; C →1→ B: whoever reaches B circles B ↔ C forever.
    const { stages, lost } = aProcessCast(['A', 'B', 'C']);
    const [a, b, c] = stages as [typeof stages[0], typeof stages[0], typeof stages[0]];
    const result = failureOf(
      analyseFlow(aMapDocument({ stages, outcomes: [lost], transitions: [rated(a, lost, 0.5), rated(a, b, 0.5), rated(b, c, 1), rated(c, b, 1)] })),
    );
    expect(result.problems).toEqual([expect.objectContaining({ code: 'endless-loop', stageIds: [b.id, c.id], message: expect.stringContaining('"B", "C" go round forever') })]);
  });

  it('is not claimed while a blank rate could still open a way out', () => {
    const { stages, lost } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const result = failureOf(analyseFlow(aMapDocument({ stages, outcomes: [lost], transitions: [rated(a, b, 1), rated(b, a, null)] })));
    expect(result.problems.map((p) => p.code)).toEqual(['missing-conversion']);
  });

  it('that very nearly never ends is refused rather than shown as noise', () => {
    // B returns to A with 1 − 1e-13: buyers go round about 10¹³ times.
    const { stages, lost } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const result = failureOf(
      analyseFlow(aMapDocument({ stages, outcomes: [lost], transitions: [rated(a, b, 1), rated(b, a, 1 - 1e-13), rated(b, lost, 1e-13)] })),
    );
    expect(result.problems).toEqual([expect.objectContaining({ code: 'near-endless-loop', stageIds: [a.id, b.id] })]);
  });
});

describe('the entry', () => {
  it('is the stage chosen in the process inputs when set; stages before it are out of reach', () => {
    const { stages, won } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const doc = aMapDocument({ stages, outcomes: [won], transitions: [rated(a, b, 0.5), rated(b, won, 0.6)], process: { ...defaultProcessInputs(), entryStageId: b.id } });
    const chain = chainOf(analyseFlow(doc));
    expect(chain.entryStageId).toBe(b.id);
    expect(chain.unreachableStageIds).toEqual([a.id]);
    expect(chain.winRate).toBeCloseTo(0.6, 12);
  });

  it('must exist: a chosen entry that is no longer on the map is a problem', () => {
    const { stages } = aProcessCast(['A']);
    const result = failureOf(analyseFlow(aMapDocument({ stages, process: { ...defaultProcessInputs(), entryStageId: 'gone' } })));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'no-entry', stageId: 'gone' })]);
  });

  it('cannot be found on a map without stages', () => {
    expect(failureOf(analyseFlow(aMapDocument())).problems).toEqual([expect.objectContaining({ code: 'no-stages' })]);
  });
});
