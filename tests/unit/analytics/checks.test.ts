// The checks that keep a map honest: each one fires on the thing it names, says why
// in plain words, and stays quiet on a well-made map.
import { describe, expect, it } from 'vitest';
import { checkMap, checkMetrics, type MapCheck } from '../../../src-shared/domain/analytics';
import {
  aCheckableMetric,
  aCustomerAction,
  aFilledStage,
  aMapDocument,
  aRatedTransition as rated,
  aSellerAction,
  anExitCriterion,
  anOutcome,
  aStage,
} from '../../fixtures/factories';

const codes = (checks: MapCheck[]) => checks.map((c) => c.code);

describe('a well-made map', () => {
  it('raises no check', () => {
    const a = aFilledStage('Recognise the problem');
    const b = aFilledStage('Compare options');
    const won = anOutcome('won');
    const doc = aMapDocument({ stages: [a, b], outcomes: [won], transitions: [rated(a, b, 0.6), rated(b, won, 0.4)] });
    expect(checkMap(doc, [aCheckableMetric()])).toEqual([]);
  });
});

describe('stage checks', () => {
  it('points out a stage with no customer action', () => {
    const stage = aFilledStage('Compare options', { actions: [aSellerAction('Sends a comparison sheet')] });
    const checks = checkMap(aMapDocument({ stages: [stage] }));
    expect(checks).toContainEqual({
      code: 'stage-without-customer-action',
      severity: 'warning',
      message: expect.stringContaining('"Compare options" has no customer action'),
      target: { kind: 'stage', id: stage.id },
    });
  });

  it('points out a stage with no exit criteria, asking for something the customer does', () => {
    const stage = aFilledStage('Compare options', { exitCriteria: [] });
    expect(checkMap(aMapDocument({ stages: [stage] }))).toEqual([
      expect.objectContaining({ code: 'stage-without-exit-criteria', message: expect.stringContaining('something the customer does'), target: { kind: 'stage', id: stage.id } }),
    ]);
  });

  it('points out each seller action that helps no customer action, naming it', () => {
    const customer = aCustomerAction('Compares three suppliers');
    const helping = aSellerAction('Sends a comparison sheet', [customer]);
    const orphan = aSellerAction('Sends the brochure');
    const stage = aStage({ name: 'Compare options', actions: [customer, helping, orphan], exitCriteria: [anExitCriterion()] });
    expect(checkMap(aMapDocument({ stages: [stage] }))).toEqual([
      {
        code: 'seller-action-serves-no-customer-action',
        severity: 'warning',
        message: 'The seller action "Sends the brochure" in "Compare options" helps no customer action. Link it to the customer action it exists to help, or consider whether it is waste.',
        target: { kind: 'stage', id: stage.id, actionIds: [orphan.id] },
      },
    ]);
  });

  it.each(['Prospecting', 'Pitch', 'Qualification', 'Closing', 'Proposal', 'Negotiation', 'Follow-up', 'Follow up calls', 'Lead generation', 'Upsell', 'Cold call', 'Product demo', 'DEMO'])(
    'points out the seller-centric stage name "%s", and why',
    (name) => {
      const stage = aFilledStage(name);
      expect(checkMap(aMapDocument({ stages: [stage] }))).toEqual([
        expect.objectContaining({ code: 'seller-centric-stage-name', severity: 'warning', message: expect.stringContaining("from the buyer's side"), target: { kind: 'stage', id: stage.id } }),
      ]);
    },
  );

  it.each(['Recognise the problem', 'Compare options', 'Disclose the budget', 'Leadership buys in', 'Enclose references', 'Pitchfork'])(
    'leaves the customer-centric name "%s" alone: keywords match whole words only',
    (name) => {
      expect(codes(checkMap(aMapDocument({ stages: [aFilledStage(name)] })))).toEqual([]);
    },
  );

  it('quotes the word that made a name seller-centric', () => {
    const [check] = checkMap(aMapDocument({ stages: [aFilledStage('Send proposal')] }));
    expect(check?.message).toContain('("proposal")');
  });

  it('flags rates out of a stage above 100 % as an error, with the transitions', () => {
    const a = aFilledStage('Compare options');
    const b = aFilledStage('Decide');
    const lost = anOutcome('lost');
    const toB = rated(a, b, 0.7);
    const toLost = rated(a, lost, 0.45);
    const checks = checkMap(aMapDocument({ stages: [a, b], outcomes: [lost], transitions: [toB, toLost, rated(b, lost, null)] }));
    expect(checks).toEqual([
      {
        code: 'rates-exceed-100',
        severity: 'error',
        message: expect.stringContaining('The rates out of "Compare options" add up to 115 %'),
        target: { kind: 'stage', id: a.id, transitionIds: [toB.id, toLost.id] },
      },
    ]);
  });

  it('checks stages buyers cannot reach as well: the map is being drawn', () => {
    const a = aFilledStage('A');
    const orphan = aFilledStage('Orphan', { exitCriteria: [] });
    expect(checkMap(aMapDocument({ stages: [a, orphan] })).map((c) => c.target)).toEqual([{ kind: 'stage', id: orphan.id }]);
  });
});

describe('metric checks', () => {
  it('points out a metric with no owner, no baseline or no target, one check each', () => {
    const metric = aCheckableMetric({ name: 'Cycle time', ownerRole: '  ', baseline: null, target: null });
    expect(checkMetrics([metric])).toEqual([
      { code: 'metric-without-owner', severity: 'warning', message: expect.stringContaining('"Cycle time" has no owner'), target: { kind: 'metric', id: metric.id } },
      { code: 'metric-without-baseline', severity: 'warning', message: expect.stringContaining("today's value"), target: { kind: 'metric', id: metric.id } },
      { code: 'metric-without-target', severity: 'warning', message: expect.stringContaining('no target'), target: { kind: 'metric', id: metric.id } },
    ]);
  });

  it('accepts a baseline and target of 0', () => {
    expect(checkMetrics([aCheckableMetric({ baseline: 0, target: 0 })])).toEqual([]);
  });

  it.each([
    ['name', 'Close rate per rep'],
    ['name', 'Calls by sales rep'],
    ['name', 'Demos each seller books'],
    ['name', 'Win rate per salesperson'],
    ['question', 'Who are our top performers?'],
    ['question', 'How does each rep compare?'],
    ['definition', 'Won deals by seller, shown as a leaderboard'],
    ['definition', 'League table of account executives'],
    ['definition', 'Ranking of the team by revenue'],
    ['definition', 'Individual quota attainment'],
  ] as const)('points out a metric that ranks people (%s: "%s"), with the reason', (field, text) => {
    const metric = aCheckableMetric({ [field]: text });
    expect(checkMetrics([metric])).toEqual([
      {
        code: 'metric-ranks-individuals',
        severity: 'warning',
        message: expect.stringContaining('Measure the process, never rank people'),
        target: { kind: 'metric', id: metric.id },
      },
    ]);
  });

  it('says which words and field made it look like a ranking of people', () => {
    const [check] = checkMetrics([aCheckableMetric({ name: 'Close rate', definition: 'Won ÷ decided, per rep' })]);
    expect(check?.message).toContain('("per rep" in its definition)');
  });

  it.each(['Conversion from Compare options to Build the case', 'Reps trained on the business-case template', 'Deals represented in the forecast', 'Share of buyers who introduce finance'])(
    'leaves a process metric alone ("%s")',
    (name) => {
      expect(checkMetrics([aCheckableMetric({ name })])).toEqual([]);
    },
  );
});
