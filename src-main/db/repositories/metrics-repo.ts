// Rows of the metrics and metric_readings tables: the measurement plan of each map
// version. A metric carries a revision, so two windows never overwrite each other.
import { DomainError } from '../../../src-shared/api/errors';
import { MetricFieldsSchema, type Metric, type MetricFields, type Reading, type ReadingInput } from '../../../src-shared/domain/metric';
import type { Db } from '../open';

interface MetricRow {
  id: string;
  workshop_id: string;
  version_id: string;
  sort_order: number;
  fields: string;
  revision: number;
}
interface ReadingRow {
  id: string;
  metric_id: string;
  date: string;
  value: number;
  note: string;
  created_at: string;
}

/** A metric as stored: the plan's line with its revision and where it belongs. */
export type StoredMetric = Metric & { revision: number; versionId: string; workshopId: string };

function readFields(row: MetricRow): MetricFields {
  let json: unknown;
  try {
    json = JSON.parse(row.fields);
  } catch {
    json = undefined;
  }
  const parsed = MetricFieldsSchema.safeParse(json);
  if (!parsed.success) throw new DomainError('INTERNAL', `The stored metric ${row.id} is damaged.`);
  return parsed.data;
}

/** Only the plan's own fields of a metric (never its id, readings or revision). */
export function fieldsOf(m: MetricFields): MetricFields {
  const keys = Object.keys(MetricFieldsSchema.shape) as (keyof MetricFields)[];
  return Object.fromEntries(keys.map((k) => [k, m[k]])) as MetricFields;
}

const toReading = (r: ReadingRow): Reading => ({ id: r.id, date: r.date, value: r.value, note: r.note, recordedAt: r.created_at });

export function createMetricsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO metrics (id, workshop_id, version_id, sort_order, fields, revision, created_at, updated_at)
     VALUES (@id, @workshopId, @versionId,
       (SELECT coalesce(max(sort_order), -1) + 1 FROM metrics WHERE version_id = @versionId), @fields, 1, @now, @now)`,
  );
  const byId = db.prepare('SELECT * FROM metrics WHERE id = ? AND version_id IS NOT NULL');
  const byVersion = db.prepare('SELECT * FROM metrics WHERE version_id = ? ORDER BY sort_order');
  const readingsOfVersion = db.prepare(
    `SELECT r.* FROM metric_readings r JOIN metrics m ON m.id = r.metric_id
     WHERE m.version_id = ? ORDER BY r.date, r.created_at`,
  );
  const readingsOfMetric = db.prepare('SELECT * FROM metric_readings WHERE metric_id = ? ORDER BY date, created_at');
  const readingById = db.prepare('SELECT * FROM metric_readings WHERE id = ? AND metric_id = ?');
  const update = db.prepare(
    'UPDATE metrics SET fields = @fields, revision = revision + 1, updated_at = @now WHERE id = @id AND revision = @revision',
  );
  const bump = db.prepare('UPDATE metrics SET revision = revision + 1, updated_at = @now WHERE id = @id');
  const remove = db.prepare('DELETE FROM metrics WHERE id = ?');
  const insertReading = db.prepare(
    `INSERT INTO metric_readings (id, metric_id, date, value, note, created_at)
     VALUES (@id, @metricId, @date, @value, @note, @now)`,
  );
  const removeReading = db.prepare('DELETE FROM metric_readings WHERE id = ? AND metric_id = ?');

  const assemble = (row: MetricRow, readings: Reading[]): StoredMetric => ({
    id: row.id,
    ...readFields(row),
    readings,
    revision: row.revision,
    versionId: row.version_id,
    workshopId: row.workshop_id,
  });

  return {
    insert(m: { id: string; workshopId: string; versionId: string; fields: MetricFields; now: string }): void {
      insert.run({ ...m, fields: JSON.stringify(m.fields) });
    },
    get(id: string): StoredMetric | undefined {
      const row = byId.get(id) as MetricRow | undefined;
      if (!row) return undefined;
      return assemble(row, (readingsOfMetric.all(id) as ReadingRow[]).map(toReading));
    },
    list(versionId: string): StoredMetric[] {
      const readings = new Map<string, Reading[]>();
      for (const r of readingsOfVersion.all(versionId) as ReadingRow[]) {
        const list = readings.get(r.metric_id) ?? [];
        list.push(toReading(r));
        readings.set(r.metric_id, list);
      }
      return (byVersion.all(versionId) as MetricRow[]).map((row) => assemble(row, readings.get(row.id) ?? []));
    },
    /** Returns false when the revision no longer matches (someone else changed it first). */
    update(id: string, revision: number, fields: MetricFields, now: string): boolean {
      return update.run({ id, revision, fields: JSON.stringify(fields), now }).changes === 1;
    },
    /** A new reading changes the metric too: its revision moves on. */
    touch(id: string, now: string): void {
      bump.run({ id, now });
    },
    remove(id: string): void {
      remove.run(id);
    },
    /** `recordedAt` keeps the original recording time when a plan is copied. */
    insertReading(id: string, metricId: string, reading: ReadingInput, recordedAt: string): void {
      insertReading.run({ id, metricId, date: reading.date, value: reading.value, note: reading.note, now: recordedAt });
    },
    getReading(id: string, metricId: string): Reading | undefined {
      const row = readingById.get(id, metricId) as ReadingRow | undefined;
      return row && toReading(row);
    },
    removeReading(id: string, metricId: string): boolean {
      return removeReading.run(id, metricId).changes === 1;
    },
    /**
     * Copies a plan into another version: new metric and reading ids, same attachments and
     * readings. Returns each old metric id with its copy's (improvements follow their metric).
     */
    copyPlan(plan: readonly Metric[], to: { workshopId: string; versionId: string }, now: string, newId: () => string): Map<string, string> {
      const ids = new Map<string, string>();
      for (const m of plan) {
        const metricId = newId();
        ids.set(m.id, metricId);
        const fields = fieldsOf(m);
        insert.run({ id: metricId, workshopId: to.workshopId, versionId: to.versionId, fields: JSON.stringify(fields), now });
        for (const r of m.readings) {
          insertReading.run({ id: newId(), metricId, date: r.date, value: r.value, note: r.note, now: r.recordedAt ?? now });
        }
      }
      return ids;
    },
  };
}
export type MetricsRepo = ReturnType<typeof createMetricsRepo>;
