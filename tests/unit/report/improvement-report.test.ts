// The executive summary and the improvement plan of the report, worked by hand on the
// rated journey (win rate 19 %, 100 buyers a month, deals of 10,000, target 300,000).
import { describe, expect, it } from 'vitest';
import { freezePrediction } from '../../../src-shared/domain/improvement-ranking';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import type { ReportCell } from '../../../src-shared/domain/report/report-model';
import { aMetric, aReading, aReportInput } from '../../fixtures/factories';
import { anImprovement, aRatedProcess } from '../../fixtures/improvements';

/** Report made on 2026-11-24: one planned (frozen), one on trial since 2026-09-01 (review overdue), an idea without effect, a dropped one. */
function aKaizenReport() {
  const { doc, bToC, cToWon, b } = aRatedProcess();
  const metric = aMetric({
    name: 'Compare → Decide conversion',
    unit: 'percent',
    attachTo: { kind: 'transition', transitionId: bToC.id },
    baseline: 50,
    target: 60,
    readings: [aReading('2026-07-31', 48), aReading('2026-08-31', 52), aReading('2026-09-30', 58), aReading('2026-10-31', 62)],
  });
  const trialEffects = [{ kind: 'conversion' as const, transitionId: bToC.id, rate: 0.7 }];
  const plannedEffects = [{ kind: 'conversion' as const, transitionId: cToWon.id, rate: 0.5 }];
  const improvements = [
    anImprovement({ idea: 'Slides refresh', votes: 12 }),
    anImprovement({
      idea: 'Trial offer',
      ownerRole: 'Marketing',
      status: 'planned',
      effects: plannedEffects,
      prediction: freezePrediction(doc, { versionId: 'v1', revision: 2 }, plannedEffects, '2026-11-01'),
      focusOverrideReason: null,
      dueDate: '2026-12-15',
    }),
    anImprovement({
      idea: 'Qualify on the call',
      ownerRole: 'Sales lead',
      status: 'trial',
      addresses: { kind: 'pain-point', stageId: b.id },
      problem: 'Buyers compare without criteria',
      effects: trialEffects,
      prediction: freezePrediction(doc, { versionId: 'v1', revision: 1 }, trialEffects, '2026-08-20'),
      metricId: metric.id,
      trialStart: '2026-09-01',
      reviewDate: '2026-10-31',
      focusOverrideReason: 'The board asked for it',
      result: 'Conversion up; keep it',
    }),
    anImprovement({ idea: 'Cold calls', status: 'dropped', effects: trialEffects }),
  ];
  return buildReport(aReportInput({ document: doc, metrics: [metric], improvements }));
}

/** The number of a typed cell (null for text, dates and unknowns). */
const num = (cell: ReportCell | undefined): number | null => (cell && cell.kind !== 'date' ? cell.value : null);
const texts = (row: readonly ReportCell[] | undefined) => (row ?? []).map((c) => c.text);

describe('the executive summary', () => {
  const report = aKaizenReport();
  const rows = report.executiveSummary.rows;
  const byTopic = new Map(rows.map((r) => [r[0]!.text, r]));

  it('says whether the map is agreed, then the win rate, revenue against target and the gap, as typed values', () => {
    expect(rows.map((r) => r[0]!.text)).toEqual([
      'Status',
      'Win rate',
      'Revenue per month',
      'Gap to target',
      'Bottleneck 1',
      'Bottleneck 2',
      'Improvement 1',
      'Improvement 2',
    ]);
    expect(texts(byTopic.get('Status'))[1]).toBe('Draft');
    expect(byTopic.get('Win rate')![1]).toMatchObject({ value: 0.19, kind: 'percent' });
    // 100 × 0.19 × 10,000 = 190,000 against 300,000: 110,000 short.
    expect(byTopic.get('Revenue per month')![1]).toMatchObject({ kind: 'money' });
    expect(num(byTopic.get('Revenue per month')![1])).toBeCloseTo(190_000, 6);
    expect(texts(byTopic.get('Revenue per month'))[2]).toContain('300,000');
    expect(num(byTopic.get('Gap to target')![1])).toBeCloseTo(110_000, 6);
  });

  it('names the two improvements in progress with owner, predicted gain and review date', () => {
    // Qualify on the call (B → C to 70 %): +7.6 wins; Trial offer (C → Won to 50 %): +4.75 wins.
    const [first, second] = [byTopic.get('Improvement 1')!, byTopic.get('Improvement 2')!];
    expect(first[1]).toMatchObject({ kind: 'count' });
    expect(num(first[1])).toBeCloseTo(7.6, 10);
    expect(first[2]!.text).toBe(
      'Qualify on the call — On trial, review overdue by 24 days; owner Sales lead; review 2026-10-31.',
    );
    expect(second[2]!.text).toContain('Trial offer — Planned; owner Marketing; no review date yet.');
  });

  it('says who agreed the map and when, once it is agreed', () => {
    const agreed = buildReport(aReportInput({ document: aRatedProcess().doc, signOff: { agreedAt: '2026-11-20', agreedBy: ['Sam Okafor', 'Ana Lima'] } }));
    expect(agreed.executiveSummary.rows[0]!.map((c) => c.text)).toEqual([
      'Status',
      'Agreed',
      'The map "Current state" was agreed on 2026-11-20 by Sam Okafor, Ana Lima.',
    ]);
  });

  it('lists the top two bottlenecks with what raising them is worth', () => {
    expect(texts(byTopic.get('Bottleneck 1'))[1]).toMatch(/^\+[\d.]+ wins a month$/);
    expect(texts(byTopic.get('Bottleneck 1'))[2]).toMatch(/→ .*: .* today; raised to .* it would add \+[\d.]+ wins a month\./);
  });
});

describe('the improvement plan', () => {
  const report = aKaizenReport();
  const plan = report.improvementPlan;
  const column = (header: string) => plan.columns.findIndex((c) => c.header === header);

  it('ranks every improvement by modelled gain, the one without an effect last', () => {
    expect(plan.rows.map((r) => r[column('Improvement')]!.text)).toEqual(['Qualify on the call', 'Cold calls', 'Trial offer', 'Slides refresh']);
    expect(plan.rows.map((r) => r[column('Rank')])).toEqual([1, 2, 3, 4].map((n) => ({ text: String(n), value: n, kind: 'count' })));
    expect(plan.rows[3]![column('Predicted gain')]).toEqual({ text: '—', value: null, kind: 'text' });
    expect(plan.rows[3]![column('Prediction')]!.text).toBe('Say what it would change: a conversion, days or %C&A.');
  });

  it('gives status, owner, dates as dates, prediction against what was observed, the result and the override reason', () => {
    const row = plan.rows[0]!;
    expect(row[column('Status')]!.text).toBe('On trial, review overdue by 24 days');
    expect(row[column('Addresses')]!.text).toBe('Pain point in Compare: Buyers compare without criteria');
    expect(row[column('Trial start')]).toEqual({ text: '2026-09-01', date: '2026-09-01', kind: 'date' });
    expect(row[column('Review date')]).toEqual({ text: '2026-10-31', date: '2026-10-31', kind: 'date' });
    expect(row[column('Due date')]).toEqual({ text: '—', date: null, kind: 'date' });
    expect(row[column('Prediction')]!.text).toBe('Win rate 19 % → 26.6 % (frozen when planned, 2026-08-20)');
    // Before the start: 48 and 52 (mean 50); since: 58 and 62 (mean 60) against a target of 60.
    expect(row[column('Observed')]!.text).toBe(
      'Compare → Decide conversion: 50 % before (2 readings), 60 % since (2 readings), target 60 %; target met',
    );
    expect(row[column('Result')]!.text).toBe('Conversion up; keep it');
    expect(row[column('Focus override reason')]!.text).toBe('The board asked for it');
  });

  it('says so when a workshop has no improvements, and the summary says none were proposed', () => {
    const empty = buildReport(aReportInput({ document: aRatedProcess().doc }));
    expect(empty.improvementPlan.rows).toEqual([]);
    expect(empty.improvementPlan.empty).toBe('No improvements were proposed yet.');
    expect(empty.executiveSummary.rows.at(-1)!.map((c) => c.text)).toEqual(['Improvements', '—', 'No improvements were proposed yet.']);
  });
});
