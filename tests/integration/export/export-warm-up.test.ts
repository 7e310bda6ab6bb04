// The export pool warms up once the backend is quiet: its workers start and load their
// libraries and fonts before the first export; an export asked meanwhile waits for that
// and builds; a worker that dies warming up is replaced at the next export; closing
// during the warm-up ends it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankWorkshopMeta } from '../../../src-shared/domain/workshop';
import { createExportRunner } from '../../../src-main/export/export-runner';
import type { ReportSource } from '../../../src-main/export/export-protocol';
import { bigMap } from '../../../bench/big-map';

const source: ReportSource = {
  source: null,
  meta: blankWorkshopMeta({ title: 'Warm' }),
  versionName: 'Current state',
  signOff: null,
  agreementHistory: [],
  document: bigMap(12),
  metrics: [],
  improvements: [],
  generatedAt: '2026-11-22T09:00:00.000Z',
  appVersion: 'test',
  session: null,
};
const counting = join(__dirname, 'fixtures', 'warm-up-counting-worker.ts');
const countOf = async (runner: ReturnType<typeof createExportRunner>) => {
  const [file] = await runner.run(source, ['md'], 'A4');
  return JSON.parse(file!.data.toString('utf8')) as { warmUps: number; threadId: number };
};

describe('the export pool’s warm-up', () => {
  it('warms every worker of the pool once, after its delay, and the exports then run on them', async () => {
    const runner = createExportRunner({ entry: counting, maxWorkers: 2, warmUpAfterMs: 20 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 60));
      // Asked again (after the delay's own warm-up): no second warm-up.
      await runner.warmUp();
      await runner.warmUp();
      const [a, b] = await Promise.all([countOf(runner), countOf(runner)]);
      expect([a!.warmUps, b!.warmUps]).toEqual([1, 1]);
      expect(a!.threadId).not.toBe(b!.threadId);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('does not warm up before its delay, nor when none is given', async () => {
    const later = createExportRunner({ entry: counting, maxWorkers: 1, warmUpAfterMs: 60_000 });
    const never = createExportRunner({ entry: counting, maxWorkers: 1 });
    try {
      expect((await countOf(later)).warmUps).toBe(0);
      expect((await countOf(never)).warmUps).toBe(0);
    } finally {
      await Promise.all([later.close(), never.close()]);
    }
  }, 60_000);

  it('builds an export asked while the real workers are still warming up', async () => {
    const runner = createExportRunner({ maxWorkers: 2 });
    try {
      const warming = runner.warmUp();
      const [pdf, xlsx] = await Promise.all([runner.run(source, ['pdf'], 'A4'), runner.run(source, ['xlsx'], 'A4')]);
      await warming;
      expect(pdf!.map((f) => [f.name, f.data.subarray(0, 5).toString('latin1')])).toEqual([['Warm – Current state.pdf', '%PDF-']]);
      expect(xlsx!.map((f) => f.name)).toEqual(['Warm – Current state.xlsx']);
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('replaces a worker that dies warming up: the next export starts a fresh one and works, nothing logged', async () => {
    const logged: string[] = [];
    const runner = createExportRunner({ entry: join(__dirname, 'fixtures', 'crash-on-warm-up-worker.ts'), maxWorkers: 1, log: (message) => logged.push(message) });
    try {
      await runner.warmUp();
      expect((await runner.run(source, ['md'], 'A4')).map((f) => f.name)).toEqual(['Warm – Current state.md']);
      expect(logged).toEqual([]);
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('ends the warm-up when it closes mid-way, and refuses exports after', async () => {
    const runner = createExportRunner({ maxWorkers: 2 });
    const warming = runner.warmUp();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await runner.close();
    await warming;
    await expect(runner.run(source, ['md'], 'A4')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  }, 60_000);
});
