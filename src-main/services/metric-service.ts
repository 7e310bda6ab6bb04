// The measurement plan of a workshop: metrics and their dated readings.
import { DomainError } from '../../src-shared/api/errors';
import { newId } from '../../src-shared/domain/ids';
import type { Metric, MetricFields, ReadingInput } from '../../src-shared/domain/metric';
import type { Db } from '../db/open';
import { createMetricsRepo } from '../db/repositories/metrics-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';

export function createMetricService({ db, clock }: { db: Db; clock: () => Date }) {
  const metrics = createMetricsRepo(db);
  const workshops = createWorkshopsRepo(db);
  const now = () => clock().toISOString();

  const requireMetric = (id: string) => {
    const metric = metrics.get(id);
    if (!metric) throw new DomainError('NOT_FOUND', 'That metric no longer exists. It may have been deleted in another window.');
    return metric;
  };
  const strip = ({ workshopId: _workshopId, ...metric }: Metric & { workshopId: string }): Metric => metric;
  const touch = (workshopId: string) => workshops.touch(workshopId, now());

  return {
    list(workshopId: string): Metric[] {
      if (!workshops.get(workshopId)) throw new DomainError('NOT_FOUND', 'That workshop no longer exists.');
      return metrics.list(workshopId);
    },
    create: db.transaction((workshopId: string, fields: MetricFields): Metric => {
      if (!workshops.get(workshopId)) throw new DomainError('NOT_FOUND', 'That workshop no longer exists.');
      const id = newId();
      metrics.insert(id, workshopId, fields, now());
      touch(workshopId);
      return strip(requireMetric(id));
    }),
    update: db.transaction((id: string, fields: MetricFields): Metric => {
      const existing = requireMetric(id);
      metrics.update(id, fields, now());
      touch(existing.workshopId);
      return strip(requireMetric(id));
    }),
    remove: db.transaction((id: string): Record<string, never> => {
      const existing = requireMetric(id);
      metrics.remove(id);
      touch(existing.workshopId);
      return {};
    }),
    addReading: db.transaction((metricId: string, reading: ReadingInput): Metric => {
      const existing = requireMetric(metricId);
      metrics.insertReading(newId(), metricId, reading, now());
      touch(existing.workshopId);
      return strip(requireMetric(metricId));
    }),
    removeReading: db.transaction((metricId: string, readingId: string): Metric => {
      const existing = requireMetric(metricId);
      if (!metrics.removeReading(readingId, metricId)) throw new DomainError('NOT_FOUND', 'That reading no longer exists.');
      touch(existing.workshopId);
      return strip(requireMetric(metricId));
    }),
  };
}
export type MetricService = ReturnType<typeof createMetricService>;
