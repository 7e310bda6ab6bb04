// The touch-up exceljs cannot do: Text-format cell styles get quotePrefix="1", and
// nothing else in the workbook's styles changes.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addQuotePrefix, withQuotePrefixOnTextCells } from '../../src-main/export/xlsx-quote-prefix';

const styles = (xfs: string) =>
  `<styleSheet><cellStyleXfs count="1"><xf numFmtId="49" fontId="0"/></cellStyleXfs><cellXfs count="3">${xfs}</cellXfs></styleSheet>`;

describe('addQuotePrefix', () => {
  it('marks each cell format with the Text number format (49), self-closing or not', () => {
    const out = addQuotePrefix(
      styles('<xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="49" fontId="1" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" xfId="0"><alignment wrapText="1"/></xf>'),
    );
    expect(out).toBe(
      styles(
        '<xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="49" fontId="1" xfId="0" applyNumberFormat="1" quotePrefix="1"/><xf numFmtId="49" xfId="0" quotePrefix="1"><alignment wrapText="1"/></xf>',
      ),
    );
  });

  it('leaves the cell style formats (cellStyleXfs) and already-marked formats alone', () => {
    const marked = styles('<xf numFmtId="49" quotePrefix="1"/>');
    expect(addQuotePrefix(marked)).toBe(marked);
    expect(addQuotePrefix(styles(''))).toContain('<cellStyleXfs count="1"><xf numFmtId="49" fontId="0"/></cellStyleXfs>');
  });

  it('does not mistake number format 149 for 49', () => {
    const other = styles('<xf numFmtId="149" xfId="0"/>');
    expect(addQuotePrefix(other)).toBe(other);
  });
});

describe('withQuotePrefixOnTextCells', () => {
  const parts = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/styles.xml': strToU8(styles('<xf numFmtId="49" xfId="0"/>')),
    'xl/worksheets/sheet1.xml': strToU8('<worksheet>'.padEnd(5000, ' ') + '</worksheet>'),
  };

  it('gives the same file whether the workbook came stored or deflated (the XLSX writer asks exceljs to store)', () => {
    const stored = Buffer.from(zipSync(parts, { level: 0 }));
    const deflated = Buffer.from(zipSync(parts, { level: 9 }));
    expect(stored.length).toBeGreaterThan(deflated.length);
    const out = withQuotePrefixOnTextCells(stored);
    expect(out.equals(withQuotePrefixOnTextCells(deflated))).toBe(true);
    // Deflated itself, whatever it was given.
    expect(out.length).toBeLessThan(stored.length);
    const touched = new TextDecoder().decode(unzipSync(new Uint8Array(out))['xl/styles.xml']);
    expect(touched).toContain('quotePrefix="1"');
  });
});
