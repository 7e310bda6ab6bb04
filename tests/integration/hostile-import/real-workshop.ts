// A workshop as a facilitator leaves it after a day: the B2B template, participants,
// a plan with metrics on a stage, a transition and the process, readings, and an
// agreed version beside the draft — built through the API so its export is real.
import type { Backend } from '../../../src-main/backend';
import type { MetricFields } from '../../../src-shared/domain/metric';
import { call } from '../../fixtures/backend';
import { aWorkshopMeta } from '../../fixtures/factories';

const metricFields = (name: string, attachTo: MetricFields['attachTo']): MetricFields => ({
  attachTo,
  name,
  question: 'Do buyers move on?',
  definition: 'Buyers who move on ÷ buyers entering, per month',
  unit: 'percent',
  kind: 'process',
  dataSource: 'CRM',
  ownerRole: 'Sales operations',
  cadence: 'monthly',
  baseline: 30,
  target: 45,
  suggestionKey: null,
});

export async function aRealWorkshop(backend: Backend): Promise<{ workshopId: string; exportText: string }> {
  const meta = aWorkshopMeta({
    title: 'Renewal journey',
    participants: [
      { id: 'p-1', name: 'Sam Okafor', role: 'Sales manager' },
      { id: 'p-2', name: 'Ana Lima', role: 'Account executive' },
    ],
  });
  const created = await call(backend, 'workshop.create', { meta, template: 'b2b-buying-journey' });
  const draft = await call(backend, 'map.get', { versionId: created.versions[0]!.id });
  const stage = draft.document.stages[0]!;
  const transition = draft.document.transitions[0]!;
  for (const [name, attachTo] of [
    ['Stage metric', { kind: 'stage', stageId: stage.id }],
    ['Transition metric', { kind: 'transition', transitionId: transition.id }],
    ['Process metric', { kind: 'process' }],
  ] as const) {
    const metric = await call(backend, 'metric.create', { versionId: draft.id, fields: metricFields(name, attachTo) });
    await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 33, note: 'January' } });
  }
  const agreed = await call(backend, 'map.createVersion', { fromVersionId: draft.id, name: 'Agreed state' });
  await call(backend, 'map.agree', {
    versionId: agreed.id,
    revision: agreed.revision,
    signOff: { agreedAt: '2026-11-23', agreedBy: ['Sam Okafor'] },
  });
  const { text } = await call(backend, 'workshop.exportFile', { id: created.id });
  return { workshopId: created.id, exportText: text };
}
