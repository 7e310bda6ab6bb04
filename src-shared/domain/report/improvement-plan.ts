// The improvement plan of the report, defined here once: the workshop's improvements
// ranked by modelled gain with status, votes, owner, dates, and the prediction next to what was
// observed and the result. Every writer prints these columns (XLSX with typed cells).
import type { ModelledGain } from '../analytics/effects';
import { IMPROVEMENT_STATUS_LABELS, reviewState, type Improvement } from '../improvement';
import { rankWorkshopImprovements, type RankedImprovement } from '../improvement-ranking';
import { compareReadings } from '../improvement-review';
import type { MapDocument } from '../map-document';
import type { Metric } from '../metric';
import { metricValue } from './metric-value';
import { formatNumber, formatPercent, formatPercentPoints, UNKNOWN } from './format';
import type { ReportCell, ReportDataTable, ReportValue } from './report-model';

export type RankedForReport = RankedImprovement<Improvement>;

export interface ImprovementPlanContext {
  doc: MapDocument;
  /** This version's measurement plan: an improvement's metric is found here for "observed". */
  metrics: readonly Metric[];
  /** Stage and outcome names by id. */
  names: ReadonlyMap<string, string>;
  /** YYYY-MM-DD: the day the report is made, for "review overdue". */
  today: string;
}

const text = (t: string): ReportValue => ({ text: t, value: null, kind: 'text' });
const date = (d: string | null): ReportCell => ({ text: d ?? UNKNOWN, date: d, kind: 'date' });

/** The modelled gain in the bottleneck ranking's units: extra wins per period, or win-rate points. */
export function gainCell(item: RankedForReport, period: 'month' | 'quarter'): ReportValue {
  const m = item.modelled;
  // What is missing is said once, in the prediction column.
  if (m === null || m.gain === null) return { text: UNKNOWN, value: null, kind: 'text' };
  return m.basis === 'wins-per-period'
    ? { text: `${m.gain >= 0 ? '+' : ''}${formatNumber(m.gain, 2)} wins a ${period}`, value: m.gain, kind: 'count' }
    : { text: formatPercentPoints(m.gain), value: m.gain, kind: 'percent' };
}

function predictionText(item: RankedForReport): string {
  const m: ModelledGain | null = item.modelled;
  if (m === null) return item.missing ?? '';
  const rate = (v: number | null) => (v === null ? UNKNOWN : formatPercent(v));
  const parts = [`Win rate ${rate(m.before.winRate)} → ${rate(m.after.winRate)}`];
  if (m.delta.daysToWin !== null && Math.abs(m.delta.daysToWin) >= 0.05) {
    parts.push(`days to a win ${formatNumber(m.before.daysToWin ?? 0, 1)} → ${formatNumber(m.after.daysToWin ?? 0, 1)}`);
  }
  const when = item.frozen && item.prediction ? ` (frozen when planned, ${item.prediction.frozenAt})` : ' (on the current map)';
  return `${parts.join('; ')}${when}`;
}

export function statusText(item: Improvement, today: string): string {
  const label = IMPROVEMENT_STATUS_LABELS[item.status];
  const state = reviewState(item, today);
  switch (state.kind) {
    case 'running':
      return `${label}, review in ${state.daysLeft} ${state.daysLeft === 1 ? 'day' : 'days'}`;
    case 'due':
      return `${label}, review due today`;
    case 'overdue':
      return `${label}, review overdue by ${state.daysOver} ${state.daysOver === 1 ? 'day' : 'days'}`;
    default:
      return label;
  }
}

function addressesText(item: Improvement, ctx: ImprovementPlanContext): string {
  const a = item.addresses;
  const stage = (id: string) => ctx.names.get(id) ?? '(removed stage)';
  let where = 'Whole process';
  if (a.kind === 'stage') where = `Stage ${stage(a.stageId)}`;
  if (a.kind === 'pain-point') where = `Pain point in ${stage(a.stageId)}`;
  if (a.kind === 'action') {
    const action = ctx.doc.stages.find((s) => s.id === a.stageId)?.actions.find((x) => x.id === a.actionId);
    where = `Action in ${stage(a.stageId)}${action ? `: ${action.text}` : ''}`;
  }
  if (a.kind === 'transition') {
    const t = ctx.doc.transitions.find((x) => x.id === a.transitionId);
    where = t ? `Arrow ${ctx.names.get(t.source) ?? UNKNOWN} → ${ctx.names.get(t.target) ?? UNKNOWN}` : 'Arrow (removed)';
  }
  return item.problem.trim() ? `${where}: ${item.problem}` : where;
}

/** What the metric's readings show since the trial started, or why nothing can be said yet. */
function observedText(item: Improvement, ctx: ImprovementPlanContext): string {
  if (item.metricId === null) return 'No metric chosen';
  const metric = ctx.metrics.find((m) => m.id === item.metricId);
  if (!metric) return 'Its metric is not in this version’s plan';
  if (item.trialStart === null) return `${metric.name}: the trial has not started`;
  const review = compareReadings(metric.readings, item.trialStart, { baseline: metric.baseline, target: metric.target });
  const show = (v: number | null) => metricValue(v, metric.unit, ctx.doc.process.currency).text;
  if (review.change.kind === 'too-few') return `${metric.name}: ${review.change.message}`;
  const met = review.targetMet === null ? '' : review.targetMet ? '; target met' : '; target not met';
  return `${metric.name}: ${show(review.change.before)} before (${review.before.count} readings), ${show(review.change.after)} since (${review.after.count} readings), target ${show(metric.target)}${met}`;
}

// Weights chosen so every header word, a date and "Marketing" fit unbroken on landscape Letter.
const COLUMNS: readonly { header: string; weight: number }[] = [
  { header: 'Rank', weight: 0.9 },
  { header: 'Improvement', weight: 1.75 },
  { header: 'Addresses', weight: 1.4 },
  { header: 'Status', weight: 1.2 },
  { header: 'Votes', weight: 1.0 },
  { header: 'Owner', weight: 1.2 },
  { header: 'Due date', weight: 1.45 },
  { header: 'Trial start', weight: 1.45 },
  { header: 'Review date', weight: 1.45 },
  { header: 'Predicted gain', weight: 1.35 },
  { header: 'Prediction', weight: 1.55 },
  { header: 'Observed', weight: 1.5 },
  { header: 'Result', weight: 1.0 },
  { header: 'Focus override reason', weight: 1.25 },
];
export const IMPROVEMENT_PLAN_HEADERS: readonly string[] = COLUMNS.map((c) => c.header);

/** The improvements ranked on this version's map (planned ones on their frozen prediction). */
export function rankForReport(doc: MapDocument, improvements: readonly Improvement[]): RankedForReport[] {
  return rankWorkshopImprovements(doc, improvements);
}

export function improvementPlanTable(ranked: readonly RankedForReport[], ctx: ImprovementPlanContext): ReportDataTable {
  const period = ctx.doc.process.period;
  return {
    id: 'improvements',
    title: 'Improvement plan',
    sheet: 'Improvements',
    intro: `The team’s improvements ranked by what the map says they are worth (extra wins a ${period}; ties by impact ÷ effort, then votes). At most two are planned or on trial at once; a prediction is frozen when an idea is planned.`,
    empty: 'No improvements were proposed yet.',
    columns: COLUMNS.map((c) => ({ ...c })),
    rows: ranked.map((item): ReportCell[] => [
      { text: String(item.rank), value: item.rank, kind: 'count' },
      text(item.idea),
      text(addressesText(item, ctx)),
      text(statusText(item, ctx.today)),
      // Typed on the idea plus the room's votes in closed rounds (buildReport adds those in).
      { text: String(item.votes), value: item.votes, kind: 'count' },
      text(item.ownerRole),
      date(item.dueDate),
      date(item.trialStart),
      date(item.reviewDate),
      gainCell(item, period),
      text(predictionText(item)),
      text(observedText(item, ctx)),
      text(item.result),
      text(item.focusOverrideReason ?? ''),
    ]),
  };
}
