// Formula injection defence for spreadsheet exports (OWASP "CSV Injection"): text a
// spreadsheet would run as a formula is turned into plain text. Shared by the CSV
// writer here and the XLSX writer in src-main/export.

/** Characters that make a spreadsheet read a cell as a formula (or hide one after a control character). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Whether `text` would be read as a formula and needs defusing. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A leading single quote in front of text that starts like a formula; other text is returned unchanged. */
export function defuseSpreadsheetText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
