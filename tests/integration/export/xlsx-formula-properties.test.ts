// No cell of the XLSX workbook can become a formula, whatever the user typed: read
// back from its XML, no cell is a formula and no text cell starts like one unless it
// is a quote-prefixed (or text-formatted) cell or defused with an apostrophe.
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src-main/export/xlsx-writer';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { aHostileReportInput } from '../../fixtures/factories';
import { hostileTexts } from '../../fixtures/hostile-text';
import { FORMULA_LIKE, FORMULA_LIKE_ANYWHERE_IN_FRONT } from '../../fixtures/spreadsheet-formula';

const RUNS = Number(process.env.LEANMAP_PROPERTY_RUNS ?? 15);
const SEED = 20261122;
/** The built-in number format "@" (text): what is typed is kept as text. */
const TEXT_FORMAT_ID = '49';

type Node = Record<string, unknown>;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['row', 'c', 'si', 'r', 'xf'].includes(name),
});
const textOf = (node: unknown): string =>
  typeof node === 'string' ? node : node && typeof node === 'object' ? String((node as Node)['#text'] ?? '') : '';
/** A rich or plain string item: <si><t>…</t></si> or runs <si><r><t>…</t></r>…</si>. */
const stringItem = (si: Node): string => (si.t !== undefined ? textOf(si.t) : ((si.r as Node[] | undefined) ?? []).map((r) => textOf(r.t)).join(''));

/**
 * Cells a spreadsheet would run, read from the workbook's own XML (not through a
 * library's model): any cell with a formula, and text that starts like one in a cell
 * that is neither quote-prefixed nor formatted as text.
 */
async function runnableCells(texts: readonly string[], startsLikeFormula: RegExp): Promise<string[]> {
  const zip = await JSZip.loadAsync(await writeXlsx(buildReport(aHostileReportInput(texts))));
  const read = async (name: string) => xml.parse((await zip.file(name)?.async('string')) ?? '<x/>') as Node;
  const shared = (((await read('xl/sharedStrings.xml')).sst as Node | undefined)?.si as Node[] | undefined ?? []).map(stringItem);
  const xfs = (((await read('xl/styles.xml')).styleSheet as Node).cellXfs as Node | undefined)?.xf as Node[] | undefined ?? [];
  const protectedStyle = (s: unknown) => {
    const xf = xfs[Number(s ?? 0)];
    return xf?.quotePrefix === '1' || xf?.quotePrefix === 'true' || xf?.numFmtId === TEXT_FORMAT_ID;
  };
  const found: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const rows = (((await read(name)).worksheet as Node).sheetData as Node | undefined)?.row as Node[] | undefined ?? [];
    for (const cell of rows.flatMap((row) => (row.c as Node[] | undefined) ?? [])) {
      if (cell.f !== undefined) found.push(`${name} ${String(cell.r)} is a formula`);
      const text = cell.t === 's' ? shared[Number(textOf(cell.v))] : cell.t === 'inlineStr' ? stringItem(cell.is as Node) : cell.t === 'str' ? textOf(cell.v) : undefined;
      if (text !== undefined && !protectedStyle(cell.s) && startsLikeFormula.test(text)) found.push(`${name} ${String(cell.r)} = ${JSON.stringify(text)}`);
    }
  }
  return found;
}

describe('user text in the XLSX workbook', () => {
  it('never becomes a formula cell, nor text that starts like one unprotected', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileTexts, async (texts) => {
        expect(await runnableCells(texts, FORMULA_LIKE)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never hides a formula behind spaces, a no-break space or a fullwidth sign', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileTexts, async (texts) => {
        expect(await runnableCells(texts, FORMULA_LIKE_ANYWHERE_IN_FRONT)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
