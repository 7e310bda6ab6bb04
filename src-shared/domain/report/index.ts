// The report a leader receives: its model, how it is built, and the pure writers
// (SVG, HTML, Markdown, CSV). PDF, XLSX and PNG writers live in src-main/export.
export * from './report-model';
export { buildReport, metricValue, BOTTLENECK_ROWS } from './build-report';
export { layoutReportMap, CARD, OUTCOME, EDGE, type MapLayoutOptions } from './map-layout';
export { formatNumber, formatPercent, formatDays, formatMoney, formatTimestamp } from './format';
export { textWidth, wrapText } from './text-measure';
