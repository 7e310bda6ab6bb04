// The world every API-input case starts from, and one valid input per contract
// method built from it. The mapped type makes a new method without a valid input
// a compile error, so the invalid-input suite covers it from the day it is added.
import type { Backend } from '../../../src-main/backend';
import type { Method, MethodInput } from '../../../src-shared/api/contract';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { MetricFields } from '../../../src-shared/domain/metric';
import type { WorkshopMeta } from '../../../src-shared/domain/workshop';
import { call } from '../../fixtures/backend';
import { aWorkshopMeta } from '../../fixtures/factories';

/** One workshop's ids and revisions, as a window showing it would know them. */
export interface Target {
  workshopId: string;
  workshopRevision: number;
  meta: WorkshopMeta;
  versionId: string;
  revision: number;
  document: MapDocument;
  /** An agreed (read-only) version, of another workshop. */
  agreedVersionId: string;
  agreedRevision: number;
  metricId: string;
  readingId: string;
  exportText: string;
  /** Another workshop, already in the trash (for restore and purge). */
  trashedId: string;
  /** Facilitation records: the session's revision, an open voting round, a parked item, two decisions. */
  sessionRevision: number;
  roundId: string;
  voteTargetId: string;
  parkingId: string;
  decisionId: string;
  laterDecisionId: string;
}

export const PARTICIPANT = 'Sam Okafor';

export const metricFields = (overrides: Partial<MetricFields> = {}): MetricFields => ({
  attachTo: { kind: 'process' },
  name: 'Share of buyers who agree a business case',
  question: 'Do buyers get the numbers they need?',
  definition: 'Business cases agreed ÷ buyers entering, per month',
  unit: 'percent',
  kind: 'process',
  dataSource: 'CRM',
  ownerRole: 'Sales operations',
  cadence: 'monthly',
  baseline: 30,
  target: 45,
  suggestionKey: null,
  ...overrides,
});

export const VALID_INPUTS: { [M in Method]: (t: Target) => MethodInput<M> } = {
  'app.info': () => ({}),
  'workshop.list': () => ({ query: 'Pipeline', trash: false }),
  'workshop.create': () => ({ meta: aWorkshopMeta({ title: 'Another workshop' }), template: 'blank' }),
  'workshop.get': (t) => ({ id: t.workshopId }),
  'workshop.update': (t) => ({ id: t.workshopId, revision: t.workshopRevision, meta: { ...t.meta, notes: 'Changed' } }),
  'workshop.rename': (t) => ({ id: t.workshopId, title: 'Renamed workshop' }),
  'workshop.duplicate': (t) => ({ id: t.workshopId }),
  'workshop.trash': (t) => ({ id: t.workshopId }),
  'workshop.restore': (t) => ({ id: t.trashedId }),
  'workshop.purge': (t) => ({ id: t.trashedId }),
  'workshop.exportFile': (t) => ({ id: t.workshopId }),
  'workshop.importFile': (t) => ({ text: t.exportText }),
  'map.get': (t) => ({ versionId: t.versionId }),
  'map.save': (t) => ({
    versionId: t.versionId,
    revision: t.revision,
    document: { ...t.document, stages: t.document.stages.map((s, i) => (i === 0 ? { ...s, notes: 'Changed' } : s)) },
  }),
  'map.agree': (t) => ({ versionId: t.versionId, revision: t.revision, signOff: { agreedAt: '2026-11-23', agreedBy: [PARTICIPANT] } }),
  'map.createVersion': (t) => ({ fromVersionId: t.versionId, name: 'Future state' }),
  'export.build': (t) => ({ versionId: t.versionId, format: 'md', paper: 'A4' }),
  'metric.list': (t) => ({ workshopId: t.workshopId }),
  'metric.create': (t) => ({ workshopId: t.workshopId, fields: metricFields({ name: 'Days to a decision', unit: 'days' }) }),
  'metric.update': (t) => ({ id: t.metricId, fields: metricFields({ ownerRole: 'Head of sales' }) }),
  'metric.delete': (t) => ({ id: t.metricId }),
  'metric.addReading': (t) => ({ metricId: t.metricId, reading: { date: '2027-02-28', value: 35, note: 'February' } }),
  'metric.deleteReading': (t) => ({ metricId: t.metricId, readingId: t.readingId }),
  'session.get': (t) => ({ workshopId: t.workshopId }),
  'session.update': (t) => ({ workshopId: t.workshopId, revision: t.sessionRevision, patch: { currentItemId: null } }),
  'session.timer': (t) => ({ workshopId: t.workshopId, action: 'add', ms: 60_000 }),
  'vote.open': (t) => ({ workshopId: t.workshopId, question: 'Where do buyers stall?', votesPerPerson: 3, targets: [{ kind: 'stage', id: 's-1', label: 'Aware' }] }),
  'vote.count': (t) => ({ workshopId: t.workshopId, roundId: t.roundId, targetId: t.voteTargetId, count: 4 }),
  'vote.close': (t) => ({ workshopId: t.workshopId, roundId: t.roundId }),
  'vote.reveal': (t) => ({ workshopId: t.workshopId, roundId: t.roundId, revealed: true }),
  'parking.add': (t) => ({ workshopId: t.workshopId, text: 'Pricing approvals', link: null }),
  'parking.move': (t) => ({ workshopId: t.workshopId, id: t.parkingId, status: 'resolved' }),
  'decision.add': (t) => ({ workshopId: t.workshopId, what: 'Weekly pipeline review', date: '2026-11-23', by: [PARTICIPANT] }),
  'decision.supersede': (t) => ({ workshopId: t.workshopId, id: t.decisionId, byId: t.laterDecisionId }),
  'decision.reverse': (t) => ({ workshopId: t.workshopId, id: t.decisionId, reason: 'Legal needs more time' }),
};

/** A draft workshop with a metric and a reading; beside it a workshop with an agreed version and one in the trash. */
export async function aWorld(backend: Backend, options: { trashIt?: boolean } = {}): Promise<Target> {
  const meta = aWorkshopMeta({ participants: [{ id: 'p-1', name: PARTICIPANT, role: 'Sales manager' }] });
  const created = await call(backend, 'workshop.create', { meta, template: 'b2b-buying-journey' });
  const draft = await call(backend, 'map.get', { versionId: created.versions[0]!.id });
  // The agreed version lives in a workshop of its own, so whatever an agreement locks
  // beyond its map (the plan, the workshop's details) never touches the target.
  const settled = await call(backend, 'workshop.create', { meta: { ...meta, title: 'Settled workshop' }, template: 'b2b-buying-journey' });
  const agreedFrom = await call(backend, 'map.createVersion', { fromVersionId: settled.versions[0]!.id, name: 'Agreed state' });
  const agreed = await call(backend, 'map.agree', {
    versionId: agreedFrom.id,
    revision: agreedFrom.revision,
    signOff: { agreedAt: '2026-11-23', agreedBy: [PARTICIPANT] },
  });
  const metric = await call(backend, 'metric.create', { workshopId: created.id, fields: metricFields() });
  const withReading = await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 32, note: '' } });
  const vote = await call(backend, 'vote.open', {
    workshopId: created.id,
    question: 'Which stage first?',
    votesPerPerson: 2,
    targets: [{ kind: 'stage', id: draft.document.stages[0]!.id, label: draft.document.stages[0]!.name || 'First stage' }],
  });
  await call(backend, 'parking.add', { workshopId: created.id, text: 'Legal review', link: null });
  await call(backend, 'decision.add', { workshopId: created.id, what: 'Qualify earlier', date: '2026-11-23', by: [PARTICIPANT] });
  const session = await call(backend, 'decision.add', { workshopId: created.id, what: 'Qualify at first call', date: '2026-11-23', by: [PARTICIPANT] });
  const { text } = await call(backend, 'workshop.exportFile', { id: created.id });
  const other = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Old workshop' }), template: 'blank' });
  await call(backend, 'workshop.trash', { id: other.id });
  if (options.trashIt) await call(backend, 'workshop.trash', { id: created.id });
  const detail = await call(backend, 'workshop.get', { id: created.id });
  return {
    workshopId: created.id,
    workshopRevision: detail.revision,
    meta: detail.meta,
    versionId: draft.id,
    revision: draft.revision,
    document: draft.document,
    agreedVersionId: agreed.id,
    agreedRevision: agreed.revision,
    metricId: metric.id,
    readingId: withReading.readings[0]!.id,
    exportText: text,
    trashedId: other.id,
    sessionRevision: session.revision,
    roundId: vote.rounds[0]!.id,
    voteTargetId: vote.rounds[0]!.targets[0]!.id,
    parkingId: session.parkingLot[0]!.id,
    decisionId: session.decisions[0]!.id,
    laterDecisionId: session.decisions[1]!.id,
  };
}

/** Every row of every table: equal before and after means the call changed nothing. */
export function dbSnapshot(backend: Backend): string {
  const tables = backend.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, backend.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
