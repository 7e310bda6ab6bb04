// What the audience's whole-map view lists: stages in the order a buyer meets them,
// their counts and ways out with rates, minus what the facilitator hides.
import { describe, expect, it } from 'vitest';
import { audienceLayout, audienceMapModel } from '../../../src-renderer/features/audience/audience-map-model';
import { aMapDocument, aStage, aTransition, anOutcome } from '../../fixtures/factories';

function journey() {
  const decide = aStage({ name: 'Decide', daysPerVisit: 4 });
  const explore = aStage({ name: 'Explore' });
  const won = anOutcome('won', { label: 'Won' });
  const lost = anOutcome('lost', { label: 'Lost' });
  const toDecide = aTransition(explore, decide, { conversionRate: 0.35 });
  const toLost = aTransition(explore, lost, { conversionRate: 0.1, label: 'Chose another supplier' });
  const toWon = aTransition(decide, won, { conversionRate: 0.5 });
  // Listed out of journey order on purpose.
  const doc = aMapDocument({ stages: [decide, explore], outcomes: [won, lost], transitions: [toDecide, toLost, toWon] });
  return { doc, decide, explore, lost, toLost };
}

describe('audienceMapModel', () => {
  it('lists stages in journey order with their ways out, rates and labels', () => {
    const { doc } = journey();
    const model = audienceMapModel(doc, [], false);
    expect(model.stages.map((s) => s.name)).toEqual(['Explore', 'Decide']);
    expect(model.stages[0]!.exits.map((x) => x.text)).toEqual(['→ Decide 35\u00a0%', '→ Lost 10\u00a0% · Chose another supplier']);
    expect(model.stages[1]!.days).toBe('4 days per visit');
    expect(model.outcomes.map((o) => o.label)).toEqual(['Won', 'Lost']);
  });

  it('leaves every number out while numbers are hidden', () => {
    const { doc } = journey();
    const model = audienceMapModel(doc, [], true);
    expect(JSON.stringify(model.stages.map((s) => [s.days, s.exits]))).not.toMatch(/%|days/);
  });

  it('leaves out a hidden stage, a hidden arrow and the arrows into a hidden outcome', () => {
    const { doc, decide, lost } = journey();
    const model = audienceMapModel(doc, [decide.id, lost.id], false);
    expect(model.stages.map((s) => s.name)).toEqual(['Explore']);
    expect(model.stages[0]!.exits).toEqual([]);
    expect(model.outcomes.map((o) => o.label)).toEqual(['Won']);
  });
});

describe('audienceLayout', () => {
  it('shows up to eight stages as cards in balanced rows, more as rows in two columns', () => {
    expect(audienceLayout(3)).toEqual({ kind: 'cards', columns: 3 });
    expect(audienceLayout(5)).toEqual({ kind: 'cards', columns: 3 });
    expect(audienceLayout(8)).toEqual({ kind: 'cards', columns: 4 });
    expect(audienceLayout(15)).toEqual({ kind: 'rows', columns: 2 });
  });
});
