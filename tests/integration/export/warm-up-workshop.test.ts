// The workshop the export workers warm up on: one journey of 40 stages with numbers
// everywhere, so its report has every part a real big workshop's has (bottlenecks,
// a measurement plan), and the warm-up runs the code a big export runs.
import { describe, expect, it } from 'vitest';
import { MapDocumentSchema } from '../../../src-shared/domain/map-document';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { blankWorkshopMeta } from '../../../src-shared/domain/workshop';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { warmUpDocument, warmUpMetrics } from '../../../src-main/export/warm-up-workshop';

describe('the warm-up workshop', () => {
  const doc = warmUpDocument(8);

  it('tells the template’s five-stage journey eight times as one chain into the template’s three outcomes', () => {
    expect(MapDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.stages).toHaveLength(40);
    expect(doc.outcomes.map((o) => o.kind).sort()).toEqual(['lost', 'no_decision', 'won']);
    const stageIds = new Set(doc.stages.map((s) => s.id));
    const reached = new Set(doc.transitions.filter((t) => stageIds.has(t.source)).map((t) => t.target));
    // One entry: every stage but the first is reached from another stage.
    expect(doc.stages.filter((s) => !reached.has(s.id)).map((s) => s.id)).toEqual([doc.process.entryStageId]);
    // Only the last copy's last stage signs.
    const won = doc.outcomes.find((o) => o.kind === 'won')!;
    expect(doc.transitions.filter((t) => t.target === won.id).map((t) => t.source)).toEqual([doc.stages[39]!.id]);
    // Each copy a row below the last: eight rows of stages.
    expect(new Set(doc.stages.map((s) => s.position.y)).size).toBe(8);
  });

  it('has the numbers every stage and arrow needs: no stage sends on more than all its deals', () => {
    for (const stage of doc.stages) {
      expect(stage.daysPerVisit).toBeGreaterThan(0);
      const rates = doc.transitions.filter((t) => t.source === stage.id).map((t) => t.conversionRate ?? 0);
      expect(rates.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    }
  });

  it('gives a report with bottlenecks and a measurement plan, as a real big workshop’s has', () => {
    const report = buildReport({
      source: null,
      meta: blankWorkshopMeta({ title: 'Warm-up' }),
      versionName: 'Warm-up',
      signOff: null,
      agreementHistory: [],
      document: doc,
      metrics: warmUpMetrics(doc),
      improvements: [],
      generatedAt: '2026-11-22T09:00:00.000Z',
      appVersion: 'test',
      session: null,
      textMetrics: exportTextMetrics,
    });
    expect(report.stages).toHaveLength(40);
    expect(report.bottlenecks.problem).toBeNull();
    expect(report.bottlenecks.rows.length).toBeGreaterThan(0);
    expect(report.measurementPlan.length).toBeGreaterThan(10);
  });
});
