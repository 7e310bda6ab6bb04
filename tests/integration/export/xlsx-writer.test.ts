// The spreadsheet a leader filters and charts, read back with exceljs: one sheet a
// table, numbers as numbers in the right formats, bold frozen headers, and text
// that looks like a formula kept as harmless text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src-main/export/xlsx-writer';
import { strFromU8, unzipSync } from 'fflate';
import { aTemplateReport, HOSTILE_TEXT, STAGE_DETAILS } from '../../fixtures/report-fixture';

async function readBack(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row whose first (or given) column holds `text`. */
function rowWith(ws: ExcelJS.Worksheet, text: string, column = 1): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(column).value === text) return row;
  }
  throw new Error(`no row "${text}" in ${ws.name}`);
}

describe('the XLSX of the B2B template report', async () => {
  const report = aTemplateReport();
  const workbook = await readBack(await writeXlsx(report));

  it('has one sheet a table', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Executive summary',
      'Cover',
      'Stages',
      'Stage details',
      'Actions',
      'Transitions',
      'Metrics',
      'Readings',
      'Figures',
      'Bottlenecks',
      'Improvements',
      'Checks',
      'Decisions',
      'Parking lot',
      'Voting rounds',
    ]);
  });

  it('has bold, frozen header rows and set column widths', () => {
    for (const ws of workbook.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(5);
    }
    expect(sheet(workbook, 'Stages').getRow(1).values).toEqual([
      undefined,
      'Stage',
      'Customer goal',
      'Customer actions',
      'Seller actions',
      'Exit criteria',
      'Days per visit',
      '%C&A',
    ]);
  });

  it('stores every stage and action', () => {
    expect(sheet(workbook, 'Stages').rowCount).toBe(report.stages.length + 1);
    expect(sheet(workbook, 'Actions').rowCount).toBe(report.actions.length + 1);
    expect(sheet(workbook, 'Metrics').rowCount).toBe(report.measurementPlan.length + 1);
  });

  it('stores percentages as fractions formatted as percent', () => {
    const stage = rowWith(sheet(workbook, 'Stages'), 'Recognise the problem (Müller GmbH)');
    const quality = stage.getCell(7);
    expect(quality.value).toBeCloseTo(0.9, 10);
    expect(quality.numFmt).toBe('0.0%');
    const conversion = sheet(workbook, 'Transitions').getRow(2).getCell(5);
    expect(typeof conversion.value).toBe('number');
    expect(conversion.numFmt).toBe('0.0%');
  });

  it('stores days with one decimal and money in the process currency', () => {
    const stage = rowWith(sheet(workbook, 'Stages'), 'Recognise the problem (Müller GmbH)');
    expect(stage.getCell(6)).toMatchObject({ value: 5, numFmt: '0.0' });
    const dealSize = rowWith(sheet(workbook, 'Figures'), 'Average deal size', 2).getCell(3);
    expect(dealSize.value).toBe(25_000);
    expect(dealSize.numFmt).toContain('"EUR"');
    const winRate = rowWith(sheet(workbook, 'Figures'), 'Win rate', 2);
    expect(winRate.getCell(3).value).toBeCloseTo(0.077, 10);
    expect(winRate.getCell(3).numFmt).toBe('0.0%');
    expect(winRate.getCell(4).value).toBe('7.7 %');
  });

  it('stores readings with real dates and typed values', () => {
    const readings = sheet(workbook, 'Readings');
    const first = rowWith(readings, 'Win rate');
    expect(first.getCell(2).value).toEqual(new Date('2027-01-15T00:00:00Z'));
    expect(first.getCell(3).value).toBeCloseTo(0.081, 10);
    expect(first.getCell(3).numFmt).toBe('0.0%');
    const days = rowWith(readings, 'Days from first meeting to decision');
    expect(days.getCell(3)).toMatchObject({ value: 71.5, numFmt: '0.0' });
  });

  it('keeps formula-looking text as typed, in a text cell with the quote-prefix style', async () => {
    const actions = sheet(workbook, 'Actions');
    const hostile = actions.getColumn(3).values.find((v) => typeof v === 'string' && v.includes('HYPERLINK'));
    expect(hostile).toBe(HOSTILE_TEXT);
    const metric = sheet(workbook, 'Metrics').getColumn(1).values.find((v) => typeof v === 'string' && v.includes('HYPERLINK'));
    expect(metric).toMatch(/^=HYPERLINK/);
    const cover = sheet(workbook, 'Cover').getColumn(2).values;
    expect(cover).toContain('@Dana Lee (+Marketing)');
    const note = rowWith(sheet(workbook, 'Stage details'), 'Recognise the problem (Müller GmbH)').getCell(5);
    expect(note.value).toBe(STAGE_DETAILS.first.notes);
    for (const cell of [note, rowWith(actions, HOSTILE_TEXT, 3).getCell(3)]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
    // The Text format's cell style carries quotePrefix="1", which exceljs cannot read back.
    const styles = strFromU8(unzipSync(new Uint8Array(await writeXlsx(report)))['xl/styles.xml']!);
    const textStyles = styles.match(/<xf\b[^>]*numFmtId="49"[^>]*>/g) ?? [];
    expect(textStyles.length).toBeGreaterThan(0);
    for (const xf of textStyles) expect(xf).toContain('quotePrefix="1"');
  });

  it('gives plain text no Text format and no quote prefix', () => {
    const stage = rowWith(sheet(workbook, 'Stages'), 'Recognise the problem (Müller GmbH)').getCell(1);
    expect(stage.numFmt).toBeUndefined();
  });

  it('has a sheet with every stage detail the room wrote down, as typed', () => {
    const details = sheet(workbook, 'Stage details');
    expect(details.getRow(1).values).toEqual([undefined, 'Stage', 'Pain points', 'Stakeholders', 'Tools and content', 'Notes']);
    expect(details.rowCount).toBe(3);
    const first = rowWith(details, 'Recognise the problem (Müller GmbH)');
    expect([2, 3, 4, 5].map((c) => first.getCell(c).value)).toEqual([
      STAGE_DETAILS.first.painPoints,
      STAGE_DETAILS.first.stakeholders,
      STAGE_DETAILS.first.toolsAndContent,
      STAGE_DETAILS.first.notes,
    ]);
    expect(first.getCell(2).alignment?.wrapText).toBe(true);
    const second = rowWith(details, 'Define what good looks like in Łódź and 東京');
    expect(second.getCell(2).value).toBe('');
    expect(second.getCell(5).value).toBe(STAGE_DETAILS.second.notes);
  });

  it('never writes a formula', () => {
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
        }),
      );
    }
  });

  it('keeps accents and Japanese text', () => {
    const stages = sheet(workbook, 'Stages').getColumn(1).values;
    expect(stages).toContain('Define what good looks like in Łódź and 東京');
  });
});
