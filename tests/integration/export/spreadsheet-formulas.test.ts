// No cell of a CSV or XLSX export written from user text can become a formula,
// whatever the room typed: a property over text built from formula signs (plain,
// fullwidth, small), spaces of every kind, tabs, line breaks and invisible marks.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src-main/export/xlsx-writer';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { renderCsvFiles } from '../../../src-shared/domain/report/csv-writer';
import { aHostileReportInput } from '../../fixtures/factories';

/**
 * Independent of the writer's own rule: what a spreadsheet (Excel, LibreOffice, Google
 * Sheets, Numbers) may read as a formula once it skips leading blanks.
 */
const couldRunAsFormula = (text: string) => /^[\s\p{Cc}\p{Cf}]*[=+\-@＝＋－＠﹦﹢﹣﹫]/u.test(text) || /^[\t\r\n]/.test(text);

const piece = fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', ' ', '\u00a0', '\u3000', '\t', '\r', '\n', '\u200b', '\ufeff', '\u202e', 'SUM(A1)', '1+1', 'cmd|', 'Müller', '東京', "'", '"', ',');
const userText = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const texts = fc.uniqueArray(userText, { minLength: 1, maxLength: 4 });

describe('spreadsheet exports of hostile text', () => {
  it('CSV: every text cell that could run as a formula starts with a quote (property)', () => {
    fc.assert(
      fc.property(texts, (typed) => {
        for (const file of renderCsvFiles(buildReport(aHostileReportInput(typed)))) {
          const records = parse(file.text, { bom: true, relax_column_count: true }) as string[][];
          for (const cell of records.flat()) {
            // Numbers are written unquoted and stay numbers; text that looks like one is not user text.
            if (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(cell)) continue;
            if (couldRunAsFormula(cell)) expect(cell.startsWith("'"), `${file.name}: ${JSON.stringify(cell)}`).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('XLSX: no formula, and text that looks like one is a quote-prefixed text cell shown as typed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (typed) => {
        const data = await writeXlsx(buildReport(aHostileReportInput(typed)));
        const styles = strFromU8(unzipSync(new Uint8Array(data))['xl/styles.xml']!);
        for (const xf of styles.match(/<xf\b[^>]*numFmtId="49"[^>]*>/g) ?? []) expect(xf).toContain('quotePrefix="1"');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(data as unknown as ArrayBuffer);
        const seen = new Set<string>();
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              const where = `${sheet.name}!${cell.address}`;
              expect(cell.type, where).not.toBe(ExcelJS.ValueType.Formula);
              expect(cell.formula, where).toBeUndefined();
              if (typeof cell.value !== 'string') return;
              seen.add(cell.value);
              if (couldRunAsFormula(cell.value)) expect(cell.numFmt, `${where}: ${JSON.stringify(cell.value)}`).toBe('@');
            }),
          ),
        );
        // Shown as typed: no apostrophe added (XML keeps only its legal characters, and reads a carriage return as a line break).
        // eslint-disable-next-line no-control-regex -- XML's illegal control characters are what this drops
        const legal = (t: string) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/\r\n?/g, '\n');
        for (const t of typed) expect(seen.has(legal(t)), JSON.stringify(t)).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
