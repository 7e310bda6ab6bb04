// Where to focus: transitions ranked by the wins one more step of conversion would
// bring, and stages ranked by the days buyers spend in them. Gains worked by hand.
import { describe, expect, it } from 'vitest';
import {
  analyseFlow,
  rankBottlenecks,
  slowestStages,
  withImprovedTransition,
  type BottleneckRanking,
  type FlowResult,
  type SlowestStages,
} from '../../../src-shared/domain/analytics';
import { defaultProcessInputs, type MapDocument } from '../../../src-shared/domain/map-document';
import { aMapDocument, aProcessCast, aRatedTransition as rated } from '../../fixtures/factories';

function ranking(result: ReturnType<typeof rankBottlenecks>): BottleneckRanking {
  if (!result.ok) throw new Error(`expected a ranking, got ${JSON.stringify(result.problems)}`);
  return result;
}
function winRateOf(result: FlowResult): number {
  if (!result.ok) throw new Error('expected a chain');
  return result.winRate;
}

/**
 * A →0.95→ B, A →0.05→ Lost; B →0.5→ C, B →0.5→ No decision; C →0.4→ Won, C → Lost blank (rest 0.6).
 * Win rate = 0.95·0.5·0.4 = 0.19.
 */
function aThreeStageProcess(entriesPerPeriod: number | null = null) {
  const { stages, won, lost, noDecision } = aProcessCast(['A', 'B', 'C']);
  const [a, b, c] = stages as [typeof stages[0], typeof stages[0], typeof stages[0]];
  const aToB = rated(a, b, 0.95);
  const bToC = rated(b, c, 0.5);
  const cToWon = rated(c, won, 0.4);
  const doc = aMapDocument({
    stages,
    outcomes: [won, lost, noDecision],
    transitions: [aToB, rated(a, lost, 0.05), bToC, rated(b, noDecision, 0.5), cToWon, rated(c, lost, null)],
    process: { ...defaultProcessInputs(), entriesPerPeriod },
  });
  return { doc, aToB, bToC, cToWon };
}

describe('ranking the bottlenecks', () => {
  // Step +10 points, taken from the stage's losses:
  //   C → Won: C loses 0.6 (rest to Lost), 0.4 → 0.5: win = 0.95·0.5·0.5 = 0.2375, Δ = 0.0475.
  //   B → C:   B loses 0.5 (No decision),  0.5 → 0.6: win = 0.95·0.6·0.4 = 0.228,  Δ = 0.038.
  //   A → B:   A loses only 0.05 (Lost), so the step is capped: 0.95 → 1.0: win = 1·0.5·0.4 = 0.2, Δ = 0.01.
  it('orders transitions by the extra win rate one step of conversion brings', () => {
    const { doc, aToB, bToC, cToWon } = aThreeStageProcess();
    const result = ranking(rankBottlenecks(doc));
    expect(result.basis).toBe('win-rate');
    expect(result.winRate).toBeCloseTo(0.19, 12);
    expect(result.candidates.map((c) => [c.transitionId, c.rank, c.top])).toEqual([
      [cToWon.id, 1, true],
      [bToC.id, 2, true],
      [aToB.id, 3, false],
    ]);
    expect(result.candidates.map((c) => c.deltaWinRate)).toEqual([expect.closeTo(0.0475, 12), expect.closeTo(0.038, 12), expect.closeTo(0.01, 12)]);
  });

  it('caps the step at what the stage loses today', () => {
    const { doc, aToB } = aThreeStageProcess();
    const candidate = ranking(rankBottlenecks(doc)).candidates.find((c) => c.transitionId === aToB.id)!;
    expect(candidate).toMatchObject({ kind: 'forward', currentRate: 0.95, headroom: expect.closeTo(0.05, 12), increase: expect.closeTo(0.05, 12), newRate: expect.closeTo(1, 12) });
  });

  it('counts the gain in extra wins per period when the entries are known', () => {
    // 200 entries a month: 200 × (0.0475, 0.038, 0.01) = 9.5, 7.6, 2 extra wins.
    const result = ranking(rankBottlenecks(aThreeStageProcess(200).doc));
    expect(result.basis).toBe('wins-per-period');
    expect(result.candidates.map((c) => c.gain)).toEqual([expect.closeTo(9.5, 9), expect.closeTo(7.6, 9), expect.closeTo(2, 9)]);
  });

  it('takes a step of any size', () => {
    // +5 points: C → Won 0.45: 0.95·0.5·0.45 = 0.21375, Δ = 0.02375.
    const { doc, cToWon } = aThreeStageProcess();
    const candidate = ranking(rankBottlenecks(doc, { step: 0.05 })).candidates.find((c) => c.transitionId === cToWon.id)!;
    expect(candidate.deltaWinRate).toBeCloseTo(0.02375, 12);
  });

  it('handles a loop exactly, and never proposes raising the loop itself', () => {
    // A →0.8→ B, A →0.2→ No decision; B →0.5→ A (loop), B →0.5→ Won. Win rate 2/3 (b_A = 0.8·b_B, b_B = 0.5 + 0.5·b_A).
    // A → B +0.1 (from No decision): b_A = 0.9·b_B, b_B = 0.5 + 0.45·b_B → b_B = 10/11, b_A = 9/11; Δ = 9/11 − 2/3 = 5/33.
    // B → Won: B loses nothing (no losing exit, no stall), so there is nothing to take: Δ = 0, not marked top.
    const { stages, won, noDecision } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const aToB = rated(a, b, 0.8);
    const bToWon = rated(b, won, 0.5);
    const doc = aMapDocument({ stages, outcomes: [won, noDecision], transitions: [aToB, rated(a, noDecision, 0.2), rated(b, a, 0.5), bToWon] });
    const result = ranking(rankBottlenecks(doc));
    expect(result.candidates.map((c) => [c.transitionId, c.top])).toEqual([
      [aToB.id, true],
      [bToWon.id, false],
    ]);
    expect(result.candidates[0]!.deltaWinRate).toBeCloseTo(5 / 33, 12);
    expect(result.candidates[1]).toMatchObject({ headroom: 0, increase: 0, deltaWinRate: 0 });
  });

  it('breaks ties by transition order, and can open a stage no buyer reaches today', () => {
    // A →0.5→ Won, A →0.5→ Lost, A →0→ B; B →1→ Won.
    // A → Won +0.1: Δ = 0.1. A → B +0.1 (from Lost): those buyers all win in B: Δ = 0.1. A tie: map order decides.
    const { stages, won, lost } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const aToWon = rated(a, won, 0.5);
    const aToB = rated(a, b, 0);
    const doc = aMapDocument({ stages, outcomes: [won, lost], transitions: [aToWon, rated(a, lost, 0.5), aToB, rated(b, won, 1)] });
    const result = ranking(rankBottlenecks(doc));
    expect(result.candidates.map((c) => [c.transitionId, c.rank, c.deltaWinRate])).toEqual([
      [aToWon.id, 1, expect.closeTo(0.1, 12)],
      [aToB.id, 2, expect.closeTo(0.1, 12)],
    ]);
  });

  it('has no gain, and says why, for a stage it would open up whose rates are still blank', () => {
    const { stages, won, lost } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const aToB = rated(a, b, 0);
    const doc = aMapDocument({ stages, outcomes: [won, lost], transitions: [rated(a, won, 0.5), rated(a, lost, 0.5), aToB, rated(b, won, null), rated(b, lost, null)] });
    const candidate = ranking(rankBottlenecks(doc)).candidates.find((c) => c.transitionId === aToB.id)!;
    expect(candidate).toMatchObject({ gain: null, rank: 2, top: false, problems: [expect.objectContaining({ code: 'missing-conversion', stageId: b.id })] });
  });

  it('is not attempted while the map has problems', () => {
    const { doc, aToB } = aThreeStageProcess();
    const blank = { ...doc, transitions: doc.transitions.map((t) => (t.id === aToB.id ? { ...t, conversionRate: null } : t)) };
    expect(rankBottlenecks(blank)).toMatchObject({ ok: false, problems: [expect.objectContaining({ code: 'missing-conversion' })] });
  });
});

describe('raising one transition', () => {
  it('takes the increase from the losing exits and the stalled share in proportion', () => {
    // A →0.5→ B, A →0.3→ Lost, 0.2 stalls: A loses 0.5. +0.1 to A → B: Lost keeps 1 − 0.1/0.5 = 80 %: 0.24;
    // Stalled becomes 1 − 0.6 − 0.24 = 0.16 (also 80 % of 0.2).
    const { stages, won, lost } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    const aToB = rated(a, b, 0.5);
    const aToLost = rated(a, lost, 0.3);
    const doc: MapDocument = aMapDocument({ stages, outcomes: [won, lost], transitions: [aToB, aToLost, rated(b, won, 1)] });
    const improved = withImprovedTransition(doc, aToB.id)!;
    expect(improved.increase).toBeCloseTo(0.1, 12);
    const rateOf = (id: string) => improved.doc.transitions.find((t) => t.id === id)!.conversionRate;
    expect(rateOf(aToB.id)).toBeCloseTo(0.6, 12);
    expect(rateOf(aToLost.id)).toBeCloseTo(0.24, 12);
    const flow = analyseFlow(improved.doc);
    expect(flow.ok && flow.stalledByStage[a.id]).toBeCloseTo(0.16, 12);
    expect(winRateOf(flow)).toBeCloseTo(0.6, 12);
  });
});

describe('the slowest stages', () => {
  function slow(result: ReturnType<typeof slowestStages>): SlowestStages {
    if (!result.ok) throw new Error('expected stages');
    return result;
  }

  it('ranks stages by expected days per entering buyer: visits × days per visit', () => {
    // A (10 d) →0.8→ B (20 d), A →0.2→ No decision; B →0.5→ A, B →0.5→ Won.
    // Visits: A 5/3, B 4/3 → A 50/3 ≈ 16.7 days, B 80/3 ≈ 26.7 days; cycle time 130/3.
    const { stages, won, noDecision } = aProcessCast(['A', 'B']);
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    a.daysPerVisit = 10;
    b.daysPerVisit = 20;
    const doc = aMapDocument({ stages, outcomes: [won, noDecision], transitions: [rated(a, b, 0.8), rated(a, noDecision, 0.2), rated(b, a, 0.5), rated(b, won, 0.5)] });
    expect(slow(slowestStages(doc))).toEqual({
      ok: true,
      stages: [
        { stageId: b.id, expectedVisits: expect.closeTo(4 / 3, 12), daysPerVisit: 20, expectedDays: expect.closeTo(80 / 3, 12), shareOfCycleTime: expect.closeTo(80 / 130, 12) },
        { stageId: a.id, expectedVisits: expect.closeTo(5 / 3, 12), daysPerVisit: 10, expectedDays: expect.closeTo(50 / 3, 12), shareOfCycleTime: expect.closeTo(50 / 130, 12) },
      ],
      missingDays: [],
    });
  });

  it('lists the stages whose days are blank instead of guessing them, keeping map order for ties', () => {
    const { stages, won } = aProcessCast(['A', 'B', 'C']);
    const [a, b, c] = stages as [typeof stages[0], typeof stages[0], typeof stages[0]];
    a.daysPerVisit = 5;
    c.daysPerVisit = 5;
    const doc = aMapDocument({ stages, outcomes: [won], transitions: [rated(a, b, 1), rated(b, c, 1), rated(c, won, 1)] });
    const result = slow(slowestStages(doc));
    expect(result.stages.map((s) => [s.stageId, s.shareOfCycleTime])).toEqual([
      [a.id, null],
      [c.id, null],
    ]);
    expect(result.missingDays).toEqual([{ stageId: b.id, label: 'Days per visit in "B"' }]);
  });
});
