// The map picture every Node-side writer draws (SVG file, PNG, HTML): the pure map
// scene of the report's map, titled with the workshop and version. One export draws
// the scene once and shares it among its formats.
import { mapScene, type MapScene } from '../../src-shared/domain/report/map-scene';
import { sceneToSvg, type SvgTextWriter } from '../../src-shared/domain/report/svg-writer';
import { exportTextMetrics } from './font-metrics';
import type { Report } from '../../src-shared/domain/report/report-model';

/** The picture's title: workshop and version. */
export const mapTitleOf = (report: Report) => [report.cover.title, report.cover.versionName].filter((t) => t.trim() !== '').join(' — ');

/** The report's map as shapes, with DRAFT marks unless agreed. */
export const mapSceneOf = (report: Report): MapScene => mapScene(report.map, { metrics: exportTextMetrics, draft: report.draft });

/** The map as an SVG document; `writer` writes its text another way (the PNG's outlined glyphs). */
export function mapSvgOf(report: Report, options: { scene?: MapScene; writer?: SvgTextWriter } = {}): string {
  return sceneToSvg(options.scene ?? mapSceneOf(report), { title: mapTitleOf(report), ...(options.writer ? { writer: options.writer } : {}) });
}
