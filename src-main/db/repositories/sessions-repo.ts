// Rows of workshop_sessions: each workshop's facilitation records as one JSON,
// validated on the way in and out so a damaged row is reported, never shown as fine.
import { DomainError } from '../../../src-shared/api/errors';
import { SessionRecordsSchema, type SessionRecords } from '../../../src-shared/domain/facilitation/session';
import type { Db } from '../open';

export interface StoredSession {
  workshopId: string;
  records: SessionRecords;
  revision: number;
  updatedAt: string;
}

interface RawRow {
  workshop_id: string;
  records: string;
  revision: number;
  updated_at: string;
}

function readRecords(raw: RawRow): SessionRecords {
  let json: unknown;
  try {
    json = JSON.parse(raw.records);
  } catch {
    json = undefined;
  }
  const parsed = SessionRecordsSchema.safeParse(json);
  if (!parsed.success) throw new DomainError('INTERNAL', `The stored agenda, votes and decisions of workshop ${raw.workshop_id} are damaged.`);
  return parsed.data;
}

export function createSessionsRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM workshop_sessions WHERE workshop_id = ?');
  const insert = db.prepare(
    'INSERT INTO workshop_sessions (workshop_id, records, revision, updated_at) VALUES (@workshopId, @records, 1, @now)',
  );
  const update = db.prepare(
    `UPDATE workshop_sessions SET records = @records, revision = revision + 1, updated_at = @now
     WHERE workshop_id = @workshopId AND revision = @revision`,
  );
  const write = (records: SessionRecords): string => JSON.stringify(SessionRecordsSchema.parse(records));

  return {
    get(workshopId: string): StoredSession | undefined {
      const raw = byId.get(workshopId) as RawRow | undefined;
      if (!raw) return undefined;
      return { workshopId, records: readRecords(raw), revision: raw.revision, updatedAt: raw.updated_at };
    },
    insert(workshopId: string, records: SessionRecords, now: string): void {
      insert.run({ workshopId, records: write(records), now });
    },
    /** Returns false when the revision no longer matches (another window changed it first). */
    update(workshopId: string, revision: number, records: SessionRecords, now: string): boolean {
      return update.run({ workshopId, revision, records: write(records), now }).changes === 1;
    },
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
