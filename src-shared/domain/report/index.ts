// The report a leader receives: its model, how it is built, and the pure writers
// (SVG, HTML, Markdown, CSV). PDF, XLSX and PNG writers live in src-main/export.
export * from './report-model';
export { buildReport, metricValue, BOTTLENECK_ROWS } from './build-report';
export { stageDetailsTable, STAGE_DETAIL_COLUMNS } from './stage-details';
export { executiveSummaryTable, topTwoImprovements, EXECUTIVE_SUMMARY_HEADERS } from './executive-summary';
export { improvementPlanTable, IMPROVEMENT_PLAN_HEADERS } from './improvement-plan';
export { textTableOf } from './data-table';
export { layoutReportMap, placeCard, CARD, OUTCOME, EDGE, type MapLayoutOptions } from './map-layout';
export { renderMapSvg, FONT_FAMILY, PRIMARY_FAMILY, type MapSvgOptions } from './svg-writer';
export { renderHtml } from './html-writer';
export { renderMarkdown, escapeMarkdown } from './markdown-writer';
export { renderCsvFiles, toCsv, type CsvFile } from './csv-writer';
export { defuseSpreadsheetText, startsLikeFormula } from './spreadsheet-text';
export { escapeXml, xmlSafe } from './escape';
export { formatNumber, formatPercent, formatDays, formatMoney, formatTimestamp } from './format';
export { textWidth, wrapText, type TextMetrics, type MeasuredRun, type FontWeight } from './text-metrics';
export { buildComparison, CHANGE_COLUMNS, FIGURE_COLUMNS, type ReportComparison } from './comparison';
