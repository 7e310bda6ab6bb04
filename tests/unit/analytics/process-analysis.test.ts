// One call for everything a screen or a report shows about the process.
import { describe, expect, it } from 'vitest';
import b2bTemplate from '../../../resources/templates/b2b-buying-journey.json';
import {
  analyseProcess,
  checkMap,
  computeProcessFigures,
  rankBottlenecks,
  rolledCompleteAndAccurate,
  slowestStages,
  valueAddedRatio,
} from '../../../src-shared/domain/analytics';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { templateDocument } from '../../../src-shared/domain/templates';
import { aCheckableMetric } from '../../fixtures/factories';

/** The B2B template with rates, days and %C&A typed in, and the process inputs. */
function aTypedTemplate(): MapDocument {
  const rates: Record<string, number | null> = {
    't-1-2': 0.7, 't-2-3': 0.6, 't-2-no_decision': null, 't-3-4': 0.5, 't-3-lost': 0.3,
    't-4-5': 0.6, 't-4-3': 0.2, 't-4-no_decision': null, 't-5-won': 0.55, 't-5-lost': null,
  };
  const doc = templateDocument('b2b-buying-journey');
  return {
    ...doc,
    stages: doc.stages.map((s, i) => ({ ...s, daysPerVisit: 5 + 5 * i, completeAndAccurate: 0.9 - 0.1 * i })),
    transitions: doc.transitions.map((t, i) => ({ ...t, conversionRate: rates[b2bTemplate.transitions[i]!.id]! })),
    process: { ...doc.process, entriesPerPeriod: 400, averageDealSize: 25_000, revenueTarget: 1_000_000 },
  };
}

describe('analysing the whole process at once', () => {
  it('gives what each calculation gives on its own', () => {
    const doc = aTypedTemplate();
    const metrics = [aCheckableMetric({ ownerRole: '' })];
    const analysis = analyseProcess(doc, { metrics, step: 0.05 });
    expect(analysis.figures).toEqual(computeProcessFigures(doc));
    expect(analysis.bottlenecks).toEqual(rankBottlenecks(doc, { step: 0.05 }));
    expect(analysis.slowestStages).toEqual(slowestStages(doc));
    expect(analysis.rolledCompleteAndAccurate).toEqual(rolledCompleteAndAccurate(doc));
    expect(analysis.valueAddedRatio).toEqual(valueAddedRatio(doc));
    expect(analysis.checks).toEqual(checkMap(doc, metrics));
  });

  it('on the typed B2B template: 400 buyers a month win 30.8 deals, 770 000 against a target of 1 000 000', () => {
    // Win rate 0.077 (see figures.test.ts): 400 × 0.077 = 30.8 wins; × 25 000 = 770 000; gap 230 000;
    // entries needed = 1 000 000 / (0.077 × 25 000) ≈ 519.5. The main path runs through all five
    // stages: rolled %C&A = 0.9 · 0.8 · 0.7 · 0.6 · 0.5 = 0.1512.
    const { figures, rolledCompleteAndAccurate: rolled, bottlenecks, checks } = analyseProcess(aTypedTemplate());
    expect(figures.winsPerPeriod).toMatchObject({ status: 'ok', value: expect.closeTo(30.8, 9) });
    expect(figures.revenueGap).toMatchObject({ status: 'ok', value: expect.closeTo(230_000, 6) });
    expect(figures.entriesNeededPerPeriod).toMatchObject({ status: 'ok', value: expect.closeTo(1_000_000 / (0.077 * 25_000), 9) });
    expect(rolled.figure).toMatchObject({ status: 'ok', value: expect.closeTo(0.1512, 12) });
    expect(bottlenecks.ok && bottlenecks.candidates.filter((c) => c.top)).toHaveLength(2);
    expect(checks).toEqual([]);
  });

  it('on the typed B2B template: ranks "Compare options → Build the business case" first', () => {
    // b = chance to win from each stage: b5 = 0.55; b4 = 0.6·0.55 + 0.2·b3, b3 = 0.5·b4 → b4 = 0.33/0.9 ≈ 0.3667,
    // b3 ≈ 0.1833, b2 = 0.6·b3 = 0.11, b1 = 0.7·b2 = 0.077. Each +0.1, from the stage's losses:
    //   3→4 (0.5→0.6): p3 = 0.6·(0.6 + 0.2·p3) → p3 = 0.36/0.88; win = 0.42·p3·0.55 = 0.0945, Δ = 0.0175
    //   5→Won (0.55→0.65): win = 0.42·(1/3)·0.65 = 0.091, Δ = 0.014
    //   2→3 (0.6→0.7): Δ = 0.7·0.1·b3 = 0.07·0.18333 ≈ 0.012833
    //   4→5 (0.6→0.7): p4 = 0.7/0.9, p3 = 0.5·p4; win = 0.42·0.3889·0.55 ≈ 0.089833, Δ ≈ 0.012833 — a tie with 2→3,
    //     which comes first in map order
    //   1→2 (0.7→0.8): Δ = 0.1·b2 = 0.011
    // The loop 4→3 is not a candidate.
    const doc = aTypedTemplate();
    const ranking = analyseProcess(doc).bottlenecks;
    if (!ranking.ok) throw new Error('expected a ranking');
    const templateIdOf = new Map(doc.transitions.map((t, i) => [t.id, b2bTemplate.transitions[i]!.id]));
    expect(ranking.candidates.map((c) => [templateIdOf.get(c.transitionId), c.deltaWinRate])).toEqual([
      ['t-3-4', expect.closeTo(0.0175, 12)],
      ['t-5-won', expect.closeTo(0.014, 12)],
      ['t-2-3', expect.closeTo(0.07 * 0.55 / 3, 12)],
      ['t-4-5', expect.closeTo(0.07 * 0.55 / 3, 12)],
      ['t-1-2', expect.closeTo(0.011, 12)],
    ]);
    // 400 entries a month: +7 wins for the top one.
    expect(ranking.candidates[0]!.gain).toBeCloseTo(7, 9);
  });
});
