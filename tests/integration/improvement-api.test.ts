// The kaizen cycle through the transport-neutral API on a real SQLite file: ideas, the
// focus limit (and its override), the prediction frozen on planning, trial dates,
// conflicts and refusals that change nothing.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/backend';
import type { MetricFields } from '../../src-shared/domain/metric';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';
import { anImprovementFields, aRatedProcess } from '../fixtures/improvements';

const temp = useTempDirs();

/** A workshop whose first version is the rated journey of aRatedProcess. The clock says 2026-11-22. */
async function aRatedWorkshop(backend?: Backend) {
  const b = backend ?? (await temp.openBackend(temp.makeDir()));
  const workshop = await call(b, 'workshop.create', { meta: aWorkshopMeta({ title: 'Kaizen' }), template: 'b2b-buying-journey' });
  const versionId = workshop.versions[0]!.id;
  const process = aRatedProcess();
  const map = await call(b, 'map.get', { versionId });
  await call(b, 'map.save', { versionId, revision: map.revision, document: process.doc });
  return { backend: b, workshopId: workshop.id, versionId, ...process };
}

const aWinRateMetric: MetricFields = {
  attachTo: { kind: 'process' },
  name: 'Win rate',
  question: '',
  definition: '',
  unit: 'percent',
  kind: 'outcome',
  dataSource: '',
  ownerRole: '',
  cadence: 'monthly',
  baseline: 18,
  target: 25,
  suggestionKey: null,
};

describe('improvements of a workshop', () => {
  it('lists ideas in the order they were added, each starting as an idea', async () => {
    const { backend, workshopId, bToC } = await aRatedWorkshop();
    await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ idea: 'First' }) });
    const second = await call(backend, 'improvement.create', {
      workshopId,
      fields: anImprovementFields({ idea: 'Second', addresses: { kind: 'transition', transitionId: bToC.id }, votes: 4 }),
    });
    expect(second).toMatchObject({ status: 'idea', revision: 1, workshopId, prediction: null, focusOverrideReason: null, votes: 4 });
    const list = await call(backend, 'improvement.list', { workshopId });
    expect(list.map((x) => x.idea)).toEqual(['First', 'Second']);
  });

  it('changes only the fields sent, and refuses a change based on an older revision', async () => {
    const { backend, workshopId } = await aRatedWorkshop();
    const item = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ idea: 'Call back', votes: 2 }) });
    const updated = await call(backend, 'improvement.update', { id: item.id, revision: item.revision, fields: { votes: 5 } });
    expect(updated).toMatchObject({ idea: 'Call back', votes: 5, revision: 2, ownerRole: 'Sales lead' });
    const stale = await refusal(backend, 'improvement.update', { id: item.id, revision: item.revision, fields: { votes: 9 } });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('Call back');
    expect((await call(backend, 'improvement.list', { workshopId }))[0]).toMatchObject({ votes: 5, revision: 2 });
  });

  it('refuses what names something on none of the workshop’s maps, or another workshop’s metric, changing nothing', async () => {
    const { backend, workshopId, versionId } = await aRatedWorkshop();
    const other = await aRatedWorkshop(backend);
    const foreignMetric = await call(backend, 'metric.create', { versionId: other.versionId, fields: aWinRateMetric });
    const ghost = '00000000-0000-4000-8000-000000000000';
    const cases = [
      anImprovementFields({ addresses: { kind: 'stage', stageId: ghost } }),
      anImprovementFields({ effects: [{ kind: 'conversion', transitionId: ghost, rate: 0.5 }] }),
      anImprovementFields({ effects: [{ kind: 'days-per-visit', stageId: ghost, days: 3 }] }),
      anImprovementFields({ metricId: foreignMetric.id }),
    ];
    for (const fields of cases) {
      const error = await refusal(backend, 'improvement.create', { workshopId, fields });
      expect(error.code).toBe('BAD_REFERENCE');
      expect(error.message).toMatch(/not on any map of this workshop|not in this workshop’s measurement plan/);
    }
    expect(await call(backend, 'improvement.list', { workshopId })).toEqual([]);
    // A metric of this workshop (any version's plan) is accepted.
    const own = await call(backend, 'metric.create', { versionId, fields: aWinRateMetric });
    const ok = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ metricId: own.id }) });
    expect(ok.metricId).toBe(own.id);
  });

  it('refuses a third improvement in progress naming the two, and lets it through with a reason that is kept', async () => {
    const { backend, workshopId, versionId } = await aRatedWorkshop();
    const make = (idea: string) => call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ idea }) });
    const [one, two, three] = [await make('Qualify on the call'), await make('Trial offer'), await make('Reference visits')];
    await call(backend, 'improvement.setStatus', { id: one.id, revision: one.revision, status: 'planned', versionId });
    await call(backend, 'improvement.setStatus', { id: two.id, revision: two.revision, status: 'planned', versionId });
    const refused = await refusal(backend, 'improvement.setStatus', { id: three.id, revision: three.revision, status: 'planned', versionId });
    expect(refused.code).toBe('FOCUS_LIMIT');
    expect(refused.message).toContain('"Qualify on the call" and "Trial offer"');
    expect((await call(backend, 'improvement.list', { workshopId }))[2]).toMatchObject({ status: 'idea', revision: 1 });
    // A blank reason is no reason.
    const blank = await refusal(backend, 'improvement.setStatus', {
      id: three.id,
      revision: three.revision,
      status: 'planned',
      versionId,
      overrideReason: '   ',
    });
    expect(blank.code).toBe('FOCUS_LIMIT');
    const overridden = await call(backend, 'improvement.setStatus', {
      id: three.id,
      revision: three.revision,
      status: 'planned',
      versionId,
      overrideReason: ' The board asked for it this quarter ',
    });
    expect(overridden).toMatchObject({ status: 'planned', focusOverrideReason: 'The board asked for it this quarter' });
  });

  it('freezes the modelled gain on planning, keeps it when the map changes, and clears it back at idea', async () => {
    const { backend, workshopId, versionId, bToC, doc } = await aRatedWorkshop();
    const item = await call(backend, 'improvement.create', {
      workshopId,
      fields: anImprovementFields({ effects: [{ kind: 'conversion', transitionId: bToC.id, rate: 0.7 }] }),
    });
    const map = await call(backend, 'map.get', { versionId });
    const planned = await call(backend, 'improvement.setStatus', { id: item.id, revision: item.revision, status: 'planned', versionId });
    expect(planned.prediction).toMatchObject({ frozenAt: '2026-11-22', versionId, revision: map.revision, basis: 'wins-per-period' });
    expect(planned.prediction!.gain).toBeCloseTo(7.6, 10);
    expect(planned.prediction!.before.winRate).toBeCloseTo(0.19, 12);
    expect(planned.prediction!.after.winRate).toBeCloseTo(0.266, 12);

    const changed = { ...doc, transitions: doc.transitions.map((t) => (t.id === bToC.id ? { ...t, conversionRate: 0.2 } : t)) };
    await call(backend, 'map.save', { versionId, revision: map.revision, document: changed });
    const [kept] = await call(backend, 'improvement.list', { workshopId });
    expect(kept!.prediction).toEqual(planned.prediction);

    const back = await call(backend, 'improvement.setStatus', { id: item.id, revision: planned.revision, status: 'idea', versionId });
    expect(back.prediction).toBeNull();
  });

  it('starts a trial today with the review 60 days later, or on the dates given', async () => {
    const { backend, workshopId, versionId } = await aRatedWorkshop();
    const a = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ idea: 'A' }) });
    const b = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ idea: 'B' }) });
    const aPlanned = await call(backend, 'improvement.setStatus', { id: a.id, revision: a.revision, status: 'planned', versionId });
    const aTrial = await call(backend, 'improvement.setStatus', { id: a.id, revision: aPlanned.revision, status: 'trial', versionId });
    expect(aTrial).toMatchObject({ status: 'trial', trialStart: '2026-11-22', reviewDate: '2027-01-21' });
    const bPlanned = await call(backend, 'improvement.setStatus', { id: b.id, revision: b.revision, status: 'planned', versionId });
    const bTrial = await call(backend, 'improvement.setStatus', {
      id: b.id,
      revision: bPlanned.revision,
      status: 'trial',
      versionId,
      trialStart: '2026-12-01',
      reviewDate: '2027-03-01',
    });
    expect(bTrial).toMatchObject({ trialStart: '2026-12-01', reviewDate: '2027-03-01' });
    const early = await refusal(backend, 'improvement.setStatus', {
      id: b.id,
      revision: bTrial.revision,
      status: 'trial',
      versionId,
      trialStart: '2026-12-01',
      reviewDate: '2026-11-01',
    });
    expect(early.code).toBe('VALIDATION');
    expect((await call(backend, 'improvement.list', { workshopId }))[1]).toMatchObject({ reviewDate: '2027-03-01', revision: bTrial.revision });
    const adopted = await call(backend, 'improvement.setStatus', { id: a.id, revision: aTrial.revision, status: 'adopted', versionId });
    expect(adopted).toMatchObject({ status: 'adopted', trialStart: '2026-11-22' });
  });

  it('refuses a move the status flow does not allow, with the moves it does', async () => {
    const { backend, workshopId, versionId } = await aRatedWorkshop();
    const item = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields() });
    const error = await refusal(backend, 'improvement.setStatus', { id: item.id, revision: item.revision, status: 'adopted', versionId });
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'An improvement that is idea cannot become adopted directly; it can become planned or dropped.',
    });
  });

  it('refuses a version of another workshop as the map to freeze on', async () => {
    const { backend, workshopId } = await aRatedWorkshop();
    const other = await aRatedWorkshop(backend);
    const item = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields() });
    const error = await refusal(backend, 'improvement.setStatus', { id: item.id, revision: item.revision, status: 'planned', versionId: other.versionId });
    expect(error.code).toBe('BAD_REFERENCE');
  });

  it('refuses every change while the workshop is in the trash', async () => {
    const { backend, workshopId, versionId } = await aRatedWorkshop();
    const item = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields() });
    await call(backend, 'workshop.trash', { id: workshopId });
    const attempts: [string, unknown][] = [
      ['improvement.create', { workshopId, fields: anImprovementFields() }],
      ['improvement.update', { id: item.id, revision: item.revision, fields: { votes: 3 } }],
      ['improvement.setStatus', { id: item.id, revision: item.revision, status: 'planned', versionId }],
      ['improvement.delete', { id: item.id }],
    ];
    for (const [method, input] of attempts) expect((await refusal(backend, method, input)).code).toBe('IN_TRASH');
    expect(await call(backend, 'improvement.list', { workshopId })).toEqual([item]);
  });

  it('deletes an improvement, and a workshop deleted for good takes its improvements with it', async () => {
    const { backend, workshopId } = await aRatedWorkshop();
    const item = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields() });
    await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields() });
    await call(backend, 'improvement.delete', { id: item.id });
    expect(await call(backend, 'improvement.list', { workshopId })).toHaveLength(1);
    await call(backend, 'workshop.trash', { id: workshopId });
    await call(backend, 'workshop.purge', { id: workshopId });
    expect((backend.db.prepare('SELECT count(*) AS n FROM improvements').get() as { n: number }).n).toBe(0);
  });

  it('refuses an input field the app never sends, naming it', async () => {
    const { backend, workshopId } = await aRatedWorkshop();
    const error = await refusal(backend, 'improvement.create', { workshopId, fields: { ...anImprovementFields(), colour: 'red' } });
    expect(error).toEqual({ code: 'UNKNOWN_FIELD', message: 'Leanmap does not know the field "colour" in the improvement; leave it out.' });
  });

  it('refuses bad input in plain words, naming the improvement’s field, and stores nothing', async () => {
    const { backend, workshopId } = await aRatedWorkshop();
    const error = await refusal(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ idea: '  ', impact: 7 }) });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Say what the idea is.');
    expect(error.message).toContain('The impact must be at most 5.');
    expect(error.message).not.toMatch(/Too big|Invalid|expected/);
    const date = await refusal(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ reviewDate: '2027-02-30' }) });
    expect(date.message).toContain('There is no day 2027-02-30 on the calendar.');
    expect(await call(backend, 'improvement.list', { workshopId })).toEqual([]);
  });
});

describe('an improvement whose metric is deleted', () => {
  it('keeps the improvement and clears the link, with a new revision', async () => {
    const { backend, workshopId, versionId } = await aRatedWorkshop();
    const metric = await call(backend, 'metric.create', { versionId, fields: aWinRateMetric });
    const item = await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ metricId: metric.id }) });
    await call(backend, 'metric.delete', { id: metric.id });
    const [after] = await call(backend, 'improvement.list', { workshopId });
    expect(after).toMatchObject({ id: item.id, metricId: null, revision: item.revision + 1 });
  });

  it('clears the link when the version holding the metric is deleted', async () => {
    const { backend, workshopId, versionId } = await aRatedWorkshop();
    const future = await call(backend, 'map.createVersion', { fromVersionId: versionId, name: 'Future state' });
    const metric = await call(backend, 'metric.create', { versionId: future.id, fields: aWinRateMetric });
    await call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ metricId: metric.id }) });
    await call(backend, 'map.deleteVersion', { versionId: future.id });
    expect((await call(backend, 'improvement.list', { workshopId }))[0]!.metricId).toBeNull();
  });
});
