// The measurement plan of each map version: metrics and their dated readings.
// An agreed version's plan is locked; its readings log stays open to additions
// (readings are observations made at later reviews, not part of the agreement).
import type { PlanMetric } from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { LOCKED_MESSAGES, recordedAfterAgreement } from '../../src-shared/domain/agreement';
import { newId } from '../../src-shared/domain/ids';
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { MetricAttachment, MetricFields, ReadingInput } from '../../src-shared/domain/metric';
import { attachmentIsOnMaps, sameAttachment } from '../../src-shared/domain/metric-attachment';
import type { Db } from '../db/open';
import { createImprovementsRepo } from '../db/repositories/improvements-repo';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createMetricsRepo, fieldsOf, type StoredMetric } from '../db/repositories/metrics-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';
import { createEditGuards } from './edit-guards';

/** Refuses a metric attached to a stage or transition that is not in this version's map. */
function checkAttachment(attachTo: MetricAttachment, doc: MapDocument, versionName: string): void {
  if (attachmentIsOnMaps(attachTo, [doc])) return;
  const what = attachTo.kind === 'stage' ? 'stage' : 'transition';
  throw new DomainError('BAD_REFERENCE', `That ${what} is not in the map "${versionName}". Attach the metric to one of its ${what}s or to the whole process.`);
}

export function createMetricService({ db, clock }: { db: Db; clock: () => Date }) {
  const metrics = createMetricsRepo(db);
  const workshops = createWorkshopsRepo(db);
  const versions = createMapVersionsRepo(db);
  const improvements = createImprovementsRepo(db);
  const guards = createEditGuards(workshops, versions);
  const now = () => clock().toISOString();

  const requireMetric = (id: string): StoredMetric => {
    const metric = metrics.get(id);
    if (!metric) throw new DomainError('NOT_FOUND', 'That metric no longer exists. It may have been deleted in another window.');
    return metric;
  };
  const strip = ({ workshopId: _workshopId, ...metric }: StoredMetric): PlanMetric => metric;
  const touch = (workshopId: string) => workshops.touch(workshopId, now());
  /** The version of a metric whose plan may change: a draft in a workshop not in the trash. */
  const draftPlanOf = (metric: StoredMetric) => guards.draftVersion(metric.versionId, LOCKED_MESSAGES.plan);

  return {
    list(versionId: string): PlanMetric[] {
      guards.versionOf(versionId);
      return metrics.list(versionId).map(strip);
    },
    create: db.transaction((versionId: string, fields: MetricFields): PlanMetric => {
      const version = guards.draftVersion(versionId, LOCKED_MESSAGES.plan);
      checkAttachment(fields.attachTo, version.document, version.name);
      const id = newId();
      metrics.insert({ id, workshopId: version.workshopId, versionId, fields, now: now() });
      touch(version.workshopId);
      return strip(requireMetric(id));
    }),
    /** Patches the fields sent onto the stored metric, if nobody changed it since `revision`. */
    update: db.transaction((id: string, revision: number, patch: Partial<MetricFields>): PlanMetric => {
      const existing = requireMetric(id);
      const version = draftPlanOf(existing);
      if (existing.revision !== revision) {
        throw new DomainError(
          'CONFLICT',
          `The metric "${existing.name}" was changed in another window or tab. Your change was not saved. Reload to see the latest plan.`,
        );
      }
      // Only a changed attachment is checked: a metric whose transition was deleted
      // from the map can still have its other fields edited.
      if (patch.attachTo && !sameAttachment(patch.attachTo, existing.attachTo)) {
        checkAttachment(patch.attachTo, version.document, version.name);
      }
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<MetricFields>;
      if (!metrics.update(id, revision, { ...fieldsOf(existing), ...defined }, now())) {
        throw new DomainError('CONFLICT', 'This metric was changed in another window or tab. Reload to see the latest plan.');
      }
      touch(existing.workshopId);
      return strip(requireMetric(id));
    }),
    remove: db.transaction((id: string): Record<string, never> => {
      const existing = requireMetric(id);
      draftPlanOf(existing);
      metrics.remove(id);
      improvements.forgetMetric(id, now());
      touch(existing.workshopId);
      return {};
    }),
    /** Allowed on an agreed version too: the readings log is append-only and dated. */
    addReading: db.transaction((metricId: string, reading: ReadingInput): PlanMetric => {
      const existing = requireMetric(metricId);
      guards.versionInEditableWorkshop(existing.versionId);
      const at = now();
      metrics.insertReading(newId(), metricId, reading, at);
      metrics.touch(metricId, at);
      touch(existing.workshopId);
      return strip(requireMetric(metricId));
    }),
    /** On an agreed version, only a reading added after the agreement may be taken back. */
    removeReading: db.transaction((metricId: string, readingId: string): PlanMetric => {
      const existing = requireMetric(metricId);
      const version = guards.versionInEditableWorkshop(existing.versionId);
      const reading = metrics.getReading(readingId, metricId);
      if (!reading) throw new DomainError('NOT_FOUND', 'That reading no longer exists.');
      if (version.signOff !== null && !recordedAfterAgreement(reading.recordedAt, version.signOff)) {
        throw new DomainError('LOCKED', LOCKED_MESSAGES.reading);
      }
      metrics.removeReading(readingId, metricId);
      metrics.touch(metricId, now());
      touch(existing.workshopId);
      return strip(requireMetric(metricId));
    }),
  };
}
export type MetricService = ReturnType<typeof createMetricService>;
