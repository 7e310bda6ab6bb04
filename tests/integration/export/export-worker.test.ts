// Exports through the API run on a worker thread: the same files as building them
// in-process, the backend answers other calls while one runs, an export can be
// followed and cancelled by its id, and a crashed or stuck worker is one refused
// export (EXPORT_FAILED), after which the next export works.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../src-shared/api/contract';
import { blankWorkshopMeta } from '../../../src-shared/domain/workshop';
import type { Backend } from '../../../src-main/backend';
import { createBackend } from '../../../src-main/backend';
import { exportReport, toWireFile } from '../../../src-main/export/export-files';
import { bigMap } from '../../../bench/big-map';
import { call, refusal, useTempDirs } from '../../fixtures/backend';
import { allText, readPdf, squashed } from './pdf-helpers';

const temp = useTempDirs();
const fixedClock = () => new Date('2026-11-22T09:00:00.000Z');

async function aVersion(backend: Backend, stages?: number): Promise<string> {
  const workshop = await call(backend, 'workshop.create', { meta: blankWorkshopMeta({ title: 'Acme renewal', organisation: 'Acme' }), template: 'b2b-buying-journey' });
  const versionId = workshop.versions[0]!.id;
  if (stages !== undefined) await call(backend, 'map.save', { versionId, revision: 1, document: bigMap(stages) });
  return versionId;
}

describe('exports on the worker thread', () => {
  it('gives the same files as building the report in the backend’s own thread', async () => {
    const backend = await temp.openBackend(temp.makeDir(), fixedClock);
    const versionId = await aVersion(backend);
    const inProcess = (await exportReport(backend.exports.reportOf(versionId), ['md', 'csv', 'svg', 'html', 'png'], { paper: 'A4' })).map(toWireFile);
    const viaWorker: ExportedFile[] = [];
    for (const format of ['md', 'csv', 'svg', 'html', 'png'] as const) {
      viaWorker.push(...(await call(backend, 'export.build', { versionId, format })).files);
    }
    expect(viaWorker).toEqual(inProcess);

    const [pdf] = (await call(backend, 'export.build', { versionId, format: 'pdf' })).files;
    const [local] = await exportReport(backend.exports.reportOf(versionId), ['pdf'], { paper: 'A4' });
    const text = async (data: Buffer) => squashed(allText((await readPdf(data)).pages));
    expect(await text(Buffer.from(pdf!.data, 'base64'))).toEqual(await text(local!.data));
  }, 120_000);

  it('renders only the PNG sizes asked for', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const versionId = await aVersion(backend);
    const built = await call(backend, 'export.build', { versionId, format: 'png', pngScales: [2] });
    expect(built.files.map((f) => f.name)).toEqual(['Acme renewal – Current state map@2x.png']);
    expect((await refusal(backend, 'export.build', { versionId, format: 'png', pngScales: [3] })).code).toBe('VALIDATION');
  }, 60_000);

  it('sends scales that make the same picture as one rendering, the same bytes in each file', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const versionId = await aVersion(backend, 30);
    const { files } = await call(backend, 'export.build', { versionId, format: 'png', pngScales: [2, 4] });
    expect(files.map((f) => f.name)).toEqual(['Acme renewal – Current state map@2x.png', 'Acme renewal – Current state map@4x.png']);
    expect(files[0]!.encoding).toBe('base64');
    expect(files[1]!.data).toBe(files[0]!.data);
    expect(Buffer.from(files[0]!.data, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 120_000);

  it('answers app.info while a PDF export is still being built', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const versionId = await aVersion(backend, 30);
    let exportFinished = false;
    const exporting = call(backend, 'export.build', { versionId, format: 'pdf' }).then((r) => {
      exportFinished = true;
      return r;
    });
    // Wait until the worker is busy building, then ask.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const info = await call(backend, 'app.info', {});
    expect(info.name).toBe('Leanmap');
    expect(exportFinished).toBe(false);
    expect((await exporting).files).toHaveLength(1);
  }, 120_000);

  it('reports progress by the export’s id and cancels it: the build is refused, the next one works', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const versionId = await aVersion(backend, 30);
    const exportId = 'export-cancel-1';
    const exporting = refusal(backend, 'export.build', { versionId, format: 'png', exportId });
    let progress = await call(backend, 'export.progress', { exportId });
    while (progress.running && progress.total === 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      progress = await call(backend, 'export.progress', { exportId });
    }
    // Two renderings: 1×, and 2× and 4× in one (the pixel limit makes them the same picture).
    expect(progress).toMatchObject({ running: true, total: 2, step: expect.stringContaining('map picture') });
    expect(await call(backend, 'export.cancel', { exportId })).toEqual({ cancelled: true });
    const refused = await exporting;
    expect(refused).toEqual({ code: 'EXPORT_CANCELLED', message: 'The export was cancelled; no files were made.' });
    expect(await call(backend, 'export.progress', { exportId })).toMatchObject({ running: false });
    expect(await call(backend, 'export.cancel', { exportId })).toEqual({ cancelled: false });
    expect((await call(backend, 'export.build', { versionId, format: 'md', exportId })).files).toHaveLength(1);
  }, 120_000);

  it('exports the map as it is now after a rename and a save (a version read is kept only until it changes)', async () => {
    const backend = await temp.openBackend(temp.makeDir(), fixedClock);
    const versionId = await aVersion(backend, 3);
    const md = async () => (await call(backend, 'export.build', { versionId, format: 'md' })).files[0]!;
    expect((await md()).name).toBe('Acme renewal – Current state.md');
    await call(backend, 'map.renameVersion', { versionId, name: 'After the workshop' });
    const renamed = await md();
    expect(renamed.name).toBe('Acme renewal – After the workshop.md');
    const doc = bigMap(3);
    doc.stages[0]!.name = 'Qualified by the champion';
    await call(backend, 'map.save', { versionId, revision: 2, document: doc });
    expect((await md()).data).toContain('Qualified by the champion');
    expect(renamed.data).not.toContain('Qualified by the champion');
  }, 60_000);

  it('turns a crashed worker into EXPORT_FAILED, keeps answering, and the next export works', async () => {
    const dataDir = temp.makeDir();
    const logged: string[] = [];
    const backend = await createBackend({
      dataDir,
      log: (message) => logged.push(message),
      exportWorker: { entry: join(__dirname, 'fixtures', 'crash-on-csv-worker.ts') },
    });
    try {
      const versionId = await aVersion(backend);
      const crashed = await refusal(backend, 'export.build', { versionId, format: 'csv' });
      expect(crashed.code).toBe('EXPORT_FAILED');
      expect(crashed.message).toMatch(/^The export stopped unexpectedly and no files were made\. Try again/);
      expect(logged).toContain('Leanmap: the export worker stopped');
      expect((await call(backend, 'app.info', {})).name).toBe('Leanmap');
      const [md] = (await call(backend, 'export.build', { versionId, format: 'md' })).files;
      expect(md!.name).toBe('Acme renewal – Current state.md');
    } finally {
      backend.close();
    }
  }, 120_000);

  it('stops an export that runs past its time limit with EXPORT_FAILED', async () => {
    const backend = await createBackend({ dataDir: temp.makeDir(), log: () => {}, exportWorker: { timeoutMs: 1 } });
    try {
      const versionId = await aVersion(backend);
      const refused = await refusal(backend, 'export.build', { versionId, format: 'pdf' });
      expect(refused.code).toBe('EXPORT_FAILED');
      expect(refused.message).toMatch(/took longer than .* and was stopped; no files were made/);
    } finally {
      backend.close();
    }
  }, 60_000);
});
