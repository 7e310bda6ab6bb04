// How the workshop's improvements are ranked on the map in front of the team: by extra
// wins, ideas without a stated effect last with what is missing, and a planned item held
// to the prediction frozen when it was planned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freezePrediction, MISSING_EFFECT, rankWorkshopImprovements } from '../../../src-shared/domain/improvement-ranking';
import { anImprovement, aRatedProcess } from '../../fixtures/improvements';

const aProcess = aRatedProcess;

describe('ranking the workshop’s improvements', () => {
  // B → C to 70 %: win rate 0.95·0.7·0.4 = 0.266, +7.6 wins a month.
  // C → Won to 50 %: win rate 0.95·0.5·0.5 = 0.2375, +4.75 wins a month.
  it('puts the idea worth more extra wins first, whatever the votes', () => {
    const { doc, bToC, cToWon } = aProcess();
    const small = anImprovement({ idea: 'Trial offer', votes: 9, effects: [{ kind: 'conversion', transitionId: cToWon.id, rate: 0.5 }] });
    const big = anImprovement({ idea: 'Qualify on the call', votes: 1, effects: [{ kind: 'conversion', transitionId: bToC.id, rate: 0.7 }] });
    const ranked = rankWorkshopImprovements(doc, [small, big]);
    expect(ranked.map((r) => [r.idea, r.rank])).toEqual([
      ['Qualify on the call', 1],
      ['Trial offer', 2],
    ]);
    expect(ranked[0]!.gain).toBeCloseTo(7.6, 10);
    expect(ranked[1]!.gain).toBeCloseTo(4.75, 10);
    expect(ranked[0]!.modelled?.basis).toBe('wins-per-period');
    expect(ranked.every((r) => r.missing === null && !r.frozen)).toBe(true);
  });

  it('ranks an idea without an effect after every idea with one, saying what is missing', () => {
    const { doc, c } = aProcess();
    const noEffect = anImprovement({ idea: 'Better slides', votes: 20, impact: 5, effort: 1 });
    // Fewer days gives no extra wins (gain 0), and still ranks above "no effect stated".
    const faster = anImprovement({ idea: 'Shorter proposal', votes: 0, effects: [{ kind: 'days-per-visit', stageId: c.id, days: 15 }] });
    const ranked = rankWorkshopImprovements(doc, [noEffect, faster]);
    expect(ranked.map((r) => r.idea)).toEqual(['Shorter proposal', 'Better slides']);
    expect(ranked[1]).toMatchObject({ modelled: null, gain: null, missing: MISSING_EFFECT, rank: 2 });
    expect(ranked[0]!.gain).toBeCloseTo(0, 12);
    expect(ranked[0]!.modelled?.delta.daysToWin).toBeCloseTo(-15, 10);
  });

  it('breaks a tie in extra wins by impact ÷ effort, then votes', () => {
    const { doc, c } = aProcess();
    const effects = [{ kind: 'days-per-visit' as const, stageId: c.id, days: 20 }];
    const hard = anImprovement({ idea: 'Hard', impact: 4, effort: 4, votes: 9, effects });
    const easy = anImprovement({ idea: 'Easy', impact: 4, effort: 2, votes: 0, effects });
    const easyPopular = anImprovement({ idea: 'Easy and popular', impact: 4, effort: 2, votes: 3, effects });
    expect(rankWorkshopImprovements(doc, [hard, easy, easyPopular]).map((r) => r.idea)).toEqual(['Easy and popular', 'Easy', 'Hard']);
  });

  it('keeps a planned item’s frozen prediction after the map changes, while an idea follows the map', () => {
    const { doc, bToC, cToWon } = aProcess();
    const effects = [{ kind: 'conversion' as const, transitionId: bToC.id, rate: 0.7 }];
    const prediction = freezePrediction(doc, { versionId: 'v1', revision: 3 }, effects, '2026-11-22');
    expect(prediction.gain).toBeCloseTo(7.6, 10);
    const planned = anImprovement({ idea: 'Planned', status: 'planned', effects, prediction });
    const idea = anImprovement({ idea: 'Same idea, not planned', effects });
    // Later the team learns C → Won is only 30 %: the same effect is now worth less.
    const changed = { ...doc, transitions: doc.transitions.map((t) => (t.id === cToWon.id ? { ...t, conversionRate: 0.3 } : t)) };
    const ranked = rankWorkshopImprovements(changed, [idea, planned]);
    const byIdea = Object.fromEntries(ranked.map((r) => [r.idea, r]));
    expect(byIdea['Planned']!.gain).toBeCloseTo(7.6, 10);
    expect(byIdea['Planned']!.frozen).toBe(true);
    expect(byIdea['Planned']!.modelled?.before.winRate).toBeCloseTo(0.19, 12);
    // 0.95·0.7·0.3 − 0.95·0.5·0.3 = 0.057 → +5.7 wins a month on the changed map.
    expect(byIdea['Same idea, not planned']!.gain).toBeCloseTo(5.7, 10);
    expect(ranked[0]!.idea).toBe('Planned');
  });

  it('models an item moved back to idea on the current map again, not on its old prediction', () => {
    const { doc, bToC } = aProcess();
    const effects = [{ kind: 'conversion' as const, transitionId: bToC.id, rate: 0.7 }];
    const stale = freezePrediction(doc, { versionId: 'v1', revision: 1 }, [{ kind: 'conversion', transitionId: bToC.id, rate: 0.9 }], '2026-01-01');
    const [ranked] = rankWorkshopImprovements(doc, [anImprovement({ status: 'idea', effects, prediction: stale })]);
    expect(ranked!.frozen).toBe(false);
    expect(ranked!.gain).toBeCloseTo(7.6, 10);
  });

  it('says what stops the model when the map cannot compute a win rate', () => {
    const { doc, bToC } = aProcess();
    const blank = { ...doc, transitions: doc.transitions.map((t) => ({ ...t, conversionRate: null })) };
    const [ranked] = rankWorkshopImprovements(blank, [anImprovement({ effects: [{ kind: 'conversion', transitionId: bToC.id, rate: 0.7 }] })]);
    expect(ranked!.gain).toBeNull();
    expect(ranked!.missing).toEqual(expect.any(String));
    expect(ranked!.missing).not.toBe(MISSING_EFFECT);
  });
});

describe('the ranking, over any set of ideas', () => {
  it('gives ranks 1..n in order, modelled gains never rising down the list, ideas without an effect last', () => {
    const { doc, bToC, cToWon } = aProcess();
    const idea = fc.record({
      transition: fc.constantFrom(bToC.id, cToWon.id, null),
      rate: fc.double({ min: 0, max: 1, noNaN: true }),
      impact: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      effort: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      votes: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(idea, { maxLength: 8 }), (ideas) => {
        const items = ideas.map((x, k) =>
          anImprovement({
            idea: `Idea ${k}`,
            impact: x.impact,
            effort: x.effort,
            votes: x.votes,
            effects: x.transition === null ? [] : [{ kind: 'conversion', transitionId: x.transition, rate: x.rate }],
          }),
        );
        const ranked = rankWorkshopImprovements(doc, items);
        expect(ranked.map((r) => r.rank)).toEqual(items.map((_, k) => k + 1));
        expect(new Set(ranked.map((r) => r.id))).toEqual(new Set(items.map((x) => x.id)));
        const firstMissing = ranked.findIndex((r) => r.gain === null);
        if (firstMissing >= 0) expect(ranked.slice(firstMissing).every((r) => r.gain === null && r.missing !== null)).toBe(true);
        const gains = ranked.filter((r) => r.gain !== null).map((r) => r.gain!);
        for (let k = 1; k < gains.length; k++) expect(gains[k]!).toBeLessThanOrEqual(gains[k - 1]! + 1e-9);
      }),
    );
  });
});
