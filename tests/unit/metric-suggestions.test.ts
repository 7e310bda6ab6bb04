// The standard metrics offered for a map.
import { describe, expect, it } from 'vitest';
import { MetricFieldsSchema } from '../../src-shared/domain/metric';
import { suggestMetrics } from '../../src-shared/domain/metric-suggestions';
import { aMapDocument, aStage, aTransition, anOutcome } from '../fixtures/factories';

function aTwoStageMap() {
  const first = aStage({ name: 'Compare options', daysPerVisit: 14, completeAndAccurate: 0.6 });
  const second = aStage({ name: 'Decide', daysPerVisit: null });
  const won = anOutcome('won');
  const forward = aTransition(first, second, { conversionRate: 0.4 });
  const loop = aTransition(second, first, { conversionRate: 0.1 });
  const exit = aTransition(second, won, { conversionRate: null });
  const doc = aMapDocument({ stages: [first, second], outcomes: [won], transitions: [forward, loop, exit], process: { entriesPerPeriod: 50 } });
  return { doc, first, second, forward, loop, exit };
}

describe('suggested metrics', () => {
  it('offers win rate, no-decision share, volume entering, conversion per forward or exit transition, days and %C&A per stage', () => {
    const { doc, first, forward, exit } = aTwoStageMap();
    const keys = suggestMetrics(doc, new Set()).map((s) => s.key);
    expect(keys).toEqual([
      'process:win-rate',
      'process:no-decision',
      'process:entries',
      `conversion:${forward.id}`,
      `conversion:${exit.id}`,
      `days:${first.id}`,
      `complete-accurate:${first.id}`,
      expect.stringMatching(/^days:/),
      expect.stringMatching(/^complete-accurate:/),
    ]);
  });

  it('does not suggest measuring a loop back as a conversion', () => {
    const { doc, loop } = aTwoStageMap();
    expect(suggestMetrics(doc, new Set()).some((s) => s.key === `conversion:${loop.id}`)).toBe(false);
  });

  it('takes baselines from the numbers already on the map, as percentages where the unit is %', () => {
    const { doc, first, forward } = aTwoStageMap();
    const byKey = new Map(suggestMetrics(doc, new Set()).map((s) => [s.key, s.fields]));
    expect(byKey.get(`conversion:${forward.id}`)!.baseline).toBe(40);
    expect(byKey.get(`days:${first.id}`)!.baseline).toBe(14);
    expect(byKey.get(`complete-accurate:${first.id}`)!.baseline).toBe(60);
    expect(byKey.get('process:entries')!.baseline).toBe(50);
  });

  it('leaves out what the plan already has', () => {
    const { doc } = aTwoStageMap();
    const keys = suggestMetrics(doc, new Set(['process:win-rate'])).map((s) => s.key);
    expect(keys).not.toContain('process:win-rate');
  });

  it('gives every suggestion a name, an owner role and a data source, valid as a metric', () => {
    const { doc } = aTwoStageMap();
    for (const s of suggestMetrics(doc, new Set())) {
      expect(MetricFieldsSchema.safeParse(s.fields).success).toBe(true);
      expect(s.fields.ownerRole).not.toBe('');
      expect(s.fields.dataSource).not.toBe('');
      expect(s.fields.suggestionKey).toBe(s.key);
    }
  });
});
