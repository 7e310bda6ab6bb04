// A workshop with improvements exported through the API in every report format and read
// back: the executive summary first, the improvement plan with prediction vs result, and
// typed cells in the spreadsheet.
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../src-main/backend';
import { call, useTempDirs } from '../../fixtures/backend';
import { aWorkshopMeta } from '../../fixtures/factories';
import { anImprovementFields, aRatedProcess } from '../../fixtures/improvements';
import { allText, readPdf, squashed } from './pdf-helpers';

const temp = useTempDirs();

/** Two ideas planned (one on trial since 2026-11-22, reviewed 2027-01-21) and a third planned with an override. */
async function aWorkshopInKaizen(): Promise<{ backend: Backend; versionId: string }> {
  const backend = await temp.openBackend(temp.makeDir());
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Kaizen review' }), template: 'b2b-buying-journey' });
  const versionId = workshop.versions[0]!.id;
  const { doc, bToC, cToWon } = aRatedProcess();
  const map = await call(backend, 'map.get', { versionId });
  await call(backend, 'map.save', { versionId, revision: map.revision, document: doc });
  const create = (idea: string, ownerRole: string, transitionId: string, rate: number) =>
    call(backend, 'improvement.create', {
      workshopId: workshop.id,
      fields: anImprovementFields({ idea, ownerRole, effects: [{ kind: 'conversion', transitionId, rate }], result: idea === 'Qualify on the call' ? 'Went well' : '' }),
    });
  const qualify = await create('Qualify on the call', 'Sales lead', bToC.id, 0.7);
  const offer = await create('Trial offer', 'Marketing', cToWon.id, 0.5);
  const visits = await create('Reference visits', 'Customer success', cToWon.id, 0.45);
  const planned = await call(backend, 'improvement.setStatus', { id: qualify.id, revision: qualify.revision, status: 'planned', versionId });
  await call(backend, 'improvement.setStatus', { id: qualify.id, revision: planned.revision, status: 'trial', versionId });
  await call(backend, 'improvement.setStatus', { id: offer.id, revision: offer.revision, status: 'planned', versionId });
  await call(backend, 'improvement.setStatus', {
    id: visits.id,
    revision: visits.revision,
    status: 'planned',
    versionId,
    overrideReason: 'Promised to the board',
  });
  return { backend, versionId };
}

const fileOf = async (backend: Backend, versionId: string, format: 'pdf' | 'html' | 'md' | 'xlsx' | 'csv') =>
  (await call(backend, 'export.build', { versionId, format })).files;

describe('the report of a workshop with improvements', () => {
  it('PDF: the executive summary is the first section after the cover, and the plan shows prediction vs result', async () => {
    const { backend, versionId } = await aWorkshopInKaizen();
    const [file] = await fileOf(backend, versionId, 'pdf');
    const { pages } = await readPdf(Buffer.from(file!.data, 'base64'));
    expect(pages[1]!.text).toContain('Executive summary');
    const summary = squashed(pages[1]!.text);
    expect(summary).toContain(squashed('Qualify on the call — On trial, review in 60 days; owner Sales lead; review 2027-01-21.'));
    expect(summary).toContain(squashed('+7.6 wins a month'));
    expect(summary).toContain(squashed('Win rate'));
    const text = squashed(allText(pages));
    expect(text).toContain(squashed('Improvement plan'));
    expect(text).toContain(squashed('Win rate 19 % → 26.6 % (frozen when planned, 2026-11-22)'));
    expect(text).toContain(squashed('Promised to the board'));
    expect(summary).toContain(squashed('Reference visits (focus limit overridden: Promised to the board)'));
    expect(text).toContain(squashed('Went well'));
  });

  it('XLSX: an Improvements sheet with numbers as numbers and dates as dates, after an Executive summary sheet', async () => {
    const { backend, versionId } = await aWorkshopInKaizen();
    const [file] = await fileOf(backend, versionId, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file!.data, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.name).toBe('Executive summary');
    const sheet = workbook.getWorksheet('Improvements')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    const first = sheet.getRow(2);
    expect(first.getCell(col('Improvement')).value).toBe('Qualify on the call');
    expect(first.getCell(col('Rank')).value).toBe(1);
    expect(first.getCell(col('Predicted gain')).value).toBeCloseTo(7.6, 10);
    expect(first.getCell(col('Trial start')).value).toEqual(new Date('2026-11-22T00:00:00Z'));
    expect(first.getCell(col('Review date')).value).toEqual(new Date('2027-01-21T00:00:00Z'));
    expect(first.getCell(col('Review date')).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(col('Result')).value).toBe('Went well');
    const visits = [2, 3, 4].map((r) => sheet.getRow(r)).find((r) => r.getCell(col('Improvement')).value === 'Reference visits')!;
    expect(visits.getCell(col('Focus override reason')).value).toBe('Promised to the board');
    const summary = workbook.getWorksheet('Executive summary')!;
    const winRate = [2, 3, 4, 5].map((r) => summary.getRow(r)).find((r) => r.getCell(1).value === 'Win rate')!;
    expect(winRate.getCell(2).value).toBeCloseTo(0.19, 12);
    expect(winRate.getCell(2).numFmt).toBe('0.0%');
  });

  it('CSV: improvements.csv with the gain as a number and the dates, and executive-summary.csv', async () => {
    const { backend, versionId } = await aWorkshopInKaizen();
    const files = await fileOf(backend, versionId, 'csv');
    const names = files.map((f) => f.name);
    expect(names.some((n) => n.endsWith('improvements.csv'))).toBe(true);
    expect(names.some((n) => n.endsWith('executive-summary.csv'))).toBe(true);
    const csv = files.find((f) => f.name.endsWith('improvements.csv'))!;
    const text = csv.encoding === 'base64' ? Buffer.from(csv.data, 'base64').toString('utf8') : csv.data;
    const [header, first] = parseCsv(text.replace(/^\uFEFF/, '')) as string[][];
    expect(header).toContain('Predicted gain (shown as)');
    expect(first![header!.indexOf('Improvement')]).toBe('Qualify on the call');
    expect(first![header!.indexOf('Predicted gain')]).toBe('7.6');
    expect(first![header!.indexOf('Review date')]).toBe('2027-01-21');
  });

  it('HTML and Markdown: the executive summary before the map, and the improvement plan', async () => {
    const { backend, versionId } = await aWorkshopInKaizen();
    for (const format of ['html', 'md'] as const) {
      const [file] = await fileOf(backend, versionId, format);
      const text = file!.data;
      const summaryAt = text.indexOf('Executive summary');
      expect(summaryAt).toBeGreaterThan(-1);
      const mapAt = text.indexOf(format === 'html' ? '<h2>The map' : '## The map');
      expect(mapAt).toBeGreaterThan(summaryAt);
      expect(text).toContain('Improvement plan');
      expect(text).toContain('Promised to the board');
      expect(text).toContain('review 2027-01-21');
    }
  });
});
