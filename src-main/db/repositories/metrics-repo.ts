// Rows of the metrics and metric_readings tables: the measurement plan of a workshop.
import { DomainError } from '../../../src-shared/api/errors';
import { MetricFieldsSchema, type Metric, type MetricFields, type Reading, type ReadingInput } from '../../../src-shared/domain/metric';
import type { Db } from '../open';

interface MetricRow {
  id: string;
  workshop_id: string;
  sort_order: number;
  fields: string;
}
interface ReadingRow {
  id: string;
  metric_id: string;
  date: string;
  value: number;
  note: string;
}

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

const toReading = (r: ReadingRow): Reading => ({ id: r.id, date: r.date, value: r.value, note: r.note });

export function createMetricsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO metrics (id, workshop_id, sort_order, fields, created_at, updated_at)
     VALUES (@id, @workshopId, (SELECT coalesce(max(sort_order), -1) + 1 FROM metrics WHERE workshop_id = @workshopId), @fields, @now, @now)`,
  );
  const byId = db.prepare('SELECT * FROM metrics WHERE id = ?');
  const byWorkshop = db.prepare('SELECT * FROM metrics WHERE workshop_id = ? ORDER BY sort_order');
  const readingsOfWorkshop = db.prepare(
    `SELECT r.* FROM metric_readings r JOIN metrics m ON m.id = r.metric_id
     WHERE m.workshop_id = ? ORDER BY r.date, r.created_at`,
  );
  const readingsOfMetric = db.prepare('SELECT * FROM metric_readings WHERE metric_id = ? ORDER BY date, created_at');
  const update = db.prepare('UPDATE metrics SET fields = @fields, updated_at = @now WHERE id = @id');
  const remove = db.prepare('DELETE FROM metrics WHERE id = ?');
  const insertReading = db.prepare(
    `INSERT INTO metric_readings (id, metric_id, date, value, note, created_at)
     VALUES (@id, @metricId, @date, @value, @note, @now)`,
  );
  const removeReading = db.prepare('DELETE FROM metric_readings WHERE id = ? AND metric_id = ?');

  const assemble = (row: MetricRow, readings: Reading[]): Metric => ({ id: row.id, ...readFields(row), readings });

  return {
    insert(id: string, workshopId: string, fields: MetricFields, now: string): void {
      insert.run({ id, workshopId, fields: JSON.stringify(fields), now });
    },
    get(id: string): (Metric & { workshopId: string }) | undefined {
      const row = byId.get(id) as MetricRow | undefined;
      if (!row) return undefined;
      const readings = (readingsOfMetric.all(id) as ReadingRow[]).map(toReading);
      return { ...assemble(row, readings), workshopId: row.workshop_id };
    },
    list(workshopId: string): Metric[] {
      const readings = new Map<string, Reading[]>();
      for (const r of readingsOfWorkshop.all(workshopId) as ReadingRow[]) {
        const list = readings.get(r.metric_id) ?? [];
        list.push(toReading(r));
        readings.set(r.metric_id, list);
      }
      return (byWorkshop.all(workshopId) as MetricRow[]).map((row) => assemble(row, readings.get(row.id) ?? []));
    },
    update(id: string, fields: MetricFields, now: string): void {
      update.run({ id, fields: JSON.stringify(fields), now });
    },
    remove(id: string): void {
      remove.run(id);
    },
    insertReading(id: string, metricId: string, reading: ReadingInput, now: string): void {
      insertReading.run({ id, metricId, ...reading, now });
    },
    removeReading(id: string, metricId: string): boolean {
      return removeReading.run(id, metricId).changes === 1;
    },
  };
}
export type MetricsRepo = ReturnType<typeof createMetricsRepo>;
