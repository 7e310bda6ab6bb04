// Rows of the improvements table: a workshop's kaizen items. Each carries a revision, so
// two windows never overwrite each other; JSON columns are validated when read.
import type { PlanImprovement } from '../../../src-shared/api/contract';
import type { FileImprovement } from '../../../src-shared/domain/export-envelope';
import { DomainError } from '../../../src-shared/api/errors';
import {
  FrozenPredictionSchema,
  ImprovementFieldsSchema,
  ImprovementStatusSchema,
  type FrozenPrediction,
  type ImprovementFields,
  type ImprovementStatus,
} from '../../../src-shared/domain/improvement';
import type { Db } from '../open';

interface ImprovementRow {
  id: string;
  workshop_id: string;
  revision: number;
  fields: string;
  status: string;
  focus_override_reason: string | null;
  prediction: string | null;
  created_at: string;
  updated_at: string;
}

/** The facts of an improvement beside its fields: what a status move changes. */
export interface ImprovementState {
  status: ImprovementStatus;
  focusOverrideReason: string | null;
  prediction: FrozenPrediction | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function damaged(id: string): DomainError {
  return new DomainError('INTERNAL', `The stored improvement ${id} is damaged.`);
}

function toImprovement(row: ImprovementRow): PlanImprovement {
  const fields = ImprovementFieldsSchema.safeParse(parseJson(row.fields));
  const status = ImprovementStatusSchema.safeParse(row.status);
  const prediction = row.prediction === null ? null : FrozenPredictionSchema.safeParse(parseJson(row.prediction));
  if (!fields.success || !status.success || (prediction !== null && !prediction.success)) throw damaged(row.id);
  return {
    id: row.id,
    workshopId: row.workshop_id,
    revision: row.revision,
    createdAt: row.created_at,
    ...fields.data,
    status: status.data,
    focusOverrideReason: row.focus_override_reason,
    prediction: prediction === null ? null : prediction.data!,
  };
}

/** Only the facilitator's own fields of an improvement (never its id, status or revision). */
export function improvementFieldsOf(m: ImprovementFields): ImprovementFields {
  const keys = Object.keys(ImprovementFieldsSchema.shape) as (keyof ImprovementFields)[];
  return Object.fromEntries(keys.map((k) => [k, m[k]])) as ImprovementFields;
}

export function createImprovementsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO improvements (id, workshop_id, revision, fields, status, focus_override_reason, prediction, created_at, updated_at)
     VALUES (@id, @workshopId, 1, @fields, @status, @reason, @prediction, @createdAt, @now)`,
  );
  const byId = db.prepare('SELECT * FROM improvements WHERE id = ?');
  const byWorkshop = db.prepare('SELECT * FROM improvements WHERE workshop_id = ? ORDER BY created_at, rowid');
  const update = db.prepare(
    `UPDATE improvements SET fields = @fields, status = @status, focus_override_reason = @reason, prediction = @prediction,
       revision = revision + 1, updated_at = @now
     WHERE id = @id AND revision = @revision`,
  );
  const remove = db.prepare('DELETE FROM improvements WHERE id = ?');
  const forgetMetric = db.prepare(
    `UPDATE improvements SET fields = json_set(fields, '$.metricId', json('null')), revision = revision + 1, updated_at = @now
     WHERE json_extract(fields, '$.metricId') = @metricId`,
  );

  const row = (fields: ImprovementFields, state: ImprovementState) => ({
    fields: JSON.stringify(improvementFieldsOf(fields)),
    status: state.status,
    reason: state.focusOverrideReason,
    prediction: state.prediction === null ? null : JSON.stringify(state.prediction),
  });

  return {
    insert(m: { id: string; workshopId: string; fields: ImprovementFields; state: ImprovementState; createdAt?: string; now: string }): void {
      insert.run({ id: m.id, workshopId: m.workshopId, ...row(m.fields, m.state), createdAt: m.createdAt ?? m.now, now: m.now });
    },
    get(id: string): PlanImprovement | undefined {
      const r = byId.get(id) as ImprovementRow | undefined;
      return r && toImprovement(r);
    },
    list(workshopId: string): PlanImprovement[] {
      return (byWorkshop.all(workshopId) as ImprovementRow[]).map(toImprovement);
    },
    /** Returns false when the revision no longer matches (someone else changed it first). */
    update(id: string, revision: number, fields: ImprovementFields, state: ImprovementState, now: string): boolean {
      return update.run({ id, revision, ...row(fields, state), now }).changes === 1;
    },
    remove(id: string): boolean {
      return remove.run(id).changes === 1;
    },
    /** A deleted metric is no longer what an improvement should move: its link is cleared, the improvement kept. */
    forgetMetric(metricId: string, now: string): void {
      forgetMetric.run({ metricId, now });
    },
    /**
     * Copies improvements into another workshop (a duplicate or an import) with new ids.
     * Map ids stay (the maps are copied with theirs); the metric and the version a
     * prediction names follow their copies, or are dropped (metric) / kept (prediction).
     */
    copyAll(
      items: readonly FileImprovement[],
      to: { workshopId: string; now: string; newId: () => string },
      ids: { metrics: ReadonlyMap<string, string>; versions: ReadonlyMap<string, string> },
    ): Map<string, string> {
      /** Old id → new id, so the facilitation records (votes, parked items, decisions) can follow. */
      const copies = new Map<string, string>();
      for (const m of items) {
        const fields = { ...improvementFieldsOf(m), metricId: m.metricId === null ? null : (ids.metrics.get(m.metricId) ?? null) };
        const prediction = m.prediction && { ...m.prediction, versionId: ids.versions.get(m.prediction.versionId) ?? m.prediction.versionId };
        const id = to.newId();
        copies.set(m.id, id);
        insert.run({ id, workshopId: to.workshopId, ...row(fields, { ...m, prediction }), createdAt: m.createdAt ?? to.now, now: to.now });
      }
      return copies;
    },
  };
}
export type ImprovementsRepo = ReturnType<typeof createImprovementsRepo>;
