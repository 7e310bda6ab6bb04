// The report's tables as CSV files: one per table, RFC 4180 with CRLF, UTF-8 with
// a byte-order mark, numbers as numbers, and formulas defused (OWASP CSV injection).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { defuseSpreadsheetText, renderCsvFiles, startsLikeFormula, toCsv } from '../../../src-shared/domain/report/csv-writer';
import type { ReportInput } from '../../../src-shared/domain/report/report-model';
import { aHostileReportInput, aMapDocument, aMetric, aReading, aReportInput, HOSTILE_TEXTS } from '../../fixtures/factories';

type Parsed = (string | number | null)[][];

/** Parses CSV text back: unquoted cells that look like numbers become numbers, quoted cells stay text. */
function readCsv(text: string): Parsed {
  return parse(text, {
    bom: true,
    cast: (value, context) => (context.quoting || value === '' || Number.isNaN(Number(value)) ? (value === '' && !context.quoting ? null : value) : Number(value)),
  }) as Parsed;
}

function filesOf(input: ReportInput = aReportInput()) {
  return new Map(renderCsvFiles(buildReport(input)).map((f) => [f.name, f.text]));
}

/** Rows of one file as objects keyed by its header. */
function rowsOf(files: Map<string, string>, name: string): Record<string, string | number | null>[] {
  const [head, ...rows] = readCsv(files.get(name)!);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i] ?? null])));
}

/** What the user typed, as a spreadsheet must show it: formula-like text with a leading quote. */
const shown = (text: string) => (startsLikeFormula(text) ? `'${text}` : text);

describe('the CSV files', () => {
  it('are one per table', () => {
    expect([...filesOf().keys()]).toEqual([
      'executive-summary.csv',
      'stages.csv',
      'stage-details.csv',
      'actions.csv',
      'transitions.csv',
      'figures.csv',
      'inputs.csv',
      'bottlenecks.csv',
      'metrics.csv',
      'readings.csv',
      'improvements.csv',
      'checks.csv',
      'decisions.csv',
      'parking-lot.csv',
      'votes.csv',
    ]);
  });

  it('start with a byte-order mark and end every record with CRLF', () => {
    for (const text of filesOf().values()) {
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '').replace(/"[^"]*"/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('give numbers as plain numbers, in the units people read', () => {
    const files = filesOf();
    const compare = rowsOf(files, 'stages.csv').find((r) => r.Stage === 'Compare options')!;
    expect(compare).toMatchObject({ 'Days per visit': 15, '%C&A (%)': 70 });
    const win = rowsOf(files, 'figures.csv').find((r) => r.Figure === 'Win rate')!;
    expect(win).toMatchObject({ Value: 7.7, Unit: '%', 'Shown as': '7.7 %' });
    expect(rowsOf(files, 'figures.csv').find((r) => r.Figure === 'Revenue per month')).toMatchObject({ Value: 770000, Unit: 'EUR' });
    expect(rowsOf(files, 'bottlenecks.csv')[0]).toMatchObject({ Rank: 1, 'Conversion today (%)': 50, 'After the step (%)': 60, Gain: 7, Focus: 'yes' });
    expect(files.get('figures.csv')).toContain('\r\nWin rate,7.7,%,7.7 %,');
  });

  it('leave unknown numbers empty and say why beside them', () => {
    const files = filesOf(aReportInput({ document: aMapDocument() }));
    const win = rowsOf(files, 'figures.csv').find((r) => r.Figure === 'Win rate')!;
    expect(win.Value).toBeNull();
    expect(win['Shown as']).toMatch(/^cannot be calculated/);
  });

  it('hold the measurement plan with one row per reading', () => {
    const metrics = [aMetric({ name: 'Trial rate', readings: [aReading('2027-01-31', 38.5, 'first'), aReading('2027-02-28', 41)] }), aMetric({ name: 'No readings yet' })];
    const files = filesOf(aReportInput({ metrics }));
    expect(rowsOf(files, 'metrics.csv').map((r) => [r.Metric, r.Baseline, r.Target, r.Readings])).toEqual([
      ['Trial rate', 30, 45, 2],
      ['No readings yet', 30, 45, 0],
    ]);
    expect(rowsOf(files, 'readings.csv')).toEqual([
      { Metric: 'Trial rate', Date: '2027-01-31', Value: 38.5, Unit: '%', Note: 'first' },
      { Metric: 'Trial rate', Date: '2027-02-28', Value: 41, Unit: '%', Note: null },
    ]);
  });

  it('round-trip hostile text, with every formula defused', () => {
    const files = filesOf(aHostileReportInput());
    expect(rowsOf(files, 'stages.csv').map((r) => r.Stage)).toEqual(HOSTILE_TEXTS.map(shown));
    expect(rowsOf(files, 'actions.csv').map((r) => r.Action)).toEqual(HOSTILE_TEXTS.flatMap((t) => [shown(t), shown(t)]));
    expect(rowsOf(files, 'metrics.csv').map((r) => r.Metric)).toEqual(HOSTILE_TEXTS.map(shown));
    expect(rowsOf(files, 'readings.csv').map((r) => r.Note)).toEqual(HOSTILE_TEXTS.map(shown));
    expect(rowsOf(files, 'transitions.csv').map((r) => r.Label)).toEqual(HOSTILE_TEXTS.map(shown));
    for (const text of files.values()) {
      for (const record of readCsv(text)) {
        for (const cell of record) if (typeof cell === 'string') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('quote defused cells, and cells with commas, quotes or line breaks', () => {
    expect(toCsv([['=1+1', '+1', '-2', '@SUM(A1)', '\tx', 'plain', 'a,b', 'say "hi"', 'two\nlines', -2, 3.5, null]])).toBe(
      '\uFEFF"\'=1+1","\'+1","\'-2","\'@SUM(A1)","\'\tx",plain,"a,b","say ""hi""","two\nlines",-2,3.5,\r\n',
    );
  });
});

describe('defusing spreadsheet text', () => {
  it.each([
    '=HYPERLINK("http://x")',
    '+1',
    '-2',
    '@SUM(A1:A2)',
    '\t=1',
    '\r=1',
    '\n=1',
    // Spaces a spreadsheet skips before it looks for the sign.
    ' =1+1',
    '   @SUM(A1)',
    '\u00a0=1+1',
    '\u00a0\u00a0-1',
    '\u3000+1',
    '\u2003=1',
    // Invisible characters in front.
    '\u200b=1',
    '\ufeff=1',
    '\u0000=1',
    // Fullwidth and small forms of the signs.
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    ' ＝1',
    '﹦1',
    // A tab or line break at the start, even before plain text.
    '\tplain',
    '\rplain',
  ])('puts a quote before %j', (text) => {
    expect(defuseSpreadsheetText(text)).toBe(`'${text}`);
  });

  it.each(['Müller', 'Łódź', '東京', '1+1', 'a = b', ' plain', '\u00a0plain', "'quoted", ''])('leaves %j as it is', (text) => {
    expect(defuseSpreadsheetText(text)).toBe(text);
  });
});
