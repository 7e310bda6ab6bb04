// The measurement plan through the transport-neutral API, on a real SQLite file.
import { describe, expect, it } from 'vitest';
import type { MetricFields } from '../../src-shared/domain/metric';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

function aMetric(overrides: Partial<MetricFields> = {}): MetricFields {
  return {
    attachTo: { kind: 'process' },
    name: 'Win rate',
    question: 'How many buyers who start end up buying?',
    definition: 'Won ÷ entered, per quarter',
    unit: 'percent',
    kind: 'outcome',
    dataSource: 'CRM opportunity report',
    ownerRole: 'Sales operations',
    cadence: 'monthly',
    baseline: 18,
    target: 25,
    suggestionKey: null,
    ...overrides,
  };
}

async function aWorkshop() {
  const dataDir = temp.makeDir();
  const backend = await temp.openBackend(dataDir);
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Plan' }), template: 'b2b-buying-journey' });
  return { dataDir, backend, workshop, versionId: workshop.versions[0]!.id };
}

describe('the measurement plan', () => {
  it('keeps metrics in the order they were added, with their fields', async () => {
    const { backend, versionId } = await aWorkshop();
    await call(backend, 'metric.create', { versionId, fields: aMetric({ name: 'Win rate' }) });
    await call(backend, 'metric.create', { versionId, fields: aMetric({ name: 'Days to decide', unit: 'days' }) });
    const list = await call(backend, 'metric.list', { versionId });
    expect(list.map((m) => m.name)).toEqual(['Win rate', 'Days to decide']);
    expect(list[0]).toMatchObject({ ownerRole: 'Sales operations', baseline: 18, target: 25, readings: [] });
  });

  it('adds dated readings, oldest first, and deletes one', async () => {
    const { backend, versionId } = await aWorkshop();
    const metric = await call(backend, 'metric.create', { versionId, fields: aMetric() });
    await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-03-01', value: 21, note: '' } });
    const after = await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 19.5, note: 'first review' } });
    expect(after.readings.map((r) => r.date)).toEqual(['2027-01-31', '2027-03-01']);
    const removed = await call(backend, 'metric.deleteReading', { metricId: metric.id, readingId: after.readings[0]!.id });
    expect(removed.readings.map((r) => r.value)).toEqual([21]);
  });

  it('updates and deletes a metric', async () => {
    const { backend, versionId } = await aWorkshop();
    const metric = await call(backend, 'metric.create', { versionId, fields: aMetric() });
    const updated = await call(backend, 'metric.update', { id: metric.id, revision: metric.revision, fields: aMetric({ target: 30 }) });
    expect(updated.target).toBe(30);
    await call(backend, 'metric.delete', { id: metric.id });
    expect(await call(backend, 'metric.list', { versionId })).toEqual([]);
  });

  it('refuses a metric without a name, or a reading that is not a number, and stores nothing', async () => {
    const { backend, versionId } = await aWorkshop();
    expect((await refusal(backend, 'metric.create', { versionId, fields: aMetric({ name: ' ' }) })).code).toBe('VALIDATION');
    const metric = await call(backend, 'metric.create', { versionId, fields: aMetric() });
    const bad = await refusal(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 'twenty', note: '' } });
    expect(bad.code).toBe('VALIDATION');
    const list = await call(backend, 'metric.list', { versionId });
    expect(list).toHaveLength(1);
    expect(list[0]!.readings).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown version, metric or reading', async () => {
    const { backend, versionId } = await aWorkshop();
    expect((await refusal(backend, 'metric.list', { versionId: 'nope' })).code).toBe('NOT_FOUND');
    expect((await refusal(backend, 'metric.update', { id: 'nope', revision: 1, fields: aMetric() })).code).toBe('NOT_FOUND');
    const metric = await call(backend, 'metric.create', { versionId, fields: aMetric() });
    expect((await refusal(backend, 'metric.deleteReading', { metricId: metric.id, readingId: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('survives closing and reopening the database', async () => {
    const { dataDir, backend, versionId } = await aWorkshop();
    const metric = await call(backend, 'metric.create', { versionId, fields: aMetric() });
    await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 19, note: '' } });
    backend.close();
    const reopened = await temp.openBackend(dataDir);
    const [again] = await call(reopened, 'metric.list', { versionId });
    expect(again).toMatchObject({ name: 'Win rate', readings: [{ date: '2027-01-31', value: 19 }] });
  });

  it('travels with the workshop through duplicate and export → import', async () => {
    const { backend, workshop, versionId } = await aWorkshop();
    const metric = await call(backend, 'metric.create', { versionId, fields: aMetric() });
    await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 19, note: 'ok' } });
    const copy = await call(backend, 'workshop.duplicate', { id: workshop.id });
    const file = await call(backend, 'workshop.exportFile', { id: workshop.id });
    const imported = await call(backend, 'workshop.importFile', { text: file.text });
    for (const id of [copy.id, imported.id]) {
      const detail = await call(backend, 'workshop.get', { id });
      const [m] = await call(backend, 'metric.list', { versionId: detail.versions[0]!.id });
      expect(m).toMatchObject({ name: 'Win rate', baseline: 18, readings: [{ date: '2027-01-31', value: 19, note: 'ok' }] });
      expect(m!.id).not.toBe(metric.id);
    }
  });

  it('is deleted with its workshop', async () => {
    const { backend, workshop, versionId } = await aWorkshop();
    await call(backend, 'metric.create', { versionId, fields: aMetric() });
    await call(backend, 'workshop.trash', { id: workshop.id });
    await call(backend, 'workshop.purge', { id: workshop.id });
    const left = backend.db.prepare('SELECT count(*) AS n FROM metrics').get() as { n: number };
    expect(left.n).toBe(0);
  });
});
