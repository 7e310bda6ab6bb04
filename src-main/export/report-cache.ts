// The report an export worker built last, reused while the next jobs bring the same
// inputs: the app asks for each format of one export separately, and building the
// report (analysis, map layout, text measurement) is the same work every time.
import { buildReport } from '../../src-shared/domain/report/build-report';
import { isoDate } from '../../src-shared/domain/report/format';
import type { Report } from '../../src-shared/domain/report/report-model';
import type { ReportSource } from './export-protocol';
import { exportTextMetrics } from './font-metrics';

let last: { key: string; report: Report } | null = null;

/**
 * The report of `source`. Jobs differ in their time of export: only its day enters the
 * report's content (what is overdue), so the key holds the day and the cover gets the time.
 */
export function reportOf(source: ReportSource): Report {
  const key = JSON.stringify({ ...source, generatedAt: isoDate(source.generatedAt) });
  if (last?.key !== key) last = { key, report: buildReport({ ...source, textMetrics: exportTextMetrics }) };
  return { ...last.report, cover: { ...last.report.cover, generatedAt: source.generatedAt } };
}
