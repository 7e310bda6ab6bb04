// The export runner's pool: formats asked together build on two workers at once, the
// biggest first when they must wait; a wait can be cancelled without touching the
// builds under way, and closing refuses whatever still waits.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankWorkshopMeta } from '../../../src-shared/domain/workshop';
import { createExportRunner } from '../../../src-main/export/export-runner';
import type { ReportSource } from '../../../src-main/export/export-protocol';
import { exportReport } from '../../../src-main/export/export-files';
import { reportOf } from '../../../src-main/export/report-cache';
import { DomainError } from '../../../src-shared/api/errors';
import { bigMap } from '../../../bench/big-map';

const source: ReportSource = {
  source: null,
  meta: blankWorkshopMeta({ title: 'Pool' }),
  versionName: 'Current state',
  signOff: null,
  agreementHistory: [],
  document: bigMap(30),
  metrics: [],
  improvements: [],
  generatedAt: '2026-11-22T09:00:00.000Z',
  appVersion: 'test',
  session: null,
};

describe('the export runner', () => {
  it('builds two formats at once on two workers, the picture the same as built in-process', async () => {
    const runner = createExportRunner({ maxWorkers: 2 });
    try {
      const events: string[] = [];
      const note = (format: string) => (p: { step: string }) => events.push(`${format} ${p.step === 'done' ? 'done' : 'step'}`);
      const [png, xlsx] = await Promise.all([
        runner.run(source, ['png'], 'A4', { pngScales: [1], onProgress: note('png') }).then((f) => (events.push('png resolved'), f)),
        runner.run(source, ['xlsx'], 'A4', { onProgress: note('xlsx') }).then((f) => (events.push('xlsx resolved'), f)),
      ]);
      // Both had started before either was finished.
      const firstResolved = Math.min(events.indexOf('png resolved'), events.indexOf('xlsx resolved'));
      expect(events.slice(0, firstResolved)).toEqual(expect.arrayContaining(['png step', 'xlsx step']));
      // The picture starts first and is rendered in two bands though the spreadsheet builds beside it.
      const local = await exportReport(reportOf(source), ['png', 'xlsx'], { paper: 'A4', pngScales: [1], cores: 2 });
      expect(png!.map((f) => [f.name, f.data.equals(local[0]!.data)])).toEqual([[local[0]!.name, true]]);
      expect(xlsx!.map((f) => [f.name, f.data.length > 0])).toEqual([[local[1]!.name, true]]);
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('starts the biggest of the jobs asked together first when they must wait for one worker', async () => {
    const runner = createExportRunner({ maxWorkers: 1 });
    try {
      const finished: string[] = [];
      await Promise.all(
        (['md', 'png', 'csv'] as const).map((format) => runner.run(source, [format], 'A4', { pngScales: [1] }).then(() => finished.push(format))),
      );
      expect(finished).toEqual(['png', 'md', 'csv']);
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('gives the first job of an export (the biggest) every core and the jobs started beside it one each', async () => {
    const runner = createExportRunner({ entry: join(__dirname, 'fixtures', 'cores-echo-worker.ts'), maxWorkers: 2 });
    try {
      const coresOf = async (format: 'png' | 'pdf' | 'md' | 'csv') => {
        const [file] = await runner.run(source, [format], 'A4');
        return JSON.parse(file!.data.toString('utf8')) as { format: string; cores: number };
      };
      const together = await Promise.all((['md', 'pdf', 'png', 'csv'] as const).map(coresOf));
      expect(together.map((j) => [j.format, j.cores])).toEqual([['md', 1], ['pdf', 1], ['png', 2], ['csv', 1]]);
      // Alone, a job has every core too.
      expect((await coresOf('csv')).cores).toBe(2);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('cancels a job that waits for a worker without stopping the one being built', async () => {
    const runner = createExportRunner({ maxWorkers: 1 });
    try {
      const building = runner.run(source, ['png'], 'A4', { pngScales: [1] });
      const controller = new AbortController();
      const waiting = runner.run(source, ['md'], 'A4', { signal: controller.signal }).catch((error: unknown) => error);
      controller.abort();
      const refused = await waiting;
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({ code: 'EXPORT_CANCELLED', message: 'The export was cancelled; no files were made.' });
      expect((await building).map((f) => f.name)).toEqual(['Pool – Current state map.png']);
      // The worker is free again: the next job runs.
      expect(await runner.run(source, ['md'], 'A4')).toHaveLength(1);
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('refuses jobs still waiting when it closes', async () => {
    const runner = createExportRunner({ maxWorkers: 1 });
    const building = runner.run(source, ['png'], 'A4', { pngScales: [1] }).catch((error: unknown) => error);
    const waiting = runner.run(source, ['md'], 'A4').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await runner.close();
    expect(await waiting).toMatchObject({ code: 'UNAVAILABLE', message: 'Leanmap is closing; export again after it restarts.' });
    // The one being built ended with its worker.
    expect(await building).toMatchObject({ code: 'EXPORT_FAILED' });
  }, 120_000);
});
