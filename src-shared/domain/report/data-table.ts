// A typed report table as plain text, for the formats that print text (PDF, HTML,
// Markdown, CSV): each cell's text as the report formatted it, so they all agree.
import type { ReportDataTable, ReportTable } from './report-model';

export function textTableOf(table: ReportDataTable): ReportTable {
  return { ...table, rows: table.rows.map((row) => row.map((cell) => cell.text)) };
}
