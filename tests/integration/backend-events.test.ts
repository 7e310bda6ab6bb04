// On a real SQLite file: each write another window must learn about publishes its
// event on the backend's hub, for its own workshop, once the write has succeeded.
import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '../../src-shared/api/events';
import type { MetricFields } from '../../src-shared/domain/metric';
import { call, refusal, useTempDirs } from '../fixtures/backend';
import { aWorkshopMeta } from '../fixtures/factories';

const temp = useTempDirs();

const aMetric = (): MetricFields => ({
  attachTo: { kind: 'process' },
  name: 'Win rate',
  question: 'How many buyers who start end up buying?',
  definition: 'Won ÷ entered',
  unit: 'percent',
  kind: 'outcome',
  dataSource: 'CRM',
  ownerRole: 'Sales operations',
  cadence: 'monthly',
  baseline: 18,
  target: 25,
  suggestionKey: null,
});

async function aListenedWorkshop() {
  const backend = await temp.openBackend(temp.makeDir());
  const workshop = await call(backend, 'workshop.create', {
    meta: aWorkshopMeta({ participants: [{ id: 'p1', name: 'Anna Müller', role: '' }] }),
    template: 'b2b-buying-journey',
  });
  const versionId = workshop.versions[0]!.id;
  const heard: WorkshopEvent[] = [];
  backend.events.subscribe(workshop.id, (e) => heard.push(e));
  return { backend, workshop, versionId, heard };
}

describe('events published by the backend', () => {
  it('a plan change: metric.changed for its version, for create, reading, update and delete', async () => {
    const { backend, workshop, versionId, heard } = await aListenedWorkshop();
    const metric = await call(backend, 'metric.create', { versionId, fields: aMetric() });
    await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 19, note: '' } });
    const current = (await call(backend, 'metric.list', { versionId }))[0]!;
    await call(backend, 'metric.update', { id: metric.id, revision: current.revision, fields: { target: 30 } });
    await call(backend, 'metric.delete', { id: metric.id });
    expect(heard).toHaveLength(4);
    for (const event of heard) expect(event).toEqual({ name: 'metric.changed', payload: { workshopId: workshop.id, versionId, byWindow: null } });
  });

  it('versions: a new, renamed or deleted version changes the workshop; an agreement also the map', async () => {
    const { backend, workshop, versionId, heard } = await aListenedWorkshop();
    const second = await call(backend, 'map.createVersion', { fromVersionId: versionId, name: 'Future state' });
    await call(backend, 'map.renameVersion', { versionId: second.id, name: 'Target state' });
    await call(backend, 'map.deleteVersion', { versionId: second.id });
    const map = await call(backend, 'map.get', { versionId });
    const agreed = await call(backend, 'map.agree', { versionId, revision: map.revision, signOff: { agreedAt: '2026-11-22', agreedBy: ['Anna Müller'] } });
    expect(heard.map((e) => e.name)).toEqual(['workshop.changed', 'workshop.changed', 'workshop.changed', 'workshop.changed', 'map.saved']);
    expect(heard.at(-1)).toEqual({ name: 'map.saved', payload: { workshopId: workshop.id, versionId, revision: agreed.revision, byWindow: null } });
  });

  it('the workshop\'s title and details: workshop.changed with its new revision', async () => {
    const { backend, workshop, heard } = await aListenedWorkshop();
    const renamed = await call(backend, 'workshop.rename', { id: workshop.id, revision: workshop.revision, title: 'Renewals 2027' });
    expect(heard).toEqual([{ name: 'workshop.changed', payload: { workshopId: workshop.id, revision: renamed.revision, byWindow: null } }]);
  });

  it('nothing for reads, exports, or refused writes', async () => {
    const { backend, workshop, versionId, heard } = await aListenedWorkshop();
    await call(backend, 'map.get', { versionId });
    await call(backend, 'workshop.get', { id: workshop.id });
    await call(backend, 'export.build', { versionId, format: 'md' });
    await refusal(backend, 'workshop.rename', { id: workshop.id, revision: 999, title: 'Stale' });
    await refusal(backend, 'metric.create', { versionId, fields: { ...aMetric(), name: '' } });
    expect(heard).toEqual([]);
  });
});
