// The report model: what a leader receives, built from one map version, its
// workshop and its measurement plan, with every figure explained or its gaps named.
import { describe, expect, it } from 'vitest';
import b2bTemplate from '../../../resources/templates/b2b-buying-journey.json';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import type { Report } from '../../../src-shared/domain/report/report-model';
import { templateDocument } from '../../../src-shared/domain/templates';
import {
  aChainMap,
  aCustomerAction,
  aMapDocument,
  aMetric,
  aReading,
  aReportInput,
  aSellerAction,
  aSignOff,
  aStage,
  aTypedB2bTemplate,
  aWorkshopMeta,
  anExitCriterion,
  aRatedTransition,
  anOutcome,
} from '../../fixtures/factories';

const figure = (report: Report, name: string) => report.figures.find((f) => f.name === name)!;
const input = (report: Report, name: string) => report.inputs.find((f) => f.name === name)!;

/** The template's own transition id ("t-3-4") for each transition of a templateDocument copy. */
function templateIds(doc: MapDocument): Map<string, string> {
  return new Map(doc.transitions.map((t, i) => [t.id, b2bTemplate.transitions[i]!.id]));
}

describe('a report of an empty workshop', () => {
  const report = buildReport(aReportInput({ meta: aWorkshopMeta({ date: '' }), document: templateDocument('blank'), metrics: [] }));

  it('is a draft with a cover and no tables', () => {
    expect(report.draft).toBe(true);
    expect(report.cover).toMatchObject({ title: 'Pipeline review', organisation: 'Acme Industrial', status: 'draft', signOff: null, versionName: 'Current state' });
    expect(report.stages).toEqual([]);
    expect(report.actions).toEqual([]);
    expect(report.transitions).toEqual([]);
    expect(report.measurementPlan).toEqual([]);
    expect(report.checks).toEqual([]);
  });

  it('draws an empty picture of a sensible size', () => {
    expect(report.map.nodes).toEqual([]);
    expect(report.map.edges).toEqual([]);
    expect(report.map.width).toBeGreaterThan(100);
    expect(report.map.height).toBeGreaterThan(100);
  });

  it('says why there are no figures instead of showing numbers', () => {
    for (const row of report.figures) expect(row.value.value).toBeNull();
    expect(figure(report, 'Win rate').value.text).toMatch(/^cannot be calculated: .+/);
    expect(figure(report, 'Value-added ratio').value.text).toBe('no actions yet');
    expect(report.bottlenecks.rows).toEqual([]);
    expect(report.bottlenecks.problem).not.toBeNull();
  });

  it('names its files after the title and the map version', () => {
    expect(report.fileStem).toBe('Pipeline review – Current state');
  });
});

describe('a report of the B2B template with rates', () => {
  const doc = aTypedB2bTemplate();
  const ids = templateIds(doc);
  const report = buildReport(aReportInput({ document: doc }));

  it('lists the stages with the text of the customer actions each seller action serves', () => {
    expect(report.stages.map((s) => s.name)).toEqual(doc.stages.map((s) => s.name));
    const compare = report.stages.find((s) => s.name === 'Compare options')!;
    expect(compare.customerActions.map((a) => a.text)).toContain('Asks for demonstrations and references');
    expect(compare.sellerActions).toContainEqual({
      text: 'Sets up a trial',
      actor: 'seller',
      leanClass: 'value',
      serves: ['Tests options with own data'],
    });
    expect(compare.exitCriteria).toEqual(['Runs a trial with own data', 'Confirms we are on the shortlist']);
    expect(compare.daysPerVisit).toEqual({ text: '15 days', value: 15, kind: 'days' });
    expect(compare.completeAndAccurate).toEqual({ text: '70 %', value: expect.closeTo(0.7, 12), kind: 'percent' });
  });

  it('lists every action with its stage and what it helps', () => {
    expect(report.actions).toHaveLength(doc.stages.reduce((n, s) => n + s.actions.length, 0));
    expect(report.actions).toContainEqual(
      expect.objectContaining({ stage: 'Compare options', actor: 'seller', text: 'Sets up a trial', serves: 'Tests options with own data' }),
    );
  });

  it('classifies the transitions and shows where each rate comes from', () => {
    const byTemplateId = new Map(doc.transitions.map((t, i) => [ids.get(t.id)!, report.transitions[i]!]));
    expect(byTemplateId.get('t-3-4')).toMatchObject({ from: 'Compare options', to: 'Build the business case', kind: 'forward', source: 'entered' });
    expect(byTemplateId.get('t-4-3')).toMatchObject({ kind: 'loop back', label: 'Re-evaluate', conversion: { text: '20 %', kind: 'percent' } });
    expect(byTemplateId.get('t-5-lost')).toMatchObject({ kind: 'exit', source: 'rest', conversion: { text: '45 % (rest)', value: expect.closeTo(0.45, 12) } });
  });

  it('shows the process inputs', () => {
    expect(input(report, 'Entry stage').value.text).toBe('Recognise the problem');
    expect(input(report, 'Buyers entering per month').value).toEqual({ text: '400', value: 400, kind: 'count' });
    expect(input(report, 'Average deal size').value).toEqual({ text: '25,000 EUR', value: 25_000, kind: 'money' });
    expect(input(report, 'Revenue target per month').value).toEqual({ text: '1,000,000 EUR', value: 1_000_000, kind: 'money' });
    expect(input(report, 'Currency').value.text).toBe('EUR');
  });

  it('gives the figures worked by hand: 7.7 % win rate, 30.8 wins, 770 000 EUR, 230 000 short', () => {
    expect(figure(report, 'Win rate').value).toEqual({ text: '7.7 %', value: expect.closeTo(0.077, 12), kind: 'percent' });
    expect(figure(report, 'Wins per month').value).toMatchObject({ text: '30.8', value: expect.closeTo(30.8, 9) });
    expect(figure(report, 'Revenue per month').value).toMatchObject({ text: '770,000 EUR', kind: 'money' });
    expect(figure(report, 'Gap to the revenue target per month').value).toMatchObject({ text: '230,000 EUR short of the target', value: expect.closeTo(230_000, 6) });
    expect(figure(report, 'Buyers needed per month').value.text).toBe('519.5');
    expect(figure(report, 'Rolled %C&A').value.text).toBe('15.1 %');
    expect(figure(report, 'Win rate').explanation).toContain('B[entry, Won]');
  });

  it('ranks the bottlenecks and marks the top two', () => {
    const { rows, basis, problem } = report.bottlenecks;
    expect(problem).toBeNull();
    expect(basis).toContain('Ranked: each forward transition (to a later stage) and each transition to Won');
    expect(basis).toContain('Loops back are not ranked: sending more buyers back is more rework, not an improvement');
    expect(basis).toContain('Gain: extra wins per month');
    expect(rows.map((r) => r.transition)).toEqual([
      'Compare options → Build the business case',
      'Decide and commit → Won',
      'Define what good looks like → Compare options',
      'Build the business case → Decide and commit',
      'Recognise the problem → Define what good looks like',
    ]);
    expect(rows[0]).toMatchObject({ rank: 1, top: true, currentRate: { text: '50 %' }, newRate: { text: '60 %' }, gain: { text: '+7', kind: 'count' } });
    expect(rows.filter((r) => r.top)).toHaveLength(2);
  });

  it('marks the top two bottlenecks on the map', () => {
    const ranked = report.map.edges.filter((e) => e.bottleneckRank !== null).map((e) => [ids.get(e.id), e.bottleneckRank]);
    expect(ranked.sort()).toEqual([
      ['t-3-4', 1],
      ['t-5-won', 2],
    ]);
  });

  it('names its files after the title and the map version', () => {
    expect(report.fileStem).toBe('Pipeline review – Current state');
    expect(report.currency).toBe('EUR');
    expect(report.period).toBe('month');
  });
});

describe('figures that cannot be worked out yet', () => {
  it('name the inputs they still need', () => {
    const report = buildReport(aReportInput({ document: templateDocument('b2b-buying-journey') }));
    const winRate = figure(report, 'Win rate');
    expect(winRate.value.value).toBeNull();
    expect(winRate.value.text).toMatch(/^needs: Conversion rate from "Recognise the problem" to "Define what good looks like"; .+ and \d+ more$/);
    expect(winRate.explanation).toContain('Still to enter:');
    expect(figure(report, 'Revenue per month').explanation).toContain('Average deal size');
  });

  it('give the reason when a figure means nothing', () => {
    const { doc, stages, won } = aChainMap(1);
    const lost = anOutcome('lost');
    const nobodyWins: MapDocument = { ...doc, outcomes: [won, lost], transitions: [aRatedTransition(stages[0]!, won, 0), aRatedTransition(stages[0]!, lost, 1)] };
    const report = buildReport(aReportInput({ document: { ...nobodyWins, stages: [{ ...stages[0]!, daysPerVisit: 3 }] } }));
    expect(figure(report, 'Days to a win').value).toMatchObject({ value: null, text: expect.stringContaining('No buyer reaches a Won outcome') });
  });

  it('are blocked, with the map error, when rates add up to more than 100 %', () => {
    const stage = aStage({ name: 'Compare options' });
    const won = anOutcome('won');
    const lost = anOutcome('lost');
    const doc = aMapDocument({ stages: [stage], outcomes: [won, lost], transitions: [aRatedTransition(stage, won, 0.7), aRatedTransition(stage, lost, 0.6)] });
    const report = buildReport(aReportInput({ document: doc }));
    expect(figure(report, 'Win rate').value.text).toMatch(/^cannot be calculated: .*130 %/);
    expect(report.map.nodes[0]!.error).toBe('Ways out add up to 130 %');
    expect(report.checks).toContainEqual(expect.objectContaining({ severity: 'error' }));
  });
});

describe('the cover', () => {
  it('carries the sign-off and is no draft once the version is agreed', () => {
    const report = buildReport(aReportInput({ signOff: aSignOff({ agreedBy: ['Robin', 'Ana Lima'] }) }));
    expect(report.draft).toBe(false);
    expect(report.cover.status).toBe('agreed');
    expect(report.cover.signOff).toEqual({ agreedAt: '2026-11-23T16:30:00.000Z', agreedBy: ['Robin', 'Ana Lima'] });
  });

  it('lists the participants with their roles', () => {
    const report = buildReport(aReportInput());
    expect(report.cover.participants).toEqual([
      { name: 'Sam Okafor', role: 'Sales manager' },
      { name: 'Ana Lima', role: 'Account executive' },
    ]);
  });
});

describe('the measurement plan', () => {
  it('formats baselines, targets and readings in the metric unit', () => {
    const stage = aStage({ name: 'Compare options' });
    const metrics = [
      aMetric({ name: 'Trial rate', unit: 'percent', baseline: 35, target: 50, readings: [aReading('2027-01-31', 38.25, 'first month')] }),
      aMetric({ name: 'Days in comparison', unit: 'days', baseline: 21, target: 14, attachTo: { kind: 'stage', stageId: stage.id } }),
      aMetric({ name: 'Deal size', unit: 'currency', baseline: 12_500.5, target: null }),
      aMetric({ name: 'Trials run', unit: 'count', baseline: 1200, target: 1500 }),
    ];
    const report = buildReport(aReportInput({ document: aMapDocument({ stages: [stage], process: { currency: 'CHF' } }), metrics }));
    const [rate, days, size, count] = report.measurementPlan;
    expect(rate).toMatchObject({ unit: '%', attachedTo: 'Whole process', cadence: 'Monthly', kind: 'Process', baseline: { text: '35 %', value: 0.35, kind: 'percent' } });
    expect(rate!.readings).toEqual([{ date: '2027-01-31', value: { text: '38.25 %', value: expect.closeTo(0.3825, 12), kind: 'percent' }, note: 'first month' }]);
    expect(days).toMatchObject({ unit: 'days', attachedTo: 'Stage: Compare options', target: { text: '14 days', value: 14 } });
    expect(size).toMatchObject({ unit: 'CHF', baseline: { text: '12,501 CHF', value: 12_500.5, kind: 'money' }, target: { text: '—', value: null } });
    expect(count!.baseline).toEqual({ text: '1,200', value: 1200, kind: 'count' });
  });

  it('names the transition a metric is attached to', () => {
    const { doc, transitions } = aChainMap(2);
    const report = buildReport(aReportInput({ document: doc, metrics: [aMetric({ attachTo: { kind: 'transition', transitionId: transitions[0]!.id } })] }));
    expect(report.measurementPlan[0]!.attachedTo).toBe('Transition: Stage 1 → Stage 2');
  });

  it('turns the checks on metrics into report checks', () => {
    const report = buildReport(aReportInput({ metrics: [aMetric({ name: 'Win rate per rep', ownerRole: '' })] }));
    expect(report.checks.map((c) => c.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('ranks individual people'), expect.stringContaining('has no owner')]),
    );
  });
});

describe('a seller action that serves a customer action', () => {
  it('shows the text of the customer action, not its id', () => {
    const customer = aCustomerAction('Shares current cost figures');
    const stage = aStage({ actions: [customer, aSellerAction('Sends a cost template', [customer])], exitCriteria: [anExitCriterion()] });
    const report = buildReport(aReportInput({ document: aMapDocument({ stages: [stage] }) }));
    expect(report.stages[0]!.sellerActions[0]!.serves).toEqual(['Shares current cost figures']);
    expect(report.actions[1]!.serves).toBe('Shares current cost figures');
  });
});

describe('a huge map', () => {
  it('of 200 stages builds, with every stage on the picture and in the table', () => {
    const { doc, transitions } = aChainMap(200, { filled: true });
    const rated = { ...doc, transitions: transitions.map((t) => ({ ...t, conversionRate: 0.98 })), process: { ...doc.process, entriesPerPeriod: 1000 } };
    const report = buildReport(aReportInput({ document: rated }));
    expect(report.stages).toHaveLength(200);
    expect(report.map.nodes.filter((n) => n.kind === 'stage')).toHaveLength(200);
    expect(report.map.edges).toHaveLength(200);
    expect(report.bottlenecks.rows).toHaveLength(10);
    expect(figure(report, 'Win rate').value.value).toBeCloseTo(0.98 ** 200, 12);
  });
});
