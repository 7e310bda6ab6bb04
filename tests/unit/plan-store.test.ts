// The plan store of the editor: each change is sent with the revision it is based on,
// only the fields changed, one after another per metric; a change refused because
// another window changed the metric first is reported once, and nothing more is sent.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanMetric } from '../../src-shared/api/contract';
import type { WireResult } from '../../src-shared/api/errors';
import type { MetricFields } from '../../src-shared/domain/metric';
import type { ApiClient } from '../../src-renderer/api/client';
import { changedFields, createPlanStore } from '../../src-renderer/store/plan-store';

type Call = { method: string; input: Record<string, unknown>; answer: (result: WireResult<unknown>) => void };
const calls: Call[] = [];

/** An API client whose answers the test gives, one call at a time. */
const api = {
  call: (method: string, input: Record<string, unknown>) => new Promise<WireResult<unknown>>((answer) => calls.push({ method, input, answer })),
} as unknown as ApiClient;
let plan = createPlanStore({ api, notify: () => {} });

function aPlanMetric(overrides: Partial<PlanMetric> = {}): PlanMetric {
  return {
    id: 'm1',
    versionId: 'v1',
    revision: 1,
    attachTo: { kind: 'process' },
    name: 'Win rate',
    question: '',
    definition: '',
    unit: 'percent',
    kind: 'outcome',
    dataSource: '',
    ownerRole: '',
    cadence: 'monthly',
    baseline: null,
    target: null,
    suggestionKey: null,
    readings: [],
    ...overrides,
  };
}

/** Waits until the store has sent `n` calls in all. */
async function sent(n: number): Promise<Call> {
  await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(n));
  return calls[n - 1]!;
}

beforeEach(() => {
  calls.length = 0;
  plan = createPlanStore({ api, notify: () => {} });
  plan.setState({ versionId: 'v1', metrics: [aPlanMetric()], loading: false, conflict: null });
});

describe('changing a metric', () => {
  it('sends only the fields that differ from the metric as loaded', () => {
    const saved = aPlanMetric({ ownerRole: 'Sales ops', target: 30 }) as MetricFields;
    expect(changedFields(saved, { ownerRole: 'Sales ops', target: 35, attachTo: { kind: 'process' } })).toEqual({ target: 35 });
    expect(changedFields(saved, { attachTo: { kind: 'stage', stageId: 's1' } })).toEqual({ attachTo: { kind: 'stage', stageId: 's1' } });
  });

  it('what it sends, applied to the saved metric, gives what was asked for (any change of owner, baseline, target)', () => {
    const value = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({ ownerRole: fc.string({ maxLength: 5 }), baseline: value, target: value }, { requiredKeys: [] }),
        fc.record({ ownerRole: fc.string({ maxLength: 5 }), baseline: value, target: value }),
        (next, saved) => {
          const metric = aPlanMetric(saved) as MetricFields;
          const sentFields = changedFields(metric, next);
          expect({ ...metric, ...sentFields }).toEqual({ ...metric, ...next });
          for (const key of Object.keys(sentFields) as (keyof MetricFields)[]) expect(sentFields[key]).not.toEqual(metric[key]);
        },
      ),
      { seed: 7 },
    );
  });

  it('sends nothing when nothing changed', async () => {
    expect(await plan.getState().patch('m1', { ownerRole: '' })).toBe(true);
    expect(calls).toEqual([]);
  });

  it('sends two quick changes one after the other, the second on the revision the first made', async () => {
    const first = plan.getState().patch('m1', { ownerRole: 'Sales ops' });
    const second = plan.getState().patch('m1', { target: 30 });
    const a = await sent(1);
    expect(a.input).toEqual({ id: 'm1', revision: 1, fields: { ownerRole: 'Sales ops' } });
    // The second waits for the first's answer.
    expect(calls).toHaveLength(1);
    a.answer({ ok: true, value: aPlanMetric({ ownerRole: 'Sales ops', revision: 2 }) });
    const b = await sent(2);
    expect(b.input).toEqual({ id: 'm1', revision: 2, fields: { target: 30 } });
    b.answer({ ok: true, value: aPlanMetric({ ownerRole: 'Sales ops', target: 30, revision: 3 }) });
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(plan.getState().metrics[0]).toMatchObject({ ownerRole: 'Sales ops', target: 30, revision: 3 });
  });

  it('a refused change because of another window is kept as the plan’s conflict; the changes queued after it are not sent', async () => {
    const first = plan.getState().patch('m1', { ownerRole: 'Sales ops' });
    const second = plan.getState().patch('m1', { target: 30 });
    (await sent(1)).answer({ ok: false, error: { code: 'CONFLICT', message: 'The metric "Win rate" was changed in another window or tab.' } });
    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(calls).toHaveLength(1);
    expect(plan.getState().conflict).toContain('another window');
    expect(plan.getState().metrics[0]!.revision).toBe(1);
  });

  it('a LOCKED refusal is a notice, not a conflict', async () => {
    const change = plan.getState().patch('m1', { target: 30 });
    (await sent(1)).answer({ ok: false, error: { code: 'LOCKED', message: 'The measurement plan of an agreed version is read-only.' } });
    expect(await change).toBe(false);
    expect(plan.getState().conflict).toBeNull();
  });
});

describe('loading a version’s plan', () => {
  it('asks for the plan of that version, and a late answer for a version left behind is ignored', async () => {
    void plan.getState().load('v1');
    void plan.getState().load('v2');
    const [forV1, forV2] = [await sent(1), await sent(2)];
    expect(forV1.input).toEqual({ versionId: 'v1' });
    expect(forV2.input).toEqual({ versionId: 'v2' });
    forV2.answer({ ok: true, value: [aPlanMetric({ id: 'm2', versionId: 'v2' })] });
    await vi.waitFor(() => expect(plan.getState().loading).toBe(false));
    forV1.answer({ ok: true, value: [aPlanMetric({ id: 'm1', versionId: 'v1' })] });
    await new Promise((done) => setTimeout(done, 0));
    expect(plan.getState().metrics.map((m) => m.id)).toEqual(['m2']);
  });

  it('clears a conflict: the reloaded plan is the latest', async () => {
    plan.setState({ conflict: 'changed elsewhere' });
    void plan.getState().load('v1');
    expect(plan.getState().conflict).toBeNull();
    (await sent(1)).answer({ ok: true, value: [aPlanMetric({ revision: 5 })] });
    await vi.waitFor(() => expect(plan.getState().metrics[0]!.revision).toBe(5));
  });
});
