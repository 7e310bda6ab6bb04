// The report as a spreadsheet (exceljs): one sheet a table, typed cells (numbers as
// numbers, percentages as fractions formatted 0.0 %, money in the process's
// currency), bold frozen header rows, and user text that starts like a formula kept
// as typed in a text cell with the quote-prefix style, so no formula ever runs when
// a leader opens, edits or re-saves it (OWASP CSV injection).
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { xmlSafe } from '../../src-shared/domain/report/escape';
import { startsLikeFormula } from '../../src-shared/domain/report/spreadsheet-text';
import type { Report, ReportCell, ReportDataTable, ReportTable, ReportValue } from '../../src-shared/domain/report/report-model';
import { gainHeader } from './labels';
import { TEXT_FORMAT, withQuotePrefixOnTextCells } from './xlsx-quote-prefix';

type Cell = string | number | Date | null;
type Column = { header: string; width: number; wrap?: boolean };

const HEADER_FILL = 'FF1D3B63';

/** Every piece of user text goes through here before it becomes a cell: XML-safe, otherwise as typed. */
const text = (value: string): string => xmlSafe(value);

/** The number format a text cell gets: Text ("@", quote prefix added on writing) when it starts like a formula. */
const textFormat = (value: string): string | undefined => (startsLikeFormula(value) ? TEXT_FORMAT : undefined);

/** A ReportValue as a typed cell: the number, or empty when unknown. */
interface TypedCell {
  value: number | null;
  numFmt: string | undefined;
}

function moneyFormat(currency: string, value: number): string {
  const code = /^[A-Z]{3}$/.test(currency) ? ` "${currency}"` : '';
  return Number.isInteger(value) ? `#,##0${code}` : `#,##0.00${code}`;
}

export function typedValue(v: ReportValue, currency: string): TypedCell {
  if (v.value === null || !Number.isFinite(v.value)) return { value: null, numFmt: undefined };
  switch (v.kind) {
    case 'percent':
      return { value: v.value, numFmt: '0.0%' };
    case 'days':
      return { value: v.value, numFmt: '0.0' };
    case 'money':
      return { value: v.value, numFmt: moneyFormat(currency, v.value) };
    case 'count':
      return { value: v.value, numFmt: Number.isInteger(v.value) ? '#,##0' : '#,##0.0' };
    default:
      return { value: v.value, numFmt: undefined };
  }
}

class SheetWriter {
  private readonly sheet: ExcelJS.Worksheet;
  constructor(
    workbook: ExcelJS.Workbook,
    name: string,
    private readonly columns: readonly Column[],
    private readonly currency: string,
  ) {
    this.sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = columns.map((c) => ({ width: c.width }));
    const header = this.sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    });
    header.height = 20;
  }

  /** Adds a row: strings are defused text, ReportValues typed numbers. */
  row(values: readonly (string | number | ReportValue | Date | null)[]): void {
    const cells: Cell[] = [];
    const formats: (string | undefined)[] = [];
    for (const v of values) {
      if (typeof v === 'string') {
        cells.push(text(v));
        formats.push(textFormat(text(v)));
      } else if (v === null || typeof v === 'number' || v instanceof Date) {
        cells.push(v);
        formats.push(v instanceof Date ? 'yyyy-mm-dd' : undefined);
      } else {
        const typed = typedValue(v, this.currency);
        cells.push(typed.value);
        formats.push(typed.numFmt);
      }
    }
    const row = this.sheet.addRow(cells);
    row.alignment = { vertical: 'top' };
    formats.forEach((fmt, i) => {
      const cell = row.getCell(i + 1);
      if (fmt) cell.numFmt = fmt;
      if (this.columns[i]?.wrap) cell.alignment = { vertical: 'top', wrapText: true };
    });
  }

  /** A sentence under the table (after a blank row), in the given column. */
  note(sentence: string, column = 1): void {
    this.sheet.addRow([]);
    const row = this.sheet.addRow([]);
    const cell = row.getCell(column);
    cell.value = text(sentence);
    const format = textFormat(text(sentence));
    if (format) cell.numFmt = format;
    cell.font = { italic: true, color: { argb: 'FF56606D' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  }

  /** A filter on the header, over the rows written. */
  finish(): void {
    if (this.sheet.rowCount > 1) {
      this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.sheet.rowCount, column: this.columns.length } };
    }
  }
}

/** Character width of an XLSX column per unit of a ReportTable column's weight. */
const WIDTH_PER_WEIGHT = 18;

/** A ReportTable as a sheet of its own, columns as the model defines them; when it has no rows, the sentence that says so. */
function textTableSheet(workbook: ExcelJS.Workbook, table: ReportTable, currency: string): void {
  const sheet = new SheetWriter(
    workbook,
    table.title,
    table.columns.map((c) => ({ header: c.header, width: Math.round(c.weight * WIDTH_PER_WEIGHT), wrap: true })),
    currency,
  );
  for (const row of table.rows) sheet.row(row);
  sheet.finish();
  if (table.rows.length === 0) sheet.note(table.empty);
}

/** A typed cell as the sheet writes it: numbers as numbers, dates as dates, an unknown number as its text. */
function dataCell(cell: ReportCell): string | ReportValue | Date | null {
  if (cell.kind === 'date') return cell.date === null ? null : dateCell(cell.date);
  if (cell.kind === 'text') return cell.text;
  return cell.value === null ? cell.text : cell;
}

/** A typed table as a sheet of its own, from the one definition every format prints. */
function dataTableSheet(workbook: ExcelJS.Workbook, table: ReportDataTable, currency: string): void {
  const sheet = new SheetWriter(
    workbook,
    table.sheet ?? table.title,
    table.columns.map((c) => ({ header: c.header, width: Math.round(c.weight * WIDTH_PER_WEIGHT), wrap: true })),
    currency,
  );
  for (const row of table.rows) sheet.row(row.map(dataCell));
  sheet.finish();
  if (table.rows.length === 0) sheet.note(table.empty);
}

/** An ISO date (YYYY-MM-DD) as a date cell; anything else stays text. */
function dateCell(iso: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : iso;
}

// exceljs loads with the first spreadsheet, not with the export code: a CSV export never needs it.
// A package name, not a path: the bundle keeps dependencies external.
const requireHere = createRequire(__filename);
let exceljs: typeof ExcelJS | undefined;
export const excel = () => (exceljs ??= requireHere('exceljs') as typeof ExcelJS);

export async function writeXlsx(report: Report): Promise<Buffer> {
  const currency = report.currency ?? '';
  const workbook = new (excel().Workbook)();
  const parsed = new Date(report.cover.generatedAt);
  const generated = Number.isNaN(parsed.getTime()) ? new Date(0) : parsed;
  workbook.creator = 'Leanmap';
  workbook.lastModifiedBy = 'Leanmap';
  workbook.created = generated;
  workbook.modified = generated;
  workbook.title = xmlSafe(report.cover.title);
  workbook.company = xmlSafe(report.cover.organisation);

  // The leader opens the file on the summary.
  dataTableSheet(workbook, report.executiveSummary, currency);

  const { cover } = report;
  const coverSheet = new SheetWriter(workbook, 'Cover', [
    { header: 'Field', width: 22 },
    { header: 'Value', width: 70, wrap: true },
  ], currency);
  const facts: [string, string][] = [
    ['Workshop', cover.title],
    ['Organisation', cover.organisation],
    ['Team', cover.team],
    ['Date', cover.date],
    ['Facilitator', cover.facilitator],
    ['Objective', cover.objective],
    ['Segment', cover.scope.segment],
    ['Offering', cover.scope.offering],
    ['Ideal customer', cover.scope.idealCustomer],
    ['Map version', cover.versionName],
    ['Status', report.draft ? 'DRAFT — not agreed' : 'Agreed'],
    ['Agreed by', cover.signOff?.agreedBy.join(', ') ?? ''],
    ['Agreed at', cover.signOff?.agreedAt ?? ''],
    ...(cover.agreementNotes ?? []).map((note): [string, string] => ['Note', note]),
    ['Generated', cover.generatedAt],
    ['Leanmap version', cover.appVersion],
  ];
  for (const [field, value] of facts) coverSheet.row([field, value]);
  for (const p of cover.participants) coverSheet.row(['Participant', p.role.trim() ? `${p.name} (${p.role})` : p.name]);
  coverSheet.finish();

  const stages = new SheetWriter(workbook, 'Stages', [
    { header: 'Stage', width: 28, wrap: true },
    { header: 'Customer goal', width: 36, wrap: true },
    { header: 'Customer actions', width: 44, wrap: true },
    { header: 'Seller actions', width: 48, wrap: true },
    { header: 'Exit criteria', width: 36, wrap: true },
    { header: 'Days per visit', width: 14 },
    { header: '%C&A', width: 10 },
  ], currency);
  for (const s of report.stages) {
    stages.row([
      s.name,
      s.customerGoal,
      s.customerActions.map((a) => a.text).join('\n'),
      s.sellerActions.map((a) => (a.actor !== 'seller' ? `${a.actor}: ${a.text}` : a.text)).join('\n'),
      s.exitCriteria.join('\n'),
      s.daysPerVisit,
      s.completeAndAccurate,
    ]);
  }
  stages.finish();

  textTableSheet(workbook, report.stageDetails, currency);
  if (report.comparison) {
    textTableSheet(workbook, report.comparison.changes, currency);
    textTableSheet(workbook, report.comparison.figures, currency);
  }

  const actions = new SheetWriter(workbook, 'Actions', [
    { header: 'Stage', width: 28, wrap: true },
    { header: 'Actor', width: 12 },
    { header: 'Action', width: 50, wrap: true },
    { header: 'Lean class', width: 12 },
    { header: 'Helps customer action', width: 40, wrap: true },
    { header: 'Owner role', width: 20 },
    { header: 'Votes', width: 8 },
  ], currency);
  for (const a of report.actions) actions.row([a.stage, a.actor, a.text, a.leanClass, a.serves, a.ownerRole, a.votes]);
  actions.finish();

  const transitions = new SheetWriter(workbook, 'Transitions', [
    { header: 'From', width: 30, wrap: true },
    { header: 'To', width: 30, wrap: true },
    { header: 'Kind', width: 12 },
    { header: 'Label', width: 24, wrap: true },
    { header: 'Conversion', width: 12 },
    { header: 'Source', width: 10 },
  ], currency);
  for (const t of report.transitions) transitions.row([t.from, t.to, t.kind, t.label, t.conversion, t.source]);
  transitions.finish();

  const metrics = new SheetWriter(workbook, 'Metrics', [
    { header: 'Metric', width: 30, wrap: true },
    { header: 'Question', width: 36, wrap: true },
    { header: 'Definition', width: 44, wrap: true },
    { header: 'Attached to', width: 26, wrap: true },
    { header: 'Unit', width: 10 },
    { header: 'Kind', width: 12 },
    { header: 'Data source', width: 26, wrap: true },
    { header: 'Owner role', width: 20 },
    { header: 'Review cadence', width: 14 },
    { header: 'Baseline', width: 12 },
    { header: 'Target', width: 12 },
    { header: 'Latest reading', width: 14 },
    { header: 'Latest reading date', width: 14 },
  ], currency);
  for (const m of report.measurementPlan) {
    const latest = m.readings[m.readings.length - 1];
    metrics.row([
      m.name,
      m.question,
      m.definition,
      m.attachedTo,
      m.unit,
      m.kind,
      m.dataSource,
      m.ownerRole,
      m.cadence,
      m.baseline,
      m.target,
      latest ? latest.value : null,
      latest ? dateCell(latest.date) : null,
    ]);
  }
  metrics.finish();

  const readings = new SheetWriter(workbook, 'Readings', [
    { header: 'Metric', width: 30, wrap: true },
    { header: 'Date', width: 12 },
    { header: 'Value', width: 14 },
    { header: 'Unit', width: 10 },
    { header: 'Note', width: 50, wrap: true },
  ], currency);
  for (const m of report.measurementPlan) {
    for (const r of m.readings) readings.row([m.name, dateCell(r.date), r.value, m.unit, r.note]);
  }
  readings.finish();

  const figures = new SheetWriter(workbook, 'Figures', [
    { header: 'Group', width: 14 },
    { header: 'Name', width: 32, wrap: true },
    { header: 'Value', width: 16 },
    { header: 'Shown as', width: 30, wrap: true },
    { header: 'How it was worked out', width: 70, wrap: true },
  ], currency);
  for (const f of report.inputs) figures.row(['Process input', f.name, f.value, f.value.text, f.explanation]);
  for (const f of report.figures) figures.row(['Figure', f.name, f.value, f.value.text, f.explanation]);
  figures.finish();

  const bottlenecks = new SheetWriter(workbook, 'Bottlenecks', [
    { header: 'Rank', width: 8 },
    { header: 'Transition', width: 50, wrap: true },
    { header: 'Rate now', width: 12 },
    { header: 'Raised to', width: 12 },
    { header: gainHeader(report), width: 14 },
    { header: 'Top two', width: 10 },
  ], currency);
  for (const b of report.bottlenecks.rows) {
    bottlenecks.row([b.rank, b.transition, b.currentRate, b.newRate, b.gain, b.top ? 'Yes' : 'No']);
  }
  bottlenecks.finish();
  bottlenecks.note(report.bottlenecks.basis, 2);
  if (report.bottlenecks.problem) bottlenecks.note(report.bottlenecks.problem, 2);

  dataTableSheet(workbook, report.improvementPlan, currency);

  const checks = new SheetWriter(workbook, 'Checks', [
    { header: 'Severity', width: 12 },
    { header: 'Message', width: 100, wrap: true },
  ], currency);
  for (const c of report.checks) checks.row([c.severity === 'error' ? 'Error' : 'Warning', c.message]);
  checks.finish();

  for (const records of report.records) textTableSheet(workbook, records, currency);

  // Stored, not deflated: withQuotePrefixOnTextCells unzips and deflates every part again,
  // so exceljs's own (JavaScript) deflate was done for nothing; the file is the same.
  const data = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return withQuotePrefixOnTextCells(Buffer.from(data as ArrayBuffer));
}
