// Words the Node-side writers share, so the PDF and the spreadsheet say the same.
import type { Report } from '../../src-shared/domain/report/report-model';

/** What the bottleneck gain counts: extra wins per period, or win-rate points. */
export function gainHeader(report: Report): string {
  const kind = report.bottlenecks.rows[0]?.gain.kind;
  return kind === 'percent' ? 'Win-rate gain' : `Extra wins per ${report.period ?? 'period'}`;
}
