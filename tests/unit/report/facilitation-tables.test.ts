// The facilitation records in the report: the decision log, the parking lot and the
// voting rounds as one table each (so every format prints the same), and the room's
// votes listed where the voted stage or action is listed.
import { describe, expect, it } from 'vitest';
import { initialSession, painPointTargetId, type SessionRecords } from '../../../src-shared/domain/facilitation';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { renderCsvFiles } from '../../../src-shared/domain/report/csv-writer';
import { renderHtml } from '../../../src-shared/domain/report/html-writer';
import { renderMarkdown } from '../../../src-shared/domain/report/markdown-writer';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { aReportInput } from '../../fixtures/factories';
import { anImprovement } from '../../fixtures/improvements';

let n = 0;
const ids = () => `id-${++n}`;

function aRunWorkshop(stageId: string, actionId: string): SessionRecords {
  return {
    ...initialSession(ids),
    decisions: [
      { id: 'd1', what: 'Qualify with three questions', date: '2027-03-01', by: ['Sam Okafor'], links: [{ kind: 'stage', id: stageId }], status: 'superseded', supersededBy: 'd2', reason: '' },
      { id: 'd2', what: 'Qualify with two questions', date: '2027-03-02', by: ['Ana Lima', 'Sam Okafor'], links: [], status: 'active', supersededBy: null, reason: '' },
      { id: 'd3', what: 'Drop the demo', date: '2027-03-02', by: [], links: [], status: 'reversed', supersededBy: null, reason: 'Buyers ask for it' },
    ],
    parkingLot: [
      { id: 'p1', text: 'Legal review takes weeks', link: { kind: 'stage', id: stageId }, status: 'converted', convertedTo: { kind: 'action', id: actionId }, createdAt: '2027-03-01T09:00:00.000Z' },
      { id: 'p2', text: 'Pricing page', link: null, status: 'open', convertedTo: null, createdAt: '2027-03-01T09:05:00.000Z' },
    ],
    rounds: [
      {
        id: 'r1',
        question: 'Where do buyers get stuck?',
        votesPerPerson: 3,
        targets: [
          { kind: 'stage', id: stageId, label: 'First stage' },
          { kind: 'pain-point', id: painPointTargetId(stageId), label: 'Its pain points' },
          { kind: 'action', id: actionId, label: 'An action' },
        ],
        counts: { [stageId]: 4, [painPointTargetId(stageId)]: 2, [actionId]: 3 },
        status: 'closed',
        revealed: true,
        results: [
          { target: { kind: 'stage', id: stageId, label: 'First stage' }, votes: 4, rank: 1 },
          { target: { kind: 'action', id: actionId, label: 'An action' }, votes: 3, rank: 2 },
          { target: { kind: 'pain-point', id: painPointTargetId(stageId), label: 'Its pain points' }, votes: 2, rank: 3 },
        ],
      },
    ],
  };
}

function aReport() {
  const input = aReportInput();
  const stage = input.document.stages[0]!;
  const action = stage.actions[0]!;
  const report = buildReport({ ...input, session: aRunWorkshop(stage.id, action.id) });
  return { report, stage, action };
}

describe('the facilitation records in the report', () => {
  it('prints the decision log with who decided, what it is about and what replaced or reversed it', () => {
    const { report, stage } = aReport();
    const decisions = report.records.find((t) => t.id === 'decisions')!;
    expect(decisions.columns.map((c) => c.header)).toEqual(['Decision', 'Date', 'Decided by', 'About', 'Status']);
    expect(decisions.rows).toEqual([
      ['Qualify with three questions', '2027-03-01', 'Sam Okafor', stage.name, 'Superseded by: Qualify with two questions'],
      ['Qualify with two questions', '2027-03-02', 'Ana Lima, Sam Okafor', '', 'Active'],
      ['Drop the demo', '2027-03-02', '', '', 'Reversed: Buyers ask for it'],
    ]);
  });

  it('prints the parking lot with what each topic became', () => {
    const { report, stage, action } = aReport();
    const parking = report.records.find((t) => t.id === 'parking-lot')!;
    expect(parking.rows).toEqual([
      ['Legal review takes weeks', stage.name, 'Converted', `Stage action: ${action.text}`],
      ['Pricing page', '', 'Open', ''],
    ]);
  });

  it('lists the votes where the voted object is listed: the action row, and a Votes column for the stage (its pain points included)', () => {
    const { report, stage, action } = aReport();
    const actionRow = report.actions.find((a) => a.text === action.text)!;
    expect(actionRow.votes).toBe(action.votes + 3);
    expect(report.stageDetails.columns.at(-1)!.header).toBe('Votes');
    expect(report.stageDetails.rows.find((r) => r[0] === stage.name)!.at(-1)).toBe('6');
    expect(report.records.find((t) => t.id === 'votes')!.rows[0]).toEqual(['Where do buyers get stuck? (3 per person)', '1', 'First stage', '4']);
  });

  it('lists an idea’s votes in the improvement plan (typed plus the room’s), names it in the decision log and the parking lot, and lets the votes break a tie', () => {
    const input = aReportInput();
    const quick = anImprovement({ id: 'i-quick', idea: 'Quick win', votes: 1 });
    const voted = anImprovement({ id: 'i-voted', idea: 'Room favourite', votes: 0 });
    const base = aRunWorkshop(input.document.stages[0]!.id, input.document.stages[0]!.actions[0]!.id);
    const session: SessionRecords = {
      ...base,
      rounds: [
        {
          id: 'r2',
          question: 'Which idea first?',
          votesPerPerson: 2,
          targets: [{ kind: 'improvement', id: 'i-voted', label: 'Room favourite' }],
          counts: { 'i-voted': 5 },
          status: 'closed',
          revealed: false,
          results: [{ target: { kind: 'improvement', id: 'i-voted', label: 'Room favourite' }, votes: 5, rank: 1 }],
        },
      ],
      parkingLot: [{ ...base.parkingLot[0]!, convertedTo: { kind: 'improvement', id: 'i-quick' } }],
      decisions: [{ ...base.decisions[1]!, links: [{ kind: 'improvement', id: 'i-voted' }] }],
    };
    const report = buildReport({ ...input, improvements: [quick, voted], session });
    const plan = report.improvementPlan;
    const at = (header: string) => plan.columns.findIndex((c) => c.header === header);
    // Neither has a modelled gain or scores: votes decide, 5 (room) against 1 (typed).
    expect(plan.rows.map((r) => [r[at('Improvement')]!.text, r[at('Votes')]])).toEqual([
      ['Room favourite', { text: '5', value: 5, kind: 'count' }],
      ['Quick win', { text: '1', value: 1, kind: 'count' }],
    ]);
    expect(report.records.find((t) => t.id === 'decisions')!.rows[0]![3]).toBe('Room favourite');
    expect(report.records.find((t) => t.id === 'parking-lot')!.rows[0]![3]).toBe('Improvement idea: Quick win');
  });

  it('is in the Markdown, the HTML and a CSV file each, and says so when nothing was recorded', () => {
    const { report } = aReport();
    expect(renderMarkdown(report)).toContain('## Decisions');
    expect(renderHtml(report, exportTextMetrics)).toContain('Legal review takes weeks');
    const csv = renderCsvFiles(report).map((f) => f.name);
    expect(csv).toEqual(expect.arrayContaining(['decisions.csv', 'parking-lot.csv', 'votes.csv']));
    const empty = buildReport(aReportInput());
    expect(empty.records.map((t) => [t.id, t.rows.length])).toEqual([['decisions', 0], ['parking-lot', 0], ['votes', 0]]);
    expect(renderMarkdown(empty)).toContain('No decisions were logged.');
  });
});
