// exceljs cannot set a cell style's quotePrefix, so the workbook it writes is touched
// up here: every cell style with the Text number format ("@", id 49), which the XLSX
// writer gives only to user text that starts like a formula, also gets
// quotePrefix="1". Spreadsheets then show the text as typed (no visible apostrophe)
// and keep it text when someone edits the cell, so it can never become a formula.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The number format the XLSX writer gives text cells that start like a formula. */
export const TEXT_FORMAT = '@';

const STYLES = 'xl/styles.xml';

/** styles.xml with quotePrefix="1" on each cell format (cellXfs) that uses the Text number format. */
export function addQuotePrefix(styles: string): string {
  return styles.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (xfs) =>
    xfs.replace(/<xf\b([^>]*?)(\/?)>/g, (xf, attrs: string, close: string) =>
      /\snumFmtId="49"/.test(attrs) && !/\squotePrefix=/.test(attrs) ? `<xf${attrs} quotePrefix="1"${close}>` : xf,
    ),
  );
}

/** The workbook with its Text cell styles quote-prefixed; other parts are copied unchanged. */
export function withQuotePrefixOnTextCells(xlsx: Buffer): Buffer {
  const parts = unzipSync(new Uint8Array(xlsx));
  const styles = parts[STYLES];
  if (!styles) return xlsx;
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    // Folder entries carry no data; the zip rebuilds folders from the paths.
    if (name.endsWith('/')) continue;
    out[name] = name === STYLES ? strToU8(addQuotePrefix(strFromU8(styles))) : data;
  }
  return Buffer.from(zipSync(out, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
}
