// Building every format from one report and saving the files: names from the
// workshop, one file a CSV table, three PNG sizes; atomic writes, and a message a
// facilitator understands when the folder refuses them, with no temp files left.
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-shared/api/errors';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { REPORT_FORMATS } from '../../../src-shared/domain/report/report-model';
import { emptyDocument } from '../../../src-shared/domain/map-document';
import { aWorkshopMeta } from '../../fixtures/factories';
import { exportReport, writeExportFiles, type ExportFile } from '../../../src-main/export/export-files';
import { aLargeReport, aTemplateReport } from '../../fixtures/report-fixture';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'leanmap-export-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) {
    chmodSync(folder, 0o700);
    rmSync(folder, { recursive: true, force: true });
  }
});

const someFiles = (): ExportFile[] => [
  { name: 'a.txt', mime: 'text/plain', data: Buffer.from('one') },
  { name: 'b.txt', mime: 'text/plain', data: Buffer.from('two') },
];

/**
 * Runs `fn` with the effective user "nobody" when the tests run as root, who may
 * write anywhere: a read-only folder only refuses an ordinary user.
 */
async function asOrdinaryUser<T>(fn: () => Promise<T>): Promise<T> {
  const root = typeof process.geteuid === 'function' && process.geteuid() === 0;
  if (!root || !process.seteuid) return fn();
  process.seteuid(65534);
  try {
    return await fn();
  } finally {
    process.seteuid(0);
  }
}

describe('exportReport', () => {
  it('builds every format, named after the workshop and its map version', async () => {
    const report = aTemplateReport();
    const files = await exportReport(report, REPORT_FORMATS, { paper: 'A4' });
    const names = files.map((f) => f.name);
    const stem = 'Acme renewal – Current state';
    expect(names).toEqual(
      expect.arrayContaining([
        `${stem}.pdf`,
        `${stem}.html`,
        `${stem}.md`,
        `${stem}.xlsx`,
        `${stem} stages.csv`,
        `${stem} actions.csv`,
        `${stem} metrics.csv`,
        `${stem} map.png`,
        `${stem} map@2x.png`,
        `${stem} map@4x.png`,
        `${stem} map.svg`,
      ]),
    );
    expect(names.some((n) => n.endsWith('.json'))).toBe(false);
    expect(new Set(names).size).toBe(names.length);
    const byName = new Map(files.map((f) => [f.name, f]));
    expect(byName.get(`${stem}.pdf`)?.mime).toBe('application/pdf');
    expect(byName.get(`${stem}.xlsx`)?.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(byName.get(`${stem} map@4x.png`)?.mime).toBe('image/png');
    expect(byName.get(`${stem} map.svg`)?.data.toString('utf8')).toContain('<svg');
    for (const file of files) expect(file.data.length, file.name).toBeGreaterThan(0);
  });

  it('builds only what is asked, and makes file names safe', async () => {
    const base = aTemplateReport();
    const report = { ...base, cover: { ...base.cover, title: 'Q3: "North/South" review?', versionName: '../Future\u202E state' } };
    const files = await exportReport(report, ['svg', 'pdf'], { paper: 'Letter' });
    expect(files.map((f) => f.name)).toEqual(['Q3 North South review – Future state map.svg', 'Q3 North South review – Future state.pdf']);
  });

  it('exports an empty workshop too: a map with no stages, no metrics', async () => {
    const report = buildReport({
      meta: aWorkshopMeta({ title: 'Blank', date: '' }),
      versionName: 'Current state',
      signOff: null,
      document: emptyDocument(),
      metrics: [],
      generatedAt: '2026-11-24T09:30:00.000Z',
      appVersion: '0.1.0',
      textMetrics: exportTextMetrics,
    });
    const files = await exportReport(report, REPORT_FORMATS, { paper: 'A4' });
    expect(files.map((f) => f.name)).toContain('Blank – Current state.pdf');
    for (const file of files) expect(file.data.length, file.name).toBeGreaterThan(0);
  });

  it('finishes every format for a 200-stage report', async () => {
    const files = await exportReport(aLargeReport(200), REPORT_FORMATS, { paper: 'A4' });
    const formats = new Set(files.map((f) => f.name.split('.').pop()));
    expect([...formats].sort()).toEqual(['csv', 'html', 'md', 'pdf', 'png', 'svg', 'xlsx']);
    for (const file of files) expect(file.data.length, file.name).toBeGreaterThan(0);
  }, 120_000);
});

describe('writeExportFiles', () => {
  it('writes each file into the folder', async () => {
    const folder = tempFolder();
    const files = await exportReport(aTemplateReport(), ['pdf', 'csv'], { paper: 'A4' });
    const paths = await writeExportFiles(files, folder);
    expect(paths).toHaveLength(files.length);
    expect(readdirSync(folder).sort()).toEqual(files.map((f) => f.name).sort());
    for (const file of files) expect(readFileSync(join(folder, file.name)).equals(file.data)).toBe(true);
  });

  it('replaces an earlier export of the same name', async () => {
    const folder = tempFolder();
    await writeExportFiles([{ name: 'a.txt', mime: 'text/plain', data: Buffer.from('old') }], folder);
    await writeExportFiles(someFiles(), folder);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('one');
  });

  it.skipIf(process.platform === 'win32')('explains a read-only folder and leaves no temp files', async () => {
    const parent = tempFolder();
    chmodSync(parent, 0o755);
    const folder = join(parent, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const error = await asOrdinaryUser(() => writeExportFiles(someFiles(), folder).then(() => null, (e: unknown) => e));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('EXPORT_FAILED');
    expect((error as DomainError).message).toMatch(/not allowed to save "a\.txt" in .*read-only.*Choose another folder/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('explains a folder that does not exist', async () => {
    const folder = join(tempFolder(), 'gone');
    await expect(writeExportFiles(someFiles(), folder)).rejects.toMatchObject({
      message: expect.stringMatching(/does not exist .*Choose another folder/),
    });
  });

  it('says which files were saved before a failure', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'b.txt'));
    const error = await writeExportFiles(someFiles(), folder).then(() => null, (e: unknown) => e);
    expect((error as Error).message).toMatch(/Saved before this: "a\.txt"/);
    expect(readdirSync(folder).sort()).toEqual(['a.txt', 'b.txt']);
  });
});
