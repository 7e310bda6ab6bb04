// Rows of the workshops table, validated on the way out: a damaged meta column
// is reported, never handed to the renderer as if it were fine.
import { WorkshopMetaSchema, type WorkshopMeta } from '../../../src-shared/domain/workshop';
import type { WorkshopSummary } from '../../../src-shared/api/contract';
import { DomainError } from '../../../src-shared/api/errors';
import type { Db } from '../open';

export interface WorkshopRow {
  id: string;
  meta: WorkshopMeta;
  revision: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

interface RawRow {
  id: string;
  meta: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

function readMeta(raw: RawRow): WorkshopMeta {
  let json: unknown;
  try {
    json = JSON.parse(raw.meta);
  } catch {
    json = undefined;
  }
  const parsed = WorkshopMetaSchema.safeParse(json);
  if (!parsed.success) throw new DomainError('INTERNAL', `The stored details of workshop ${raw.id} are damaged.`);
  return parsed.data;
}

function toRow(raw: RawRow): WorkshopRow {
  return {
    id: raw.id,
    meta: readMeta(raw),
    revision: raw.revision,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    deletedAt: raw.deleted_at,
  };
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createWorkshopsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO workshops (id, title, organisation, meta, revision, created_at, updated_at, deleted_at)
     VALUES (@id, @title, @organisation, @meta, 1, @now, @now, NULL)`,
  );
  const byId = db.prepare('SELECT * FROM workshops WHERE id = ?');
  const list = db.prepare(
    `SELECT w.*, (
        SELECT coalesce(json_array_length(v.document, '$.stages'), 0) FROM map_versions v
        WHERE v.workshop_id = w.id ORDER BY v.sort_order LIMIT 1
      ) AS stage_count
     FROM workshops w
     WHERE (CASE WHEN @trash THEN w.deleted_at IS NOT NULL ELSE w.deleted_at IS NULL END)
       AND (@pattern IS NULL OR w.title LIKE @pattern ESCAPE '\\' OR w.organisation LIKE @pattern ESCAPE '\\')
     ORDER BY w.updated_at DESC, w.created_at DESC`,
  );
  const updateMeta = db.prepare(
    `UPDATE workshops SET meta = @meta, title = @title, organisation = @organisation,
       revision = revision + 1, updated_at = @now WHERE id = @id AND revision = @revision`,
  );
  const setDeleted = db.prepare('UPDATE workshops SET deleted_at = @deletedAt, updated_at = @now WHERE id = @id');
  const touch = db.prepare('UPDATE workshops SET updated_at = @now WHERE id = @id');
  const remove = db.prepare('DELETE FROM workshops WHERE id = ?');

  return {
    insert(id: string, meta: WorkshopMeta, now: string): void {
      insert.run({ id, title: meta.title, organisation: meta.organisation, meta: JSON.stringify(meta), now });
    },
    get(id: string): WorkshopRow | undefined {
      const raw = byId.get(id) as RawRow | undefined;
      return raw && toRow(raw);
    },
    list(query: string, trash: boolean): WorkshopSummary[] {
      const q = query.trim();
      const rows = list.all({ trash: trash ? 1 : 0, pattern: q ? likePattern(q) : null }) as (RawRow & {
        stage_count: number | null;
      })[];
      return rows.map((raw) => {
        const row = toRow(raw);
        return {
          id: row.id,
          title: row.meta.title,
          organisation: row.meta.organisation,
          date: row.meta.date,
          status: row.meta.status,
          revision: row.revision,
          stageCount: raw.stage_count ?? 0,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          deletedAt: row.deletedAt,
        };
      });
    },
    /** Returns false when the revision no longer matches (someone else saved first). */
    updateMeta(id: string, revision: number, meta: WorkshopMeta, now: string): boolean {
      const info = updateMeta.run({
        id,
        revision,
        meta: JSON.stringify(meta),
        title: meta.title,
        organisation: meta.organisation,
        now,
      });
      return info.changes === 1;
    },
    setDeleted(id: string, deletedAt: string | null, now: string): void {
      setDeleted.run({ id, deletedAt, now });
    },
    touch(id: string, now: string): void {
      touch.run({ id, now });
    },
    remove(id: string): void {
      remove.run(id);
    },
  };
}
export type WorkshopsRepo = ReturnType<typeof createWorkshopsRepo>;
