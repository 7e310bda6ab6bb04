// Builds the one report a leader receives from a map version, its workshop and its
// measurement plan: every table and figure as plain data with its text already
// formatted, so each export format only has to escape and arrange it.
import { recordedAfterAgreement } from '../agreement';
import { analyseProcess, bottleneckScope, resolveRates, type Figure, type FlowProblem, type MissingInput, type ProcessAnalysis } from '../analytics';
import { OUTCOME_LABELS, type MapDocument } from '../map-document';
import { METRIC_KIND_LABELS, type Metric, type MetricUnit } from '../metric';
import { classifyTransitions } from '../transition-kind';
import { formatMoney, formatNumber, formatPercent, formatPercentPoints, formatTimestamp, isoDate, unknown, valueOf, UNKNOWN } from './format';
import { layoutReportMap } from './map-layout';
import { buildComparison } from './comparison';
import { executiveSummaryTable } from './executive-summary';
import { improvementPlanTable, rankForReport } from './improvement-plan';
import { metricValue } from './metric-value';
import { stageDetailsTable } from './stage-details';
import { decisionsTable, parkingLotTable, votingTable } from './facilitation-tables';
import { painPointTargetId, votesByTarget } from '../facilitation/vote-targets';
import type {
  Report,
  ReportActionRow,
  ReportBottleneckRow,
  ReportCover,
  ReportFigureRow,
  ReportInput,
  ReportMetricRow,
  ReportStageRow,
  ReportTransitionRow,
  ReportValue,
} from './report-model';

/** How many bottleneck rows the report lists. */
export const BOTTLENECK_ROWS = 10;
/** How many missing inputs a figure's value names before "and N more". */
const NEEDS_SHOWN = 2;
/** How many missing inputs a figure's explanation lists. */
const NEEDS_LISTED = 20;

function nodeNames(doc: MapDocument): Map<string, string> {
  return new Map([
    ...doc.stages.map((s) => [s.id, s.name.trim() || 'Unnamed stage'] as const),
    ...doc.outcomes.map((o) => [o.id, o.label.trim() || OUTCOME_LABELS[o.kind]] as const),
  ]);
}

function cover(input: ReportInput): ReportCover {
  const { meta } = input;
  return {
    title: meta.title,
    organisation: meta.organisation,
    team: meta.team,
    date: meta.date,
    facilitator: meta.facilitator,
    objective: meta.objective,
    scope: { ...meta.scope },
    participants: meta.participants.map((p) => ({ name: p.name, role: p.role })),
    versionName: input.versionName,
    status: input.signOff === null ? 'draft' : 'agreed',
    signOff: input.signOff === null ? null : { agreedAt: input.signOff.agreedAt, agreedBy: [...input.signOff.agreedBy] },
    agreementNotes: (input.agreementHistory ?? []).map(
      (w) =>
        `An agreement of ${formatTimestamp(w.agreedAt)}${w.agreedBy.length ? ` by ${w.agreedBy.join(', ')}` : ''} was withdrawn on ${formatTimestamp(w.withdrawnAt)}: ${w.reason}`,
    ),
    generatedAt: input.generatedAt,
    appVersion: input.appVersion,
  };
}

function stageRows(doc: MapDocument): ReportStageRow[] {
  return doc.stages.map((s) => {
    const customer = s.actions.filter((a) => a.actor === 'customer');
    const textOf = new Map(customer.map((a) => [a.id, a.text]));
    return {
      stageId: s.id,
      name: s.name.trim() || 'Unnamed stage',
      customerGoal: s.customerGoal,
      customerActions: customer.map((a) => ({ text: a.text, leanClass: a.leanClass ?? '' })),
      sellerActions: s.actions
        .filter((a) => a.actor !== 'customer')
        .map((a) => ({ text: a.text, actor: a.actor, leanClass: a.leanClass ?? '', serves: a.serves.flatMap((id) => (textOf.has(id) ? [textOf.get(id)!] : [])) })),
      exitCriteria: s.exitCriteria.map((c) => c.text),
      daysPerVisit: valueOf.days(s.daysPerVisit),
      completeAndAccurate: valueOf.percent(s.completeAndAccurate),
    };
  });
}

function actionRows(doc: MapDocument, roomVotes: ReadonlyMap<string, number>): ReportActionRow[] {
  return doc.stages.flatMap((s) => {
    const textOf = new Map(s.actions.filter((a) => a.actor === 'customer').map((a) => [a.id, a.text]));
    return s.actions.map((a) => ({
      stage: s.name.trim() || 'Unnamed stage',
      actor: a.actor,
      text: a.text,
      leanClass: a.leanClass ?? '',
      serves: a.serves.flatMap((id) => (textOf.has(id) ? [textOf.get(id)!] : [])).join('; '),
      ownerRole: a.ownerRole,
      // Votes typed on the action plus those the room gave it in closed voting rounds.
      votes: a.votes + (roomVotes.get(a.id) ?? 0),
    }));
  });
}

function transitionRows(doc: MapDocument, names: Map<string, string>): ReportTransitionRow[] {
  const kinds = classifyTransitions(doc);
  const resolved = new Map([...resolveRates(doc).values()].flatMap((s) => s.outgoing.map((r) => [r.transitionId, r] as const)));
  return doc.transitions.flatMap((t) => {
    const r = resolved.get(t.id);
    if (!r) return [];
    const kind = kinds.get(t.id) ?? (r.targetIsOutcome ? 'exit' : 'forward');
    const conversion: ReportValue =
      r.rate === null ? unknown('percent', 'not entered') : { ...valueOf.percent(r.rate), text: `${formatPercent(r.rate)}${r.from === 'rest' ? ' (rest)' : ''}` };
    return [{ from: names.get(t.source)!, to: names.get(t.target)!, kind: kind === 'loop' ? 'loop back' : kind, label: t.label, conversion, source: r.from }];
  });
}

function uniqueLabels(missing: readonly MissingInput[]): string[] {
  return [...new Set(missing.map((m) => m.label))];
}

function problemText(problems: readonly FlowProblem[]): string {
  const errors = problems.filter((p) => p.code !== 'missing-conversion');
  return [...new Set((errors.length > 0 ? errors : problems).map((p) => p.message))].join(' ');
}

/** One figure as a row: its value when it has one, else what it needs or why it has none. */
function figureRow(name: string, figure: Figure, show: (value: number) => ReportValue, about: string): ReportFigureRow {
  const kind = show(0).kind;
  switch (figure.status) {
    case 'ok':
      return { name, value: show(figure.value), explanation: figure.formula };
    case 'missing': {
      const labels = uniqueLabels(figure.missing);
      const more = labels.length - NEEDS_SHOWN;
      const text = `needs: ${labels.slice(0, NEEDS_SHOWN).join('; ')}${more > 0 ? ` and ${more} more` : ''}`;
      const listed = labels.slice(0, NEEDS_LISTED).join('; ');
      const rest = labels.length - NEEDS_LISTED;
      return { name, value: unknown(kind, text), explanation: `${about} Still to enter: ${listed}${rest > 0 ? ` and ${rest} more` : ''}.` };
    }
    case 'not-defined':
      return { name, value: unknown(kind, figure.reason), explanation: about };
    case 'blocked':
      return { name, value: unknown(kind, `cannot be calculated: ${problemText(figure.problems)}`.trim()), explanation: about };
  }
}

function figureRows(doc: MapDocument, analysis: ProcessAnalysis): ReportFigureRow[] {
  const { figures } = analysis;
  const per = doc.process.period;
  const currency = doc.process.currency;
  const percent = (v: number) => valueOf.percent(v);
  const days = (v: number) => valueOf.days(v);
  const count = (v: number) => valueOf.count(v);
  const money = (v: number) => valueOf.money(v, currency);
  const gap = (v: number): ReportValue => ({
    ...valueOf.money(v, currency),
    text: v > 0 ? `${formatMoney(v, currency)} short of the target` : v < 0 ? `${formatMoney(-v, currency)} above the target` : 'On target',
  });
  const rows: ReportFigureRow[] = [
    figureRow('Win rate', figures.winRate, percent, 'The share of entering buyers who end in a Won outcome.'),
    figureRow('No-decision share', figures.noDecisionShare, percent, 'The share of entering buyers who end with no decision or stall.'),
    figureRow('Lost share', figures.lostShare, percent, 'The share of entering buyers who choose someone else.'),
  ];
  if (doc.outcomes.some((o) => o.kind === 'disqualified')) {
    rows.push(figureRow('Disqualified share', figures.disqualifiedShare, percent, 'The share of entering buyers who are disqualified.'));
  }
  rows.push(
    figureRow('Cycle time', figures.cycleTimeDays, days, 'Expected days from entry to any outcome.'),
    figureRow('Days to a win', figures.daysToWin, days, 'Expected days from entry to Won, for buyers who win.'),
    figureRow(`Wins per ${per}`, figures.winsPerPeriod, count, `Buyers entering per ${per} × win rate.`),
    figureRow(`Revenue per ${per}`, figures.revenuePerPeriod, money, `Wins per ${per} × average deal size: the revenue the process can produce.`),
    figureRow(`Gap to the revenue target per ${per}`, figures.revenueGap, gap, `Revenue target per ${per} − revenue per ${per}.`),
    figureRow(
      `Buyers needed per ${per}`,
      figures.entriesNeededPerPeriod,
      count,
      `Buyers who would have to enter per ${per} for today's process to meet the revenue target.`,
    ),
    figureRow('Rolled %C&A', analysis.rolledCompleteAndAccurate.figure, percent, 'The chance a deal passes every stage of the main path without rework.'),
  );
  const ratio = analysis.valueAddedRatio.overall;
  rows.push(
    ratio.ratio === null
      ? { name: 'Value-added ratio', value: unknown('percent', 'no actions yet'), explanation: 'Value actions ÷ all actions.' }
      : {
          name: 'Value-added ratio',
          value: valueOf.percent(ratio.ratio),
          explanation: `Value actions ÷ all actions: ${ratio.value} of ${ratio.total} (${ratio.necessary} necessary, ${ratio.waste} waste, ${ratio.unclassified} not classified).`,
        },
  );
  return rows;
}

function inputRows(doc: MapDocument, analysis: ProcessAnalysis, names: Map<string, string>): ReportFigureRow[] {
  const p = doc.process;
  const per = p.period;
  const entryId = analysis.figures.flow.entryStageId;
  const entry: ReportFigureRow =
    entryId === null || !names.has(entryId)
      ? { name: 'Entry stage', value: valueOf.text(UNKNOWN), explanation: 'Where buyers enter the journey; there is no stage to enter yet.' }
      : {
          name: 'Entry stage',
          value: valueOf.text(names.get(entryId)!),
          explanation: p.entryStageId === null ? 'Where buyers enter: the first stage no other stage leads to.' : 'Where buyers enter, as chosen by the team.',
        };
  const blank = (kind: ReportValue['kind']) => unknown(kind, 'not entered');
  return [
    entry,
    { name: 'Period', value: valueOf.text(per === 'month' ? 'Month' : 'Quarter'), explanation: 'The period of every per-period figure.' },
    {
      name: `Buyers entering per ${per}`,
      value: p.entriesPerPeriod === null ? blank('count') : valueOf.count(p.entriesPerPeriod),
      explanation: 'Buyers who enter the first stage each period.',
    },
    {
      name: 'Average deal size',
      value: p.averageDealSize === null ? blank('money') : valueOf.money(p.averageDealSize, p.currency),
      explanation: 'Revenue of one won deal, on average.',
    },
    {
      name: `Revenue target per ${per}`,
      value: p.revenueTarget === null ? blank('money') : valueOf.money(p.revenueTarget, p.currency),
      explanation: 'The revenue the team is asked to bring in each period.',
    },
    { name: 'Currency', value: valueOf.text(p.currency), explanation: 'The currency of every amount.' },
  ];
}

function bottlenecks(doc: MapDocument, analysis: ProcessAnalysis, names: Map<string, string>): Report['bottlenecks'] {
  const ranking = analysis.bottlenecks;
  const per = doc.process.period;
  if (!ranking.ok) {
    return { basis: 'The bottlenecks are ranked once the process figures can be calculated.', rows: [], problem: problemText(ranking.problems) || null };
  }
  const byWins = ranking.basis === 'wins-per-period';
  const gain = byWins
    ? `Gain: extra wins per ${per}, at ${formatNumber(ranking.entriesPerPeriod ?? 0, 1)} buyers entering per ${per}; the points are taken from what the stage loses today.`
    : `Gain: extra win rate, in percentage points; the points are taken from what the stage loses today. Enter the buyers entering per ${per} to count extra wins.`;
  const basis = `${bottleneckScope(ranking.step)} ${gain} Work on the top two first.`;
  const rows: ReportBottleneckRow[] = ranking.candidates.slice(0, BOTTLENECK_ROWS).map((c) => ({
    rank: c.rank,
    transition: `${names.get(c.sourceStageId) ?? UNKNOWN} → ${names.get(c.targetId) ?? UNKNOWN}`,
    currentRate: valueOf.percent(c.currentRate),
    newRate: valueOf.percent(c.newRate),
    gain:
      c.gain === null
        ? unknown(byWins ? 'count' : 'percent', `unknown: ${problemText(c.problems)}`.trim())
        : byWins
          ? { text: `+${formatNumber(c.gain, 2)}`, value: c.gain, kind: 'count' }
          : { text: formatPercentPoints(c.gain), value: c.gain, kind: 'percent' },
    top: c.top,
  }));
  return { basis, rows, problem: null };
}

const UNIT_TEXT: Record<Exclude<MetricUnit, 'currency'>, string> = { percent: '%', days: 'days', count: 'count' };

/** Readings are observations, not part of an agreement: those recorded after it say so. */
function readingNote(note: string, afterAgreement: boolean): string {
  if (!afterAgreement) return note;
  return note ? `${note} (recorded after agreement)` : 'Recorded after agreement';
}

function metricRows(
  doc: MapDocument,
  metrics: readonly Metric[],
  names: Map<string, string>,
  signOff: ReportInput['signOff'],
): ReportMetricRow[] {
  const currency = doc.process.currency;
  const transitions = new Map(doc.transitions.map((t) => [t.id, t]));
  return metrics.map((m) => {
    const a = m.attachTo;
    let attachedTo = 'Whole process';
    if (a.kind === 'stage') attachedTo = `Stage: ${names.get(a.stageId) ?? '(removed)'}`;
    if (a.kind === 'transition') {
      const t = transitions.get(a.transitionId);
      attachedTo = t ? `Transition: ${names.get(t.source) ?? UNKNOWN} → ${names.get(t.target) ?? UNKNOWN}` : 'Transition: (removed)';
    }
    return {
      name: m.name,
      question: m.question,
      definition: m.definition,
      attachedTo,
      unit: m.unit === 'currency' ? currency : UNIT_TEXT[m.unit],
      kind: METRIC_KIND_LABELS[m.kind],
      dataSource: m.dataSource,
      ownerRole: m.ownerRole,
      cadence: m.cadence.charAt(0).toUpperCase() + m.cadence.slice(1),
      baseline: metricValue(m.baseline, m.unit, currency),
      target: metricValue(m.target, m.unit, currency),
      readings: m.readings.map((r) => ({
        date: r.date,
        value: metricValue(r.value, m.unit, currency),
        note: readingNote(r.note, recordedAfterAgreement(r.recordedAt, signOff)),
      })),
    };
  });
}

export { metricValue };

export function buildReport(input: ReportInput): Report {
  const doc = input.document;
  const analysis = analyseProcess(doc, { metrics: input.metrics });
  const names = nodeNames(doc);
  const title = input.meta.title.trim() || 'Leanmap report';
  const reportCover = cover(input);
  const figures = figureRows(doc, analysis);
  const inputs = inputRows(doc, analysis, names);
  const ranking = bottlenecks(doc, analysis, names);
  const today = isoDate(input.generatedAt);
  const session = input.session ?? null;
  const roomVotes = votesByTarget(session?.rounds ?? []);
  // An idea's votes: typed on it plus the room's in closed rounds; they also break ranking ties.
  const improvements = (input.improvements ?? []).map((x) => ({ ...x, votes: x.votes + (roomVotes.get(x.id) ?? 0) }));
  const ranked = rankForReport(doc, improvements);
  // A stage's votes: on the stage itself and on its pain points.
  const stageVotes = new Map(doc.stages.map((st) => [st.id, (roomVotes.get(st.id) ?? 0) + (roomVotes.get(painPointTargetId(st.id)) ?? 0)]));
  const actionNames = new Map(doc.stages.flatMap((st) => st.actions.map((a) => [a.id, a.text] as const)));
  const ideaNames = new Map(improvements.map((x) => [x.id, x.idea] as const));
  const nameOf = (id: string) => names.get(id) ?? actionNames.get(id) ?? ideaNames.get(id) ?? 'no longer on this map';
  return {
    draft: input.signOff === null,
    cover: reportCover,
    executiveSummary: executiveSummaryTable({
      cover: reportCover,
      figures,
      inputs,
      bottlenecks: ranking.rows,
      ranked,
      period: doc.process.period,
      today,
    }),
    improvementPlan: improvementPlanTable(ranked, { doc, metrics: input.metrics, names, today }),
    map: layoutReportMap(doc, { metrics: input.textMetrics, bottlenecks: analysis.bottlenecks }),
    stages: stageRows(doc),
    stageDetails: stageDetailsTable(doc.stages, stageVotes),
    actions: actionRows(doc, roomVotes),
    transitions: transitionRows(doc, names),
    inputs,
    figures,
    bottlenecks: ranking,
    measurementPlan: metricRows(doc, input.metrics, names, input.signOff),
    checks: analysis.checks.map((c) => ({ severity: c.severity, message: c.message })),
    records: [decisionsTable(session?.decisions ?? [], nameOf), parkingLotTable(session?.parkingLot ?? [], nameOf), votingTable(session?.rounds ?? [])],
    fileStem: `${title} – ${input.versionName.trim() || 'Map'}`,
    currency: doc.process.currency,
    period: doc.process.period,
    ...(input.source
      ? {
          comparison: buildComparison({
            source: input.source,
            versionName: input.versionName,
            document: doc,
            relation: 'source',
            textMetrics: input.textMetrics,
          }),
        }
      : {}),
  };
}
