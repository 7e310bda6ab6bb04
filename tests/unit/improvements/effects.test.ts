// What an improvement's expected effect is worth: hand-worked on small maps (one with a
// loop back), and the same as the bottleneck ranking for "+10 points on a transition".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankBottlenecks } from '../../../src-shared/domain/analytics';
import { applyEffects, modelEffects } from '../../../src-shared/domain/analytics/effects';
import { resolveRates } from '../../../src-shared/domain/analytics/rates';
import { defaultProcessInputs } from '../../../src-shared/domain/map-document';
import { anAbsorbingMap } from '../../fixtures/arbitrary-maps';
import { aMapDocument, aProcessCast, aRatedTransition as rated } from '../../fixtures/factories';

/**
 * A →0.95→ B, A →0.05→ Lost; B →0.5→ C, B →0.5→ No decision; C →0.4→ Won, C → Lost blank (rest 0.6).
 * Win rate = 0.95·0.5·0.4 = 0.19. 100 buyers a month, deals of 10,000, target 300,000.
 */
function aThreeStageProcess() {
  const { stages, won, lost, noDecision } = aProcessCast(['A', 'B', 'C']);
  const [a, b, c] = stages as [(typeof stages)[0], (typeof stages)[0], (typeof stages)[0]];
  const aToB = rated(a, b, 0.95);
  const bToC = rated(b, c, 0.5);
  const bToNoDecision = rated(b, noDecision, 0.5);
  const cToWon = rated(c, won, 0.4);
  const doc = aMapDocument({
    stages: stages.map((s, i) => ({ ...s, daysPerVisit: [10, 20, 30][i]!, completeAndAccurate: 0.5 })),
    outcomes: [won, lost, noDecision],
    transitions: [aToB, rated(a, lost, 0.05), bToC, bToNoDecision, cToWon, rated(c, lost, null)],
    process: { ...defaultProcessInputs(), entriesPerPeriod: 100, averageDealSize: 10_000, revenueTarget: 300_000 },
  });
  return { doc, a, b, c, aToB, bToC, bToNoDecision, cToWon };
}

describe('the modelled gain of an expected effect', () => {
  // B → C from 50 % to 70 %: the 20 points come out of B's No decision (0.5 → 0.3).
  // Win rate 0.95·0.7·0.4 = 0.266 (was 0.19): +0.076, ×100 buyers = +7.6 wins a month,
  // ×10,000 = +76,000 revenue; gap 300,000 − 266,000 = 34,000 (was 110,000).
  // No decision share: 0.95·0.3 = 0.285 (was 0.475).
  it('raises a conversion by taking the increase from the stage’s losses, and prices it in wins and revenue', () => {
    const { doc, bToC, bToNoDecision } = aThreeStageProcess();
    const gain = modelEffects(doc, [{ kind: 'conversion', transitionId: bToC.id, rate: 0.7 }]);
    expect(gain.problems).toEqual([]);
    expect(gain.basis).toBe('wins-per-period');
    expect(gain.before.winRate).toBeCloseTo(0.19, 12);
    expect(gain.after.winRate).toBeCloseTo(0.266, 12);
    expect(gain.gain).toBeCloseTo(7.6, 10);
    expect(gain.delta.revenuePerPeriod).toBeCloseTo(76_000, 6);
    expect(gain.after.revenueGap).toBeCloseTo(34_000, 6);
    expect(gain.after.noDecisionShare).toBeCloseTo(0.285, 12);
    const changed = applyEffects(doc, [{ kind: 'conversion', transitionId: bToC.id, rate: 0.7 }]).doc;
    expect(changed.transitions.find((t) => t.id === bToNoDecision.id)!.conversionRate).toBeCloseTo(0.3, 12);
  });

  // Days in C from 30 to 15: winners spend 10 + 20 + 15 = 45 days (was 60); wins unchanged.
  it('shortens days to a win when a stage’s days per visit fall, without claiming extra wins', () => {
    const { doc, c } = aThreeStageProcess();
    const gain = modelEffects(doc, [{ kind: 'days-per-visit', stageId: c.id, days: 15 }]);
    expect(gain.before.daysToWin).toBeCloseTo(60, 10);
    expect(gain.after.daysToWin).toBeCloseTo(45, 10);
    expect(gain.delta.daysToWin).toBeCloseTo(-15, 10);
    expect(gain.gain).toBeCloseTo(0, 12);
  });

  // Main path A → B → C → Won, %C&A 0.5 each: rolled 0.125; B to 0.9 gives 0.5·0.9·0.5 = 0.225.
  it('moves the rolled %C&A when a stage’s %C&A changes', () => {
    const { doc, b } = aThreeStageProcess();
    const gain = modelEffects(doc, [{ kind: 'complete-and-accurate', stageId: b.id, share: 0.9 }]);
    expect(gain.before.rolledCompleteAndAccurate).toBeCloseTo(0.125, 12);
    expect(gain.after.rolledCompleteAndAccurate).toBeCloseTo(0.225, 12);
  });

  // A loop: C →0.4→ Won, C →0.2→ B (re-evaluate), C rest → Lost 0.4. B →0.5→ C, B →0.5→ No decision.
  // Win chance from C: w_C = 0.4 + 0.2·0.5·w_C → w_C = 0.4/0.9. From A: 0.95·0.5·w_C = 0.95·0.5·0.4/0.9 = 0.2111…
  // C → Won to 0.5 (from Lost): w_C = 0.5/0.9, win rate 0.95·0.5·0.5/0.9 = 0.2638…; +0.0527… ×100 = 5.277… wins.
  it('is exact on a map with a loop back', () => {
    const { stages, won, lost, noDecision } = aProcessCast(['A', 'B', 'C']);
    const [a, b, c] = stages as [(typeof stages)[0], (typeof stages)[0], (typeof stages)[0]];
    const cToWon = rated(c, won, 0.4);
    const doc = aMapDocument({
      stages,
      outcomes: [won, lost, noDecision],
      transitions: [rated(a, b, 0.95), rated(a, lost, 0.05), rated(b, c, 0.5), rated(b, noDecision, 0.5), cToWon, rated(c, b, 0.2), rated(c, lost, null)],
      process: { ...defaultProcessInputs(), entriesPerPeriod: 100 },
    });
    const gain = modelEffects(doc, [{ kind: 'conversion', transitionId: cToWon.id, rate: 0.5 }]);
    expect(gain.before.winRate).toBeCloseTo((0.95 * 0.5 * 0.4) / 0.9, 12);
    expect(gain.after.winRate).toBeCloseTo((0.95 * 0.5 * 0.5) / 0.9, 12);
    expect(gain.gain).toBeCloseTo(100 * ((0.95 * 0.5 * 0.1) / 0.9), 10);
  });

  // C →0.4→ Won, C →0.2→ B, C → Lost the rest (0.4): C can give Won at most 0.4 more, so 90 % stops at 80 %.
  it('caps a rise at what the stage loses today and says so; an effect on something removed is named', () => {
    const { stages, won, lost } = aProcessCast(['B', 'C']);
    const [b, c] = stages as [(typeof stages)[0], (typeof stages)[0]];
    const cToWon = rated(c, won, 0.4);
    const doc = aMapDocument({
      stages,
      outcomes: [won, lost],
      transitions: [rated(b, c, 1), cToWon, rated(c, b, 0.2), rated(c, lost, null)],
      process: { ...defaultProcessInputs(), entriesPerPeriod: 100 },
    });
    const applied = applyEffects(doc, [
      { kind: 'conversion', transitionId: cToWon.id, rate: 0.9 },
      { kind: 'conversion', transitionId: 'gone', rate: 0.5 },
    ]);
    expect(applied.problems.map((p) => p.message)).toEqual([
      'The stage loses only 40 points today, so this transition can reach at most 80 %.',
      'The transition it changes is no longer on this map.',
    ]);
    expect(applied.doc.transitions.find((t) => t.id === cToWon.id)!.conversionRate).toBeCloseTo(0.8, 12);
  });

  it('lowers a conversion by leaving the difference to the stage’s rest', () => {
    const { doc, cToWon } = aThreeStageProcess();
    const changed = applyEffects(doc, [{ kind: 'conversion', transitionId: cToWon.id, rate: 0.3 }]).doc;
    const c = resolveRates(changed).get(cToWon.source)!;
    expect(c.outgoing.find((r) => r.transitionId === cToWon.id)!.rate).toBeCloseTo(0.3, 12);
    expect(c.outgoing.find((r) => r.from === 'rest')!.rate).toBeCloseTo(0.7, 12);
  });

  it('counts the change in win rate when buyers entering per period are not known', () => {
    const { doc, cToWon } = aThreeStageProcess();
    const gain = modelEffects({ ...doc, process: { ...doc.process, entriesPerPeriod: null } }, [{ kind: 'conversion', transitionId: cToWon.id, rate: 0.5 }]);
    expect(gain.basis).toBe('win-rate');
    expect(gain.gain).toBeCloseTo(0.95 * 0.5 * 0.1, 12);
    expect(gain.delta.winsPerPeriod).toBeNull();
  });
});

describe('agreement with the bottleneck ranking', () => {
  it('an effect of "+10 points on transition T" is worth exactly the extra wins the ranking shows for T', () => {
    fc.assert(
      fc.property(anAbsorbingMap, (doc) => {
        const ranking = rankBottlenecks(doc);
        if (!ranking.ok) return;
        const rates = resolveRates(doc);
        for (const candidate of ranking.candidates) {
          if (candidate.gain === null) continue;
          const current = rates.get(candidate.sourceStageId)!.outgoing.find((r) => r.transitionId === candidate.transitionId)!.rate!;
          const modelled = modelEffects(doc, [{ kind: 'conversion', transitionId: candidate.transitionId, rate: Math.min(1, current + 0.1) }]);
          expect(modelled.gain).not.toBeNull();
          expect(modelled.gain!).toBeCloseTo(candidate.gain, 9);
        }
      }),
      { numRuns: 120, seed: 8 },
    );
  }, 30_000);
});
