// What a worker does before its first export, while the backend is quiet: loads pdfkit,
// exceljs, the fonts (read and parsed by fontkit), then builds every format of a small
// built-in workshop once, so each library's first-use setup is done, and every format
// but the picture's rendering of a 40-stage one (warm-up-workshop.ts), so the code a big
// export runs is compiled for big inputs. On a 200-stage workshop the first export paid
// about 1.3 s more than a repeat with no warm-up; after the small workshop alone its PDF
// still took 1.7 s against 1.05 s on a repeat (spreadsheet 0.43 s against 0.25 s), after
// both 0.96 s against 0.76 s (0.34 s against 0.26 s). The warm-up runs on the workers'
// low-priority threads, off the export: about 1.9 s of CPU each, once.
import { buildReport } from '../../src-shared/domain/report/build-report';
import { templateDocument } from '../../src-shared/domain/templates';
import { blankWorkshopMeta } from '../../src-shared/domain/workshop';
import type { ReportInput } from '../../src-shared/domain/report/report-model';
import { exportReport } from './export-files';
import { exportTextMetrics } from './font-metrics';
import { ALL_FACES, fontkitFont } from './fonts';
import { PDFDocument } from './pdf-frame';
import { mapSvgOf } from './map-svg';
import { glyphTextWriter } from './svg-glyphs';
import { warmUpDocument, warmUpMetrics } from './warm-up-workshop';
import { excel } from './xlsx-writer';

/** Copies of the template's journey in the big warm-up workshop: 40 stages. */
const WARM_UP_COPIES = 8;

/** Latin, accented, Japanese and an emoji: each fallback face measures once. */
const SAMPLE = 'Angebot Müller Łódź 東京 ✅ 1,234.5 %';

/** Loads everything the exports use lazily and builds the warm-up workshops' formats (see above); each part loads once a thread. */
export async function warmUpExports(): Promise<void> {
  PDFDocument();
  excel();
  for (const face of ALL_FACES) fontkitFont(face);
  exportTextMetrics.runs(SAMPLE, 12, 'regular');
  exportTextMetrics.runs(SAMPLE, 12, 'bold');
  // Not through the report cache: the samples must not push out a real export's report.
  const reportOf = (input: Pick<ReportInput, 'document' | 'metrics'>) =>
    buildReport({
      source: null,
      meta: blankWorkshopMeta({ title: SAMPLE, organisation: SAMPLE }),
      versionName: 'Warm-up',
      signOff: null,
      agreementHistory: [],
      improvements: [],
      generatedAt: new Date(0).toISOString(),
      appVersion: 'warm-up',
      session: null,
      textMetrics: exportTextMetrics,
      ...input,
    });
  const small = reportOf({ document: templateDocument('b2b-buying-journey'), metrics: [] });
  await exportReport(small, ['pdf', 'xlsx', 'svg', 'png', 'html', 'md', 'csv'], { paper: 'A4', pngScales: [1], cores: 1 });
  const document = warmUpDocument(WARM_UP_COPIES);
  const big = reportOf({ document, metrics: warmUpMetrics(document) });
  await exportReport(big, ['pdf', 'xlsx', 'svg', 'html', 'md', 'csv'], { paper: 'A4' });
  // The picture's SVG with outlined text, not rendered: resvg is native code, warm after the small one.
  mapSvgOf(big, { writer: glyphTextWriter() });
}
