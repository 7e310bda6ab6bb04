// `npm run bench`: speed figures as JSON. Absolute times vary between machines
// and runs; compare the ratios measured side by side in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseProcess } from '../src-shared/domain/analytics';
import { MapDocumentSchema } from '../src-shared/domain/map-document';
import { blankWorkshopMeta } from '../src-shared/domain/workshop';
import { createBackend } from '../src-main/backend';
import { benchAnalysisKeystroke } from './analysis-keystroke';
import { bigMap } from './big-map';
import { benchCompare } from './compare';
import { benchExports } from './exports';
import { benchHostStart, benchRendererBundle } from './host-and-bundle';
import { median, medianAsync } from './timing';



async function main(): Promise<void> {
  const results: Record<string, unknown> = { node: process.version, note: 'median milliseconds; compare ratios within one run' };

  // The process arithmetic runs on every keystroke that changes a number.
  const analysis: Record<string, number> = {};
  for (const n of [50, 200, 1000]) {
    const doc = bigMap(n);
    analysis[`stages_${n}_ms`] = median(() => analyseProcess(doc), n >= 1000 ? 3 : 10);
  }
  results.analyseProcess = analysis;
  // What the UI thread spends on the analysis per keystroke (names: re-worded only; rates: re-run, in a worker from 300 stages).
  results.analysisPerKeystroke = { stages_200: benchAnalysisKeystroke(200), stages_1000: benchAnalysisKeystroke(1000) };

  // Compare recomputes while the facilitator types in the future state (a cache hit otherwise).
  results.compareVersions200Stages = benchCompare(200);

  // A save: validation, JSON and one fsync'd SQLite transaction (synchronous=FULL).
  const dataDir = mkdtempSync(join(tmpdir(), 'leanmap-bench-'));
  try {
    const backend = await createBackend({ dataDir, log: () => {} });
    const created = await backend.dispatch('workshop.create', { meta: blankWorkshopMeta({ title: 'Bench' }), template: 'blank' });
    if (!created.ok) throw new Error(created.error.message);
    const versionId = (created.value as { versions: { id: string }[] }).versions[0]!.id;
    const doc = bigMap(200);
    let revision = 1;
    const saveMs = await medianAsync(async () => {
      const r = await backend.dispatch('map.save', { versionId, revision, document: doc });
      if (!r.ok) throw new Error(r.error.message);
      revision = (r.value as { revision: number }).revision;
    }, 20);
    const validateMs = median(() => MapDocumentSchema.parse(doc), 20);
    const stringifyMs = median(() => JSON.stringify(doc), 20);
    results.save200Stages = {
      save_ms: saveMs,
      validate_ms: validateMs,
      stringify_ms: stringifyMs,
      document_kb: Math.round(JSON.stringify(doc).length / 1024),
      save_over_stringify_ratio: Math.round((saveMs / stringifyMs) * 10) / 10,
    };
    results.exports200Stages = await benchExports(backend, bigMap(200));
    backend.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  // Built app only: host start (exceljs and pdfkit should not load before the first export), renderer entry size.
  results.hostStart = await benchHostStart();
  results.rendererBundle = benchRendererBundle();
  console.log(JSON.stringify(results, null, 2));
}

void main().then(() => process.exit(0));
