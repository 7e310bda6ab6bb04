// The map picture every Node-side writer draws (PDF, PNG, SVG file): the pure SVG
// writer's drawing of the report's map, titled with the workshop and version.
import { renderMapSvg } from '../../src-shared/domain/report/svg-writer';
import { exportTextMetrics } from './font-metrics';
import type { Report } from '../../src-shared/domain/report/report-model';

/** `draft: false` leaves the DRAFT marks out, for a page that carries its own (the PDF). */
export function mapSvgOf(report: Report, options: { draft?: boolean } = {}): string {
  const title = [report.cover.title, report.cover.versionName].filter((t) => t.trim() !== '').join(' — ');
  return renderMapSvg(report.map, { metrics: exportTextMetrics, draft: options.draft ?? report.draft, title });
}
