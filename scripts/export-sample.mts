// Exports the sample report (the B2B template with rates, metrics and readings,
// accented, Japanese and formula-looking names) in every format, to look at:
//   npx tsx scripts/export-sample.mts [out-folder] [--agreed] [--letter] [--stages 200]
// then `node scripts/render-pdf-pages.mjs <out-folder>/<name>.pdf` to see the pages.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportReport, writeExportFiles } from '../src-main/export/export-files';
import { REPORT_FORMATS } from '../src-shared/domain/report/report-model';
import { aLargeReport, aTemplateReport } from '../tests/fixtures/report-fixture';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const stagesAt = args.indexOf('--stages');
const stages = stagesAt === -1 ? 0 : Number(args[stagesAt + 1]);
const out = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--stages') ?? join('.tmp', 'sample-export'));

const report = stages > 0 ? aLargeReport(stages) : aTemplateReport({ agreed: flag('agreed') });
mkdirSync(out, { recursive: true });
const started = performance.now();
const files = await exportReport(report, REPORT_FORMATS, { paper: flag('letter') ? 'Letter' : 'A4' });
const paths = await writeExportFiles(files, out);
console.log(`${paths.length} files in ${Math.round(performance.now() - started)} ms:`);
for (const path of paths) console.log(`  ${path}`);
