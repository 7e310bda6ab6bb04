// An agreed version is agreed as a whole (map, plan, printed workshop facts), each
// version has its own plan, and every write that can race carries a revision.
// Through dispatch, on a real SQLite file.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MetricFields } from '../../src-shared/domain/metric';
import { aWorkshopMeta } from '../fixtures/factories';
import { allText, readPdf, squashed } from './export/pdf-helpers';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

function aMetric(overrides: Partial<MetricFields> = {}): MetricFields {
  return {
    attachTo: { kind: 'process' },
    name: 'Win rate',
    question: '',
    definition: '',
    unit: 'percent',
    kind: 'outcome',
    dataSource: 'CRM',
    ownerRole: 'Sales operations',
    cadence: 'monthly',
    baseline: 18,
    target: 25,
    suggestionKey: null,
    ...overrides,
  };
}

const signOff = { agreedAt: '2026-11-22', agreedBy: ['Anna Müller'] };

async function aWorkshopWithAPlan() {
  const backend = await temp.openBackend(temp.makeDir());
  const workshop = await call(backend, 'workshop.create', {
    meta: aWorkshopMeta({ title: 'Renewals', organisation: 'Acme', participants: [{ id: 'p1', name: 'Anna Müller', role: '' }] }),
    template: 'b2b-buying-journey',
  });
  const current = await call(backend, 'map.get', { versionId: workshop.versions[0]!.id });
  const transition = current.document.transitions[0]!;
  const winRate = await call(backend, 'metric.create', { versionId: current.id, fields: aMetric() });
  const onTransition = await call(backend, 'metric.create', {
    versionId: current.id,
    fields: aMetric({ name: 'Moves on', attachTo: { kind: 'transition', transitionId: transition.id } }),
  });
  await call(backend, 'metric.addReading', { metricId: winRate.id, reading: { date: '2026-12-31', value: 19, note: 'Q4' } });
  return { backend, workshop, current, transition, winRate, onTransition };
}

async function agree(backend: Awaited<ReturnType<typeof aWorkshopWithAPlan>>['backend'], versionId: string) {
  const map = await call(backend, 'map.get', { versionId });
  return call(backend, 'map.agree', { versionId, revision: map.revision, signOff });
}

describe('a measurement plan per map version', () => {
  it('a new version starts with a copy of its source plan: new ids, same attachments, readings kept', async () => {
    const { backend, current, transition, winRate } = await aWorkshopWithAPlan();
    const future = await call(backend, 'map.createVersion', { fromVersionId: current.id, name: 'Future state' });
    const copied = await call(backend, 'metric.list', { versionId: future.id });
    expect(copied.map((m) => m.name)).toEqual(['Win rate', 'Moves on']);
    expect(copied[1]!.attachTo).toEqual({ kind: 'transition', transitionId: transition.id });
    expect(copied[0]!.readings).toMatchObject([{ date: '2026-12-31', value: 19, note: 'Q4' }]);
    expect(copied.map((m) => m.id)).not.toContain(winRate.id);
    expect(copied.every((m) => m.versionId === future.id)).toBe(true);

    // A change in one version's plan stays there.
    await call(backend, 'metric.update', { id: copied[0]!.id, revision: copied[0]!.revision, fields: { target: 40 } });
    await call(backend, 'metric.create', { versionId: future.id, fields: aMetric({ name: 'Only in the future' }) });
    const original = await call(backend, 'metric.list', { versionId: current.id });
    expect(original.map((m) => [m.name, m.target])).toEqual([
      ['Win rate', 25],
      ['Moves on', 25],
    ]);
  });

  it('deleting a transition in Future state leaves Current state’s metric on it valid', async () => {
    const { backend, current, transition } = await aWorkshopWithAPlan();
    const future = await call(backend, 'map.createVersion', { fromVersionId: current.id, name: 'Future state' });
    const map = await call(backend, 'map.get', { versionId: future.id });
    const document = { ...map.document, transitions: map.document.transitions.filter((t) => t.id !== transition.id) };
    await call(backend, 'map.save', { versionId: future.id, revision: map.revision, document });
    const currentRow = backend.exports.reportOf(current.id).measurementPlan.find((m) => m.name === 'Moves on')!;
    expect(currentRow.attachedTo).not.toContain('(removed)');
    const futureRow = backend.exports.reportOf(future.id).measurementPlan.find((m) => m.name === 'Moves on')!;
    expect(futureRow.attachedTo).toBe('Transition: (removed)');
  });

  it('refuses a metric attached to a stage or transition that is not in that version’s map', async () => {
    const { backend, current } = await aWorkshopWithAPlan();
    const other = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Other' }), template: 'b2b-buying-journey' });
    const otherMap = await call(backend, 'map.get', { versionId: other.versions[0]!.id });
    const stray = await refusal(backend, 'metric.create', {
      versionId: current.id,
      fields: aMetric({ attachTo: { kind: 'stage', stageId: 'not-a-stage' } }),
    });
    expect(stray.code).toBe('BAD_REFERENCE');
    expect(stray.message).toContain('not in the map "Current state"');
    // Stage ids of the template differ between workshops only by chance; a made-up transition never exists.
    const foreign = await refusal(backend, 'metric.create', {
      versionId: current.id,
      fields: aMetric({ attachTo: { kind: 'transition', transitionId: `${otherMap.document.transitions[0]!.id}-x` } }),
    });
    expect(foreign.code).toBe('BAD_REFERENCE');
    expect(await call(backend, 'metric.list', { versionId: current.id })).toHaveLength(2);
  });

  it('travels per version through export → import', async () => {
    const { backend, workshop, current } = await aWorkshopWithAPlan();
    const future = await call(backend, 'map.createVersion', { fromVersionId: current.id, name: 'Future state' });
    await call(backend, 'metric.create', { versionId: future.id, fields: aMetric({ name: 'Only in the future' }) });
    const file = await call(backend, 'workshop.exportFile', { id: workshop.id });
    const imported = await call(backend, 'workshop.importFile', { text: file.text });
    const detail = await call(backend, 'workshop.get', { id: imported.id });
    const plans = await Promise.all(detail.versions.map((v) => call(backend, 'metric.list', { versionId: v.id })));
    expect(plans.map((p) => p.map((m) => m.name))).toEqual([
      ['Win rate', 'Moves on'],
      ['Win rate', 'Moves on', 'Only in the future'],
    ]);
  });
});

describe('agreeing locks the map, the plan and the printed workshop facts', () => {
  it('refuses edits of an agreed version’s plan with LOCKED and a way forward', async () => {
    const { backend, current, winRate } = await aWorkshopWithAPlan();
    await agree(backend, current.id);
    const fresh = (await call(backend, 'metric.list', { versionId: current.id }))[0]!;
    const refusals = [
      await refusal(backend, 'metric.update', { id: winRate.id, revision: fresh.revision, fields: { target: 50 } }),
      await refusal(backend, 'metric.create', { versionId: current.id, fields: aMetric({ name: 'Late' }) }),
      await refusal(backend, 'metric.delete', { id: winRate.id }),
      await refusal(backend, 'metric.deleteReading', { metricId: winRate.id, readingId: fresh.readings[0]!.id }),
    ];
    for (const error of refusals) expect(error.code).toBe('LOCKED');
    expect(refusals[0]!.message).toContain('Make a new version');
    const after = await call(backend, 'metric.list', { versionId: current.id });
    expect(after.map((m) => [m.name, m.target, m.readings.length])).toEqual([
      ['Win rate', 25, 1],
      ['Moves on', 25, 0],
    ]);
  });

  it('lets a later review add readings to an agreed version, marked in its report, and take back only those', async () => {
    const { backend, current, winRate } = await aWorkshopWithAPlan();
    await agree(backend, current.id);
    const later = await call(backend, 'metric.addReading', { metricId: winRate.id, reading: { date: '2027-03-31', value: 23, note: '' } });
    expect(later.readings.map((r) => r.value)).toEqual([19, 23]);
    const report = backend.exports.reportOf(current.id);
    expect(report.measurementPlan[0]!.readings.map((r) => r.note)).toEqual(['Q4', 'Recorded after agreement']);
    expect(report.measurementPlan[0]!.target.value).toBe(0.25);
    const removed = await call(backend, 'metric.deleteReading', { metricId: winRate.id, readingId: later.readings[1]!.id });
    expect(removed.readings.map((r) => r.value)).toEqual([19]);
  });

  it('prints the workshop facts as agreed, even after the workshop’s details change', async () => {
    const { backend, workshop, current } = await aWorkshopWithAPlan();
    await agree(backend, current.id);
    await call(backend, 'map.createVersion', { fromVersionId: current.id, name: 'Future state' });
    const detail = await call(backend, 'workshop.get', { id: workshop.id });
    await call(backend, 'workshop.update', { id: workshop.id, revision: detail.revision, meta: { ...detail.meta, organisation: 'Acme Group' } });
    expect(backend.exports.reportOf(current.id).cover.organisation).toBe('Acme');
  });

  it('refuses a change to printed workshop facts with LOCKED once every version is agreed; notes stay editable', async () => {
    const { backend, workshop, current } = await aWorkshopWithAPlan();
    await agree(backend, current.id);
    const detail = await call(backend, 'workshop.get', { id: workshop.id });
    const update = await refusal(backend, 'workshop.update', {
      id: workshop.id,
      revision: detail.revision,
      meta: { ...detail.meta, organisation: 'Someone else' },
    });
    expect(update.code).toBe('LOCKED');
    expect(update.message).toContain('Make a new version');
    const rename = await refusal(backend, 'workshop.rename', { id: workshop.id, revision: detail.revision, title: 'New title' });
    expect(rename.code).toBe('LOCKED');
    const notes = await call(backend, 'workshop.update', { id: workshop.id, revision: detail.revision, meta: { ...detail.meta, notes: 'Follow up in March' } });
    expect(notes.meta).toMatchObject({ notes: 'Follow up in March', organisation: 'Acme', title: 'Renewals' });
  });
});

describe('renaming, deleting and withdrawing versions', () => {
  it('renames a draft version, but not an agreed one', async () => {
    const { backend, current } = await aWorkshopWithAPlan();
    const renamed = await call(backend, 'map.renameVersion', { versionId: current.id, name: 'As it is today' });
    expect(renamed.name).toBe('As it is today');
    await agree(backend, current.id);
    const error = await refusal(backend, 'map.renameVersion', { versionId: current.id, name: 'Something else' });
    expect(error.code).toBe('LOCKED');
    expect((await call(backend, 'map.get', { versionId: current.id })).name).toBe('As it is today');
  });

  it('deletes a version with its plan, never the last one, and an agreed one only when confirmed', async () => {
    const { backend, workshop, current } = await aWorkshopWithAPlan();
    expect((await refusal(backend, 'map.deleteVersion', { versionId: current.id })).code).toBe('VALIDATION');
    const future = await call(backend, 'map.createVersion', { fromVersionId: current.id, name: 'Future state' });
    await agree(backend, future.id);
    const unconfirmed = await refusal(backend, 'map.deleteVersion', { versionId: future.id });
    expect(unconfirmed.code).toBe('LOCKED');
    expect(unconfirmed.message).toContain('loses the agreed map, its measurement plan and its sign-off');
    await call(backend, 'map.deleteVersion', { versionId: future.id, confirmAgreed: true });
    const detail = await call(backend, 'workshop.get', { id: workshop.id });
    expect(detail.versions.map((v) => v.name)).toEqual(['Current state']);
    // No agreed version is left, so the workshop is a draft again.
    expect(detail.meta.status).toBe('draft');
    const left = backend.db.prepare('SELECT count(*) AS n FROM metrics WHERE version_id = ?').get(future.id) as { n: number };
    expect(left.n).toBe(0);
  });

  it('withdraws a mistaken agreement with a reason that is kept, shown in the report, and unlocks the version', async () => {
    const { backend, workshop, current, winRate } = await aWorkshopWithAPlan();
    const agreed = await agree(backend, current.id);
    expect((await refusal(backend, 'map.withdrawAgreement', { versionId: current.id, revision: agreed.revision, reason: '  ' })).code).toBe(
      'VALIDATION',
    );
    expect((await refusal(backend, 'map.withdrawAgreement', { versionId: current.id, revision: agreed.revision - 1, reason: 'x' })).code).toBe(
      'CONFLICT',
    );
    const withdrawn = await call(backend, 'map.withdrawAgreement', {
      versionId: current.id,
      revision: agreed.revision,
      reason: 'Marked agreed in the wrong workshop',
    });
    expect(withdrawn.signOff).toBeNull();
    expect(withdrawn.agreementHistory).toMatchObject([{ agreedAt: '2026-11-22', agreedBy: ['Anna Müller'], reason: 'Marked agreed in the wrong workshop' }]);
    expect((await call(backend, 'workshop.get', { id: workshop.id })).meta.status).toBe('draft');
    const report = backend.exports.reportOf(current.id);
    expect(report.draft).toBe(true);
    expect(report.cover.agreementNotes).toEqual([expect.stringContaining('Marked agreed in the wrong workshop')]);
    const [pdf] = await backend.exports.files(current.id, ['pdf'], 'A4');
    expect(squashed(allText((await readPdf(pdf!.data)).pages))).toContain(squashed('Marked agreed in the wrong workshop'));
    const [xlsx] = await backend.exports.files(current.id, ['xlsx'], 'A4');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx!.data as unknown as ArrayBuffer);
    const coverNotes = workbook.getWorksheet('Cover')!.getSheetValues().filter((row) => Array.isArray(row) && row[1] === 'Note');
    expect(JSON.stringify(coverNotes)).toContain('Marked agreed in the wrong workshop');
    const fresh = (await call(backend, 'metric.list', { versionId: current.id }))[0]!;
    expect((await call(backend, 'metric.update', { id: winRate.id, revision: fresh.revision, fields: { target: 30 } })).target).toBe(30);
    expect((await refusal(backend, 'map.withdrawAgreement', { versionId: current.id, revision: withdrawn.revision, reason: 'again' })).code).toBe(
      'VALIDATION',
    );
  });
});

describe('every write that can race carries a revision', () => {
  it('metric.update changes only the fields sent, and refuses a stale revision with CONFLICT', async () => {
    const { backend, current, winRate } = await aWorkshopWithAPlan();
    const tabA = (await call(backend, 'metric.list', { versionId: current.id }))[0]!;
    const tabB = tabA;
    const a = await call(backend, 'metric.update', { id: winRate.id, revision: tabA.revision, fields: { ownerRole: 'Sales manager' } });
    expect(a).toMatchObject({ ownerRole: 'Sales manager', baseline: 18, target: 25, revision: tabA.revision + 1 });
    const b = await refusal(backend, 'metric.update', { id: winRate.id, revision: tabB.revision, fields: { target: 99 } });
    expect(b.code).toBe('CONFLICT');
    expect(b.message).toContain('another window');
    const after = (await call(backend, 'metric.list', { versionId: current.id }))[0]!;
    expect(after).toMatchObject({ ownerRole: 'Sales manager', target: 25 });
  });

  it('a new reading moves the metric’s revision on, so an edit based on the metric before it is refused', async () => {
    const { backend, current, winRate } = await aWorkshopWithAPlan();
    const before = (await call(backend, 'metric.list', { versionId: current.id }))[0]!;
    await call(backend, 'metric.addReading', { metricId: winRate.id, reading: { date: '2027-01-31', value: 20, note: '' } });
    expect((await refusal(backend, 'metric.update', { id: winRate.id, revision: before.revision, fields: { target: 1 } })).code).toBe('CONFLICT');
  });

  it('workshop.rename and workshop.update refuse a stale revision with CONFLICT and change nothing', async () => {
    const { backend, workshop } = await aWorkshopWithAPlan();
    const read = await call(backend, 'workshop.get', { id: workshop.id });
    await call(backend, 'workshop.rename', { id: workshop.id, revision: read.revision, title: 'Tab A' });
    expect((await refusal(backend, 'workshop.rename', { id: workshop.id, revision: read.revision, title: 'Tab B' })).code).toBe('CONFLICT');
    const update = await refusal(backend, 'workshop.update', { id: workshop.id, revision: read.revision, meta: { ...read.meta, team: 'B' } });
    expect(update.code).toBe('CONFLICT');
    expect((await call(backend, 'workshop.get', { id: workshop.id })).meta).toMatchObject({ title: 'Tab A', team: read.meta.team });
  });
});

describe('a workshop in the trash', () => {
  it('refuses every edit with IN_TRASH, saying how to restore it, and changes nothing', async () => {
    const { backend, workshop, current, winRate } = await aWorkshopWithAPlan();
    const detail = await call(backend, 'workshop.get', { id: workshop.id });
    await call(backend, 'workshop.trash', { id: workshop.id });
    const trashed = await call(backend, 'workshop.get', { id: workshop.id });
    const attempts: [string, unknown][] = [
      ['workshop.update', { id: workshop.id, revision: trashed.revision, meta: { ...detail.meta, title: 'x' } }],
      ['workshop.rename', { id: workshop.id, revision: trashed.revision, title: 'x' }],
      ['map.save', { versionId: current.id, revision: current.revision, document: current.document }],
      ['map.agree', { versionId: current.id, revision: current.revision, signOff }],
      ['map.createVersion', { fromVersionId: current.id, name: 'Future state' }],
      ['map.renameVersion', { versionId: current.id, name: 'x' }],
      ['metric.create', { versionId: current.id, fields: aMetric() }],
      ['metric.update', { id: winRate.id, revision: 2, fields: { target: 1 } }],
      ['metric.delete', { id: winRate.id }],
      ['metric.addReading', { metricId: winRate.id, reading: { date: '2027-01-31', value: 1, note: '' } }],
    ];
    for (const [method, input] of attempts) {
      const error = await refusal(backend, method, input);
      expect([method, error.code]).toEqual([method, 'IN_TRASH']);
      expect(error.message).toContain('Restore it');
    }
    await call(backend, 'workshop.restore', { id: workshop.id });
    expect((await call(backend, 'workshop.get', { id: workshop.id })).versions).toHaveLength(1);
    expect(await call(backend, 'metric.list', { versionId: current.id })).toHaveLength(2);
  });
});
