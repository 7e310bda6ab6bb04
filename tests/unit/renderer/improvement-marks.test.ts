// What the map shows of the improvements: a count per stage and arrow (dropped ideas not
// counted), the top two marked (those in focus first, then the best ranked ideas), the
// "+10 points" starting suggestion at an arrow, and the status moves offered.
import { describe, expect, it } from 'vitest';
import type { PlanImprovement } from '../../../src-shared/api/contract';
import { defaultProcessInputs } from '../../../src-shared/domain/map-document';
import { aMapDocument, aProcessCast, aRatedTransition as rated } from '../../fixtures/factories';
import { anImprovement } from '../../fixtures/improvements';

import { createMarksCache, improvementMarks } from '../../../src-renderer/features/improvements/marks';
import { suggestedConversion, deltaLines, formatGain } from '../../../src-renderer/features/improvements/improvement-format';
import { modelEffects } from '../../../src-shared/domain/analytics/effects';
import { movesFrom } from '../../../src-renderer/features/improvements/StatusControls';

/** A →0.5→ B (rest lost) ; B →0.4→ Won (rest lost); 100 buyers a month. */
function aProcess() {
  const { stages, won, lost } = aProcessCast(['A', 'B']);
  const [a, b] = stages as [(typeof stages)[0], (typeof stages)[0]];
  const aToB = rated(a, b, 0.5);
  const bToWon = rated(b, won, 0.4);
  const doc = aMapDocument({
    stages,
    outcomes: [won, lost],
    transitions: [aToB, rated(a, lost, 0.5), bToWon, rated(b, lost, 0.6)],
    process: { ...defaultProcessInputs(), entriesPerPeriod: 100 },
  });
  return { doc, a, b, aToB, bToWon };
}

const plan = (overrides: Partial<PlanImprovement>): PlanImprovement => ({
  ...anImprovement(),
  revision: 1,
  workshopId: 'w',
  createdAt: '2026-11-30T00:00:00.000Z',
  ...overrides,
});

describe('improvement marks on the map', () => {
  it('counts the ideas per stage (stage, action, pain point) and per arrow, leaving dropped ones out', () => {
    const { doc, a, aToB } = aProcess();
    const marks = improvementMarks(doc, [
      plan({ addresses: { kind: 'stage', stageId: a.id } }),
      plan({ addresses: { kind: 'pain-point', stageId: a.id } }),
      plan({ addresses: { kind: 'action', stageId: a.id, actionId: 'x' } }),
      plan({ addresses: { kind: 'transition', transitionId: aToB.id } }),
      plan({ addresses: { kind: 'transition', transitionId: aToB.id }, status: 'dropped' }),
      plan({ addresses: { kind: 'process' } }),
    ]);
    expect(marks.get(a.id)?.count).toBe(3);
    expect(marks.get(aToB.id)?.count).toBe(1);
    expect(marks.size).toBe(2);
  });

  it('marks the two in focus as the top two, even when an idea models more wins', () => {
    const { doc, aToB, bToWon, a } = aProcess();
    const marks = improvementMarks(doc, [
      plan({ addresses: { kind: 'transition', transitionId: aToB.id }, effects: [{ kind: 'conversion', transitionId: aToB.id, rate: 0.9 }] }),
      plan({ addresses: { kind: 'transition', transitionId: bToWon.id }, status: 'planned', effects: [{ kind: 'conversion', transitionId: bToWon.id, rate: 0.45 }] }),
      plan({ addresses: { kind: 'stage', stageId: a.id }, status: 'trial' }),
    ]);
    expect(marks.get(bToWon.id)?.focusRank).toBe(1);
    expect(marks.get(a.id)?.focusRank).toBe(2);
    expect(marks.get(aToB.id)?.focusRank).toBeNull();
  });

  it('with nothing in focus, marks the best ranked ideas that have a modelled gain', () => {
    const { doc, aToB, bToWon } = aProcess();
    const marks = improvementMarks(doc, [
      plan({ addresses: { kind: 'transition', transitionId: bToWon.id }, effects: [{ kind: 'conversion', transitionId: bToWon.id, rate: 0.5 }] }),
      plan({ addresses: { kind: 'transition', transitionId: aToB.id }, effects: [{ kind: 'conversion', transitionId: aToB.id, rate: 0.9 }] }),
      plan({ addresses: { kind: 'stage', stageId: doc.stages[0]!.id } }),
    ]);
    // A → B to 90 %: 0.9·0.4 = 0.36 (+16 wins); B → Won to 50 %: 0.5·0.5 = 0.25 (+5 wins).
    expect(marks.get(aToB.id)?.focusRank).toBe(1);
    expect(marks.get(bToWon.id)?.focusRank).toBe(2);
    expect(marks.get(doc.stages[0]!.id)?.focusRank).toBeNull();
  });

  it('are worked out once per map and list for every card that asks, and again when either changes', () => {
    const { doc, a } = aProcess();
    const items = [plan({ addresses: { kind: 'stage', stageId: a.id } })];
    const cache = createMarksCache();
    const first = cache.of(doc, items);
    expect(cache.of(doc, items)).toBe(first);
    const more = [...items, plan({ addresses: { kind: 'stage', stageId: a.id } })];
    expect(cache.of(doc, more).get(a.id)?.count).toBe(2);
    // Another session's cache is its own: asking it does not replace this one's.
    createMarksCache().of(doc, items);
    expect(cache.of(doc, more)).toBe(cache.of(doc, more));
  });
});

describe('the starting suggestion at an arrow', () => {
  it('is its conversion ten points higher', () => {
    const { doc, bToWon } = aProcess();
    expect(suggestedConversion(doc, bToWon.id)).toEqual([{ kind: 'conversion', transitionId: bToWon.id, rate: 0.5 }]);
  });

  it('never goes above 100 %, and is nothing while the rate is unknown', () => {
    const { doc, aToB } = aProcess();
    const high = { ...doc, transitions: doc.transitions.map((t) => (t.id === aToB.id ? { ...t, conversionRate: 0.95 } : t.source === aToB.source ? { ...t, conversionRate: 0.05 } : t)) };
    expect(suggestedConversion(high, aToB.id)[0]).toMatchObject({ rate: 1 });
    const blank = { ...doc, transitions: doc.transitions.map((t) => (t.source === aToB.source ? { ...t, conversionRate: null } : t)) };
    expect(suggestedConversion(blank, aToB.id)).toEqual([]);
  });
});

describe('status moves offered', () => {
  it('follow idea → planned → trial → adopted | dropped', () => {
    expect(movesFrom('idea')).toEqual(['planned', 'dropped']);
    expect(movesFrom('planned')).toEqual(['idea', 'trial', 'dropped']);
    expect(movesFrom('trial')).toEqual(['planned', 'adopted', 'dropped']);
  });
});

describe('what an idea is worth, as the ranked list says it', () => {
  it('B → Won from 40 % to 50 %: win rate 0.2 → 0.25, five more wins a month out of 100 buyers', () => {
    const { doc, bToWon } = aProcess();
    const modelled = modelEffects(doc, [{ kind: 'conversion', transitionId: bToWon.id, rate: 0.5 }]);
    expect(formatGain(modelled, 'month')).toBe('+5 wins/month');
    const lines = Object.fromEntries(deltaLines(modelled, 'month', 'EUR').map((l) => [l.short, l.text]));
    expect(lines['Wins']).toBe('+5');
    expect(lines['Win rate']).toBe('+5 pts');
    // No deal size: revenue and the gap cannot be computed, so they are left out, not shown as 0.
    expect(lines['Revenue']).toBeUndefined();
  });

  it('without buyers per period the gain is the change in win rate', () => {
    const { doc, bToWon } = aProcess();
    const noEntries = { ...doc, process: { ...doc.process, entriesPerPeriod: null } };
    expect(formatGain(modelEffects(noEntries, [{ kind: 'conversion', transitionId: bToWon.id, rate: 0.5 }]), 'month')).toBe('+5 pts win rate');
  });
});
