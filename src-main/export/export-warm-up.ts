// What a worker does before its first export, while the backend is quiet: loads pdfkit,
// exceljs, the fonts (read and parsed by fontkit), then builds every format of a small
// built-in workshop once, so the code every export runs is compiled and each library's
// first-use setup is done. On a 200-stage workshop the first export paid about 1.3 s
// more than a repeat for these (the repeat pays none of it).
import { buildReport } from '../../src-shared/domain/report/build-report';
import { templateDocument } from '../../src-shared/domain/templates';
import { blankWorkshopMeta } from '../../src-shared/domain/workshop';
import { exportReport } from './export-files';
import { exportTextMetrics } from './font-metrics';
import { ALL_FACES, fontkitFont } from './fonts';
import { PDFDocument } from './pdf-frame';
import { excel } from './xlsx-writer';

/** Latin, accented, Japanese and an emoji: each fallback face measures once. */
const SAMPLE = 'Angebot Müller Łódź 東京 ✅ 1,234.5 %';

/** Loads everything the exports use lazily and builds a small report in every format; each part loads once a thread. */
export async function warmUpExports(): Promise<void> {
  PDFDocument();
  excel();
  for (const face of ALL_FACES) fontkitFont(face);
  exportTextMetrics.runs(SAMPLE, 12, 'regular');
  exportTextMetrics.runs(SAMPLE, 12, 'bold');
  // Not through the report cache: the sample must not push out a real export's report.
  const report = buildReport({
    source: null,
    meta: blankWorkshopMeta({ title: SAMPLE, organisation: SAMPLE }),
    versionName: 'Warm-up',
    signOff: null,
    agreementHistory: [],
    document: templateDocument('b2b-buying-journey'),
    metrics: [],
    improvements: [],
    generatedAt: new Date(0).toISOString(),
    appVersion: 'warm-up',
    session: null,
    textMetrics: exportTextMetrics,
  });
  await exportReport(report, ['pdf', 'xlsx', 'svg', 'png', 'html', 'md', 'csv'], { paper: 'A4', pngScales: [1], cores: 1 });
}
