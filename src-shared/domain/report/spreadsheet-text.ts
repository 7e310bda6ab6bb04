// Formula injection defence for spreadsheet exports (OWASP "CSV Injection"): text a
// spreadsheet could run as a formula is recognised here, once. The CSV writer puts a
// quote in front of it; the XLSX writer keeps the text as typed in a text cell with
// the quote-prefix style (src-main/export/xlsx-writer.ts).

/**
 * What a spreadsheet may skip before it looks for a formula sign: spaces of any kind
 * (no-break, ideographic…), tabs and line breaks, and invisible control or format
 * characters (zero-width space, byte-order mark, bidi marks).
 */
const SKIPPED = String.raw`[\s\p{Cc}\p{Cf}]*`;

/** Signs that start a formula, with their fullwidth and small forms, which some spreadsheets (and IMEs) treat alike. */
const SIGNS = String.raw`[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]`;

/** A formula sign after anything skippable, or a tab or line break at the very start (which can hide one). */
const FORMULA_START = new RegExp(String.raw`^(?:${SKIPPED}${SIGNS}|[\t\r\n])`, 'u');

/** Whether `text` would be read as a formula and needs defusing. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A leading single quote in front of text that starts like a formula (for CSV); other text is returned unchanged. */
export function defuseSpreadsheetText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
