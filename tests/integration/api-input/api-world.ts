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
import { anImprovementFields } from '../../fixtures/improvements';

/** One workshop's ids and revisions, as a window showing it would know them. */
export interface Target {
  workshopId: string;
  workshopRevision: number;
  meta: WorkshopMeta;
  versionId: string;
  revision: number;
  document: MapDocument;
  /** A second draft version of the same workshop, so one can be deleted. */
  spareVersionId: string;
  /** An agreed (read-only) version, of another workshop. */
  agreedVersionId: string;
  agreedRevision: number;
  /** A metric in the plan of `versionId`, at `metricRevision`. */
  metricId: string;
  metricRevision: number;
  readingId: string;
  /** An improvement idea of the workshop, at `improvementRevision`. */
  improvementId: string;
  improvementRevision: number;
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
  'workshop.rename': (t) => ({ id: t.workshopId, revision: t.workshopRevision, title: 'Renamed workshop' }),
  'workshop.duplicate': (t) => ({ id: t.workshopId }),
  'workshop.trash': (t) => ({ id: t.workshopId }),
  'workshop.restore': (t) => ({ id: t.trashedId }),
  'workshop.purge': (t) => ({ id: t.trashedId }),
  'workshop.exportFile': (t) => ({ id: t.workshopId }),
  'workshop.importFile': (t) => ({ text: t.exportText }),
  'map.get': (t) => ({ versionId: t.versionId }),
  'map.open': (t) => ({ workshopId: t.workshopId }),
  'map.save': (t) => ({
    versionId: t.versionId,
    revision: t.revision,
    document: { ...t.document, stages: t.document.stages.map((s, i) => (i === 0 ? { ...s, notes: 'Changed' } : s)) },
  }),
  'map.agree': (t) => ({ versionId: t.versionId, revision: t.revision, signOff: { agreedAt: '2026-11-23', agreedBy: [PARTICIPANT] } }),
  'map.createVersion': (t) => ({ fromVersionId: t.versionId, name: 'Future state' }),
  'map.renameVersion': (t) => ({ versionId: t.versionId, name: 'Current state, as mapped' }),
  'map.deleteVersion': (t) => ({ versionId: t.spareVersionId, confirmAgreed: false }),
  'map.withdrawAgreement': (t) => ({ versionId: t.agreedVersionId, revision: t.agreedRevision, reason: 'Signed off before the finance team saw it' }),
  'export.build': (t) => ({ versionId: t.versionId, format: 'md', paper: 'A4' }),
  'export.progress': () => ({ exportId: 'export-1' }),
  'export.cancel': () => ({ exportId: 'export-1' }),
  'metric.list': (t) => ({ versionId: t.versionId }),
  'metric.create': (t) => ({ versionId: t.versionId, fields: metricFields({ name: 'Days to a decision', unit: 'days' }) }),
  'metric.update': (t) => ({ id: t.metricId, revision: t.metricRevision, fields: metricFields({ ownerRole: 'Head of sales' }) }),
  'metric.delete': (t) => ({ id: t.metricId }),
  'metric.addReading': (t) => ({ metricId: t.metricId, reading: { date: '2027-02-28', value: 35, note: 'February' } }),
  'metric.deleteReading': (t) => ({ metricId: t.metricId, readingId: t.readingId }),
  'improvement.list': (t) => ({ workshopId: t.workshopId }),
  'improvement.create': (t) => ({ workshopId: t.workshopId, fields: anImprovementFields({ idea: 'Share a cost calculator' }) }),
  'improvement.update': (t) => ({ id: t.improvementId, revision: t.improvementRevision, fields: { votes: 4 } }),
  'improvement.setStatus': (t) => ({ id: t.improvementId, revision: t.improvementRevision, status: 'planned', versionId: t.versionId }),
  'improvement.delete': (t) => ({ id: t.improvementId }),
  'session.get': (t) => ({ workshopId: t.workshopId }),
  'session.update': (t) => ({ workshopId: t.workshopId, revision: t.sessionRevision, patch: { currentItemId: null } }),
  'session.timer': (t) => ({ workshopId: t.workshopId, action: 'add', ms: 60_000 }),
  'vote.open': (t) => ({ workshopId: t.workshopId, question: 'Where do buyers stall?', votesPerPerson: 3, targets: [{ kind: 'improvement', id: t.improvementId, label: 'Book the next step' }] }),
  'vote.count': (t) => ({ workshopId: t.workshopId, roundId: t.roundId, targetId: t.voteTargetId, count: 4 }),
  'vote.close': (t) => ({ workshopId: t.workshopId, roundId: t.roundId }),
  'vote.reveal': (t) => ({ workshopId: t.workshopId, roundId: t.roundId, revealed: true }),
  'parking.add': (t) => ({ workshopId: t.workshopId, text: 'Pricing approvals', link: { kind: 'stage', id: 's-1' } }),
  'parking.move': (t) => ({ workshopId: t.workshopId, id: t.parkingId, status: 'resolved' }),
  'parking.convertToIdea': (t) => ({ workshopId: t.workshopId, id: t.parkingId }),
  'decision.add': (t) => ({ workshopId: t.workshopId, what: 'Weekly pipeline review', date: '2026-11-23', by: [PARTICIPANT] }),
  'decision.supersede': (t) => ({ workshopId: t.workshopId, id: t.decisionId, byId: t.laterDecisionId }),
  'decision.reverse': (t) => ({ workshopId: t.workshopId, id: t.decisionId, reason: 'Legal needs more time' }),
};

/**
 * A draft workshop with two versions and, in the first one's plan, a metric with a reading;
 * beside it a workshop with an agreed version and one in the trash. `trashIt` moves the
 * draft workshop and the agreed one's workshop to the trash.
 */
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
  const spare = await call(backend, 'map.createVersion', { fromVersionId: draft.id, name: 'Spare version' });
  const metric = await call(backend, 'metric.create', { versionId: draft.id, fields: metricFields() });
  const withReading = await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 32, note: '' } });
  const improvement = await call(backend, 'improvement.create', { workshopId: created.id, fields: anImprovementFields() });
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
  if (options.trashIt) {
    await call(backend, 'workshop.trash', { id: created.id });
    await call(backend, 'workshop.trash', { id: settled.id });
  }
  const detail = await call(backend, 'workshop.get', { id: created.id });
  return {
    workshopId: created.id,
    workshopRevision: detail.revision,
    meta: detail.meta,
    versionId: draft.id,
    revision: draft.revision,
    document: draft.document,
    spareVersionId: spare.id,
    agreedVersionId: agreed.id,
    agreedRevision: agreed.revision,
    metricId: metric.id,
    metricRevision: withReading.revision,
    readingId: withReading.readings[0]!.id,
    improvementId: improvement.id,
    improvementRevision: improvement.revision,
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
