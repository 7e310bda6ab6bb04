// The executive summary, the first section of every report, defined here once: what a
// leader needs on one page (win rate, revenue against target and the gap, the top two
// bottlenecks, the top two improvements with owner, predicted gain and review date, and
// whether the map is agreed). Every writer prints these rows (XLSX with typed cells).
import { inProgress } from '../improvement';
import { gainCell, statusText, type RankedForReport } from './improvement-plan';
import type { ReportBottleneckRow, ReportCell, ReportCover, ReportDataTable, ReportFigureRow, ReportValue } from './report-model';
import { formatTimestamp, UNKNOWN } from './format';

/** A sign-off's day as typed (YYYY-MM-DD); an older file's timestamp in words. */
const dayOf = (at: string) => (/^\d{4}-\d{2}-\d{2}$/.test(at) ? at : formatTimestamp(at));

export const EXECUTIVE_SUMMARY_HEADERS = ['Topic', 'Value', 'What it means'] as const;

const text = (t: string): ReportValue => ({ text: t, value: null, kind: 'text' });

/**
 * The two improvements a leader should know about: those in progress (planned or on
 * trial) in rank order, then the best-ranked open ideas; never adopted or dropped ones.
 */
export function topTwoImprovements(ranked: readonly RankedForReport[]): RankedForReport[] {
  const going = ranked.filter((r) => inProgress(r.status));
  const ideas = ranked.filter((r) => r.status === 'idea');
  return [...going, ...ideas].slice(0, 2);
}

export interface ExecutiveSummaryInput {
  cover: ReportCover;
  /** The report's figure rows (Win rate, Revenue per period, Gap…), found by name. */
  figures: readonly ReportFigureRow[];
  inputs: readonly ReportFigureRow[];
  bottlenecks: readonly ReportBottleneckRow[];
  ranked: readonly RankedForReport[];
  period: 'month' | 'quarter';
  today: string;
}

export function executiveSummaryTable(input: ExecutiveSummaryInput): ReportDataTable {
  const { cover, period } = input;
  const figure = (name: string) => input.figures.find((f) => f.name === name) ?? input.inputs.find((f) => f.name === name);
  const row = (topic: string, value: ReportCell, meaning: string): ReportCell[] => [text(topic), value, text(meaning)];
  const rows: ReportCell[][] = [];

  rows.push(
    cover.signOff
      ? row('Status', text('Agreed'), `The map "${cover.versionName}" was agreed on ${dayOf(cover.signOff.agreedAt)}${cover.signOff.agreedBy.length ? ` by ${cover.signOff.agreedBy.join(', ')}` : ''}.`)
      : row('Status', text('Draft'), `The map "${cover.versionName}" is a draft: not yet agreed by the team.`),
  );
  const winRate = figure('Win rate');
  rows.push(row('Win rate', winRate?.value ?? text(UNKNOWN), 'The share of entering buyers who end in a Won outcome.'));
  const revenue = figure(`Revenue per ${period}`);
  const target = figure(`Revenue target per ${period}`);
  rows.push(
    row(
      `Revenue per ${period}`,
      revenue?.value ?? text(UNKNOWN),
      target && target.value.value !== null ? `Against a target of ${target.value.text} per ${period}.` : `No revenue target per ${period} entered yet.`,
    ),
  );
  const gap = figure(`Gap to the revenue target per ${period}`);
  rows.push(row('Gap to target', gap?.value ?? text(UNKNOWN), 'What the process would still have to bring in per period to meet the target.'));

  const bottlenecks = input.bottlenecks.filter((b) => b.top).slice(0, 2);
  if (bottlenecks.length === 0) rows.push(row('Bottlenecks', text(UNKNOWN), 'The bottlenecks are ranked once the process figures can be calculated.'));
  bottlenecks.forEach((b, i) =>
    rows.push(
      row(
        `Bottleneck ${i + 1}`,
        // The value says its unit, as the improvements' do: a bare "+4.75" means nothing to a leader.
        b.gain.value === null ? b.gain : { ...b.gain, text: b.gain.kind === 'count' ? `${b.gain.text} wins a ${period}` : b.gain.text },
        `${b.transition}: ${b.currentRate.text} today; raised to ${b.newRate.text} it would add ${b.gain.text}${b.gain.kind === 'count' ? ` wins a ${period}` : ' to the win rate'}.`,
      ),
    ),
  );

  const top = topTwoImprovements(input.ranked);
  if (top.length === 0) rows.push(row('Improvements', text(UNKNOWN), 'No improvements were proposed yet.'));
  top.forEach((item, i) => {
    const owner = item.ownerRole.trim() ? `owner ${item.ownerRole}` : 'no owner yet';
    const review = item.reviewDate ? `review ${item.reviewDate}` : 'no review date yet';
    const gain = gainCell(item, period);
    // The predicted gain is the value beside; without one, say what is missing instead.
    const predicted = gain.value === null ? ` ${item.missing ?? ''}` : '';
    rows.push(
      row(
        `Improvement ${i + 1}`,
        gain.value === null ? text(UNKNOWN) : gain,
        `${item.idea} — ${statusText(item, input.today)}; ${owner}; ${review}.${predicted}`.trimEnd(),
      ),
    );
  });

  // More than two in progress only by an override: a leader sees which, and why.
  const beyond = input.ranked.filter((r) => inProgress(r.status) && !top.includes(r));
  if (beyond.length > 0) {
    const list = beyond.map((r) => `${r.idea}${r.focusOverrideReason ? ` (focus limit overridden: ${r.focusOverrideReason})` : ''}`);
    rows.push(row('Also in progress', text(String(beyond.length)), `${list.join('; ')}.`));
  }

  return {
    id: 'executive-summary',
    title: 'Executive summary',
    intro: `${cover.title.trim() || 'This workshop'}: where the sales process stands, what holds it back and what the team is changing.`,
    empty: '',
    columns: [
      { header: EXECUTIVE_SUMMARY_HEADERS[0], weight: 1.4 },
      { header: EXECUTIVE_SUMMARY_HEADERS[1], weight: 1.6 },
      { header: EXECUTIVE_SUMMARY_HEADERS[2], weight: 4.5 },
    ],
    rows,
  };
}
