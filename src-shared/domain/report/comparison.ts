// The report's comparison with the version this one was copied from: the figures side
// by side and the ranked changes with their worth, each as ONE table definition every
// writer prints (PDF, HTML, Markdown, XLSX sheet, CSV file), and both maps with marks.
import { compareVersions, describeChange, mapMarks, matchNote, worthByKey, worthText, type FigureDelta, type VersionComparison } from '../compare';
import type { MapDocument } from '../map-document';
import { formatNumber, formatPercentPoints } from '../number-format';
import { formatDays, formatMoney, formatPercent } from './format';
import { layoutReportMap } from './map-layout';
import type { ReportMap, ReportTable } from './report-model';
import type { MapMark } from './svg-writer';
import type { TextMetrics } from './text-metrics';
import { analyseProcess } from '../analytics';

export interface ReportComparisonMap {
  versionName: string;
  map: ReportMap;
  marks: Record<string, MapMark>;
}

export interface ReportComparison {
  /** "Compared with “Current state”". */
  heading: string;
  /** What the section shows, and how versions were matched when that needs saying. */
  intro: string[];
  figures: ReportTable;
  changes: ReportTable;
  maps: { before: ReportComparisonMap; after: ReportComparisonMap };
}

export interface ComparisonInput {
  source: { versionName: string; document: MapDocument };
  versionName: string;
  document: MapDocument;
  relation: 'source' | 'other' | 'unknown';
  textMetrics: TextMetrics;
  /** The comparison already worked out (the Compare view's cache); computed here when absent. */
  comparison?: VersionComparison;
}

/** The columns of the Changes table, in the order every format shows them. */
export const CHANGE_COLUMNS = [
  { header: 'Rank', weight: 0.6 },
  { header: 'Stage', weight: 1.6 },
  { header: 'Change', weight: 1.4 },
  { header: 'What', weight: 2.2 },
  { header: 'Before', weight: 2.2 },
  { header: 'After', weight: 2.2 },
  { header: 'Worth alone', weight: 1.6 },
] as const;

export const FIGURE_COLUMNS = [
  { header: 'Figure', weight: 2 },
  { header: 'Before', weight: 2 },
  { header: 'After', weight: 2 },
  { header: 'Difference', weight: 1.6 },
] as const;

/** Room around compared maps for the badges drawn above the cards' corners. */
const MARK_ROOM = 40;

function figureValue(f: FigureDelta, value: number | null, side: 'before' | 'after', currency: string): string {
  if (value === null) return `cannot compute: ${f.cannotCompute.find((c) => c.side === side)?.reason ?? 'an input is missing'}`;
  switch (f.unit) {
    case 'share':
      return formatPercent(value);
    case 'days':
      return formatDays(value);
    case 'count':
      return formatNumber(value, 2);
    case 'money':
      return formatMoney(value, currency);
  }
}

function deltaText(f: FigureDelta, currency: string): string {
  if (f.delta === null) return 'cannot compute';
  if (Math.abs(f.delta) < 1e-9) return 'no change';
  const sign = f.delta > 0 ? '+' : f.delta < 0 ? '−' : '±';
  const size = Math.abs(f.delta);
  switch (f.unit) {
    case 'share':
      return formatPercentPoints(f.delta).replace('-', '−');
    case 'days':
      return `${sign}${formatDays(size)}`;
    case 'count':
      return `${sign}${formatNumber(size, 2)}`;
    case 'money':
      return `${sign}${formatMoney(size, currency)}`;
  }
}

const withRoom = (map: ReportMap): ReportMap => ({
  ...map,
  x: map.x - MARK_ROOM,
  y: map.y - MARK_ROOM,
  width: map.width + 2 * MARK_ROOM,
  height: map.height + 2 * MARK_ROOM,
});

export function buildComparison(input: ComparisonInput): ReportComparison {
  const older = input.source.document;
  const newer = input.document;
  const comparison = input.comparison ?? compareVersions(older, newer);
  const currency = newer.process.currency;
  const words = comparison.changes.map((c) => describeChange(c, older, newer));
  const worth = worthByKey(comparison.attribution);
  const basis = comparison.attribution.basis;
  const shown = words.filter((w) => !w.layoutOnly);
  const ranked = [...shown].sort((a, b) => (worth.get(a.key)?.rank ?? Infinity) - (worth.get(b.key)?.rank ?? Infinity));
  const rows = ranked.map((w) => {
    const part = worth.get(w.key);
    return [
      part ? String(part.rank) : '',
      w.stageName,
      `${w.subject} ${w.mark === 'added' ? 'added' : w.mark === 'removed' ? 'removed' : 'changed'}`,
      w.title,
      w.before.text || '—',
      w.after.text || '—',
      part ? (part.worth === null ? `cannot compute: ${part.reason ?? ''}`.trim() : worthText(part.worth, basis)) : 'not valued (words only)',
    ];
  });
  if (comparison.attribution.parts.length > 0) {
    rows.push(['', '', 'Only together', 'What the changes are worth only in combination', '', '', worthText(comparison.attribution.interaction, basis)]);
    rows.push(['', '', 'Total', `${input.source.versionName} → ${input.versionName}`, '', '', worthText(comparison.attribution.total, basis)]);
  }
  const moves = words.length - shown.length;
  const unit = basis === 'wins-per-period' ? `wins per ${newer.process.period}` : 'win rate (buyers entering per period is blank)';
  const bottlenecks = (list: { name: string }[]) => (list.length ? list.map((b) => b.name).join('; ') : 'none found');
  const marks = mapMarks(words);
  const note = matchNote({
    older: { name: input.source.versionName, doc: older },
    newer: { name: input.versionName, doc: newer },
    relation: input.relation,
  });
  return {
    heading: `Compared with “${input.source.versionName}”`,
    intro: [
      `What is different in “${input.versionName}” from “${input.source.versionName}”, the version it was copied from, and what each change is predicted to be worth in ${unit}: each change applied alone to “${input.source.versionName}”, ranked, with what the changes are worth only together so the parts add up to the total.`,
      ...(moves > 0 ? [`${moves} ${moves === 1 ? 'card was' : 'cards were'} only moved on the map; moves are left out.`] : []),
      ...(note ? [note] : []),
    ],
    figures: {
      id: 'comparison-figures',
      title: 'Figures compared',
      intro: `The figures of “${input.source.versionName}” (before) and “${input.versionName}” (after); “cannot compute” where an input is missing on that side, never zero.`,
      empty: 'No figures to compare.',
      columns: FIGURE_COLUMNS.map((c) => ({ ...c })),
      rows: [
        ...comparison.figures.map((f) => [f.label, figureValue(f, f.before, 'before', currency), figureValue(f, f.after, 'after', currency), deltaText(f, currency)]),
        ['Top bottlenecks', bottlenecks(comparison.topBottlenecks.before), bottlenecks(comparison.topBottlenecks.after), ''],
      ],
    },
    changes: {
      id: 'changes',
      title: 'Changes',
      intro: `Each change from “${input.source.versionName}” to “${input.versionName}”, the valued ones ranked by what they are worth alone.`,
      empty: `Nothing was changed from “${input.source.versionName}”${moves > 0 ? ' apart from moving cards' : ''}.`,
      columns: CHANGE_COLUMNS.map((c) => ({ ...c })),
      rows,
    },
    maps: {
      before: {
        versionName: input.source.versionName,
        map: withRoom(layoutReportMap(older, { metrics: input.textMetrics, bottlenecks: analyseProcess(older).bottlenecks })),
        marks: marks.before,
      },
      after: {
        versionName: input.versionName,
        map: withRoom(layoutReportMap(newer, { metrics: input.textMetrics, bottlenecks: analyseProcess(newer).bottlenecks })),
        marks: marks.after,
      },
    },
  };
}
