// Formula defusing for spreadsheet text cells, until the pure CSV writer's
// `defuseSpreadsheetText` lands: OWASP's rule, a leading = + - @ tab or CR gets a '.
export function defuseSpreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
