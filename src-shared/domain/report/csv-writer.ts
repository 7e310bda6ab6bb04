// The report's tables as CSV files, one per table: RFC 4180 quoting, CRLF line ends,
// UTF-8 with a byte-order mark (so spreadsheets read accents and CJK right), numbers
// as plain numbers, and text that would run as a formula defused.
//
// Numbers are in the units people read: percentages as 35 (not 0.35), days, counts,
// amounts in the report's currency; an empty cell is an unknown value, and the
// "shown as" columns say why.
import { startsLikeFormula } from './spreadsheet-text';
import type { Report, ReportCell, ReportDataTable, ReportFigureRow, ReportValue } from './report-model';

export { defuseSpreadsheetText, startsLikeFormula } from './spreadsheet-text';

export interface CsvFile {
  name: string;
  text: string;
}

type Cell = string | number | null;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A number as CSV text: 12 significant digits, so 0.077 × 400 prints as 30.8. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberText(cell) : '';
  const defused = startsLikeFormula(cell);
  const text = defused ? `'${cell}` : cell;
  return defused || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((row) => row.map(cellText).join(',') + CRLF).join('');
}

/** A value as a CSV number in its reading unit (percent × 100), or empty when unknown. */
function num(v: ReportValue): number | null {
  if (v.value === null) return null;
  return v.kind === 'percent' ? v.value * 100 : v.value;
}

function unitOf(v: ReportValue, currency: string): string {
  return { percent: '%', days: 'days', count: 'count', money: currency, number: '', text: '' }[v.kind];
}

function figureRows(rows: readonly ReportFigureRow[], currency: string): Cell[][] {
  return rows.map((r) => [r.name, num(r.value), unitOf(r.value, currency), r.value.text, r.explanation]);
}

/**
 * A typed table as CSV rows: numbers in their reading unit, dates as YYYY-MM-DD, and
 * beside every column that holds numbers a "shown as" column with the text (which says
 * why a number is unknown).
 */
export function dataTableRows(table: ReportDataTable): Cell[][] {
  const numeric = table.columns.map((_, i) => table.rows.some((row) => isNumber(row[i])));
  const header = table.columns.flatMap((c, i) => (numeric[i] ? [c.header, `${c.header} (shown as)`] : [c.header]));
  const cell = (c: ReportCell | undefined): Cell => {
    if (c === undefined) return null;
    if (c.kind === 'date') return c.date;
    if (c.kind === 'text') return c.text;
    return num(c);
  };
  return [header, ...table.rows.map((row) => table.columns.flatMap((_, i) => (numeric[i] ? [cell(row[i]), row[i]?.text ?? null] : [cell(row[i])])))];
}

const isNumber = (c: ReportCell | undefined) => c !== undefined && c.kind !== 'text' && c.kind !== 'date';

/** One CSV file per table of the report. */
export function renderCsvFiles(report: Report): CsvFile[] {
  const currency = report.currency ?? '';
  const stages: Cell[][] = [
    ['Stage', 'Customer goal', 'Customer actions', 'Seller actions', 'Exit criteria', 'Days per visit', '%C&A (%)'],
    ...report.stages.map((s) => [
      s.name,
      s.customerGoal,
      s.customerActions.map((a) => a.text).join('\n'),
      s.sellerActions.map((a) => a.text).join('\n'),
      s.exitCriteria.join('\n'),
      num(s.daysPerVisit),
      num(s.completeAndAccurate),
    ]),
  ];
  const details = report.stageDetails;
  const stageDetails: Cell[][] = [details.columns.map((c) => c.header), ...details.rows];
  const actions: Cell[][] = [
    ['Stage', 'Actor', 'Action', 'Lean class', 'Helps customer actions', 'Owner role', 'Votes'],
    ...report.actions.map((a) => [a.stage, a.actor, a.text, a.leanClass, a.serves, a.ownerRole, a.votes]),
  ];
  const transitions: Cell[][] = [
    ['From', 'To', 'Kind', 'Label', 'Conversion (%)', 'Rate source'],
    ...report.transitions.map((t) => [t.from, t.to, t.kind, t.label, num(t.conversion), t.source]),
  ];
  const head = (first: string) => [first, 'Value', 'Unit', 'Shown as', 'How it is worked out'];
  const figures: Cell[][] = [head('Figure'), ...figureRows(report.figures, currency)];
  const inputs: Cell[][] = [head('Input'), ...figureRows(report.inputs, currency)];
  const bottlenecks: Cell[][] = [
    ['Rank', 'Transition', 'Conversion today (%)', 'After the step (%)', 'Gain', 'Gain unit', 'Focus', 'Basis'],
    ...report.bottlenecks.rows.map((r) => [
      r.rank,
      r.transition,
      num(r.currentRate),
      num(r.newRate),
      num(r.gain),
      r.gain.kind === 'percent' ? 'percentage points of win rate' : `wins per ${report.period ?? 'period'}`,
      r.top ? 'yes' : 'no',
      report.bottlenecks.basis,
    ]),
  ];
  const metrics: Cell[][] = [
    ['Metric', 'Question', 'Definition', 'Measured at', 'Unit', 'Kind', 'Data source', 'Owner role', 'Cadence', 'Baseline', 'Target', 'Readings'],
    ...report.measurementPlan.map((m) => [
      m.name,
      m.question,
      m.definition,
      m.attachedTo,
      m.unit,
      m.kind,
      m.dataSource,
      m.ownerRole,
      m.cadence,
      num(m.baseline),
      num(m.target),
      m.readings.length,
    ]),
  ];
  const readings: Cell[][] = [
    ['Metric', 'Date', 'Value', 'Unit', 'Note'],
    ...report.measurementPlan.flatMap((m) => m.readings.map((r) => [m.name, r.date, num(r.value), m.unit, r.note])),
  ];
  const checks: Cell[][] = [['Severity', 'Message'], ...report.checks.map((c) => [c.severity, c.message])];
  return [
    { name: `${report.executiveSummary.id}.csv`, text: toCsv(dataTableRows(report.executiveSummary)) },
    { name: 'stages.csv', text: toCsv(stages) },
    { name: `${details.id}.csv`, text: toCsv(stageDetails) },
    { name: 'actions.csv', text: toCsv(actions) },
    { name: 'transitions.csv', text: toCsv(transitions) },
    { name: 'figures.csv', text: toCsv(figures) },
    { name: 'inputs.csv', text: toCsv(inputs) },
    { name: 'bottlenecks.csv', text: toCsv(bottlenecks) },
    { name: 'metrics.csv', text: toCsv(metrics) },
    { name: 'readings.csv', text: toCsv(readings) },
    { name: `${report.improvementPlan.id}.csv`, text: toCsv(dataTableRows(report.improvementPlan)) },
    { name: 'checks.csv', text: toCsv(checks) },
    ...report.records.map((t) => ({ name: `${t.id}.csv`, text: toCsv([t.columns.map((c) => c.header), ...t.rows]) })),
    // The comparison with the source version, from the same table definitions as every format.
    ...(report.comparison
      ? [report.comparison.changes, report.comparison.figures].map((t) => ({ name: `${t.id}.csv`, text: toCsv([t.columns.map((c) => c.header), ...t.rows]) }))
      : []),
  ];
}
