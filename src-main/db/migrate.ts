// Brings a database up to the latest schema: refuses one from a newer Leanmap,
// copies it aside with SQLite's backup API, then runs every pending step in one
// transaction, so a failed upgrade leaves the file exactly as it was.
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseError } from './database-error';
import { LATEST_SCHEMA_VERSION, SCHEMA_MIGRATIONS, type SchemaMigration } from './migrations';
import type { Db } from './open';

export interface MigrateResult {
  from: number;
  to: number;
  backupFile: string | null;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function hasTables(db: Db): boolean {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
}

export async function migrateDatabase(
  db: Db,
  options: { backupDir: string; now: Date; migrations?: readonly SchemaMigration[] },
): Promise<MigrateResult> {
  const migrations = options.migrations ?? SCHEMA_MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? LATEST_SCHEMA_VERSION;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new DatabaseError(
      'FROM_FUTURE',
      `This database was written by a newer Leanmap (database version ${from}; this one knows up to ${latest}). ` +
        'Nothing was changed. Update Leanmap to open it.',
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0 || hasTables(db)) {
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.now.toISOString().replace(/[:.]/g, '-');
    backupFile = join(options.backupDir, `leanmap-v${from}-before-v${latest}-${stamp}.db`);
    // Written under a temporary name and renamed, so a crash never leaves a half backup.
    const partial = `${backupFile}.partial`;
    await db.backup(partial);
    renameSync(partial, backupFile);
  }

  const run = db.transaction(() => {
    for (const step of pending) {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  });
  try {
    run();
  } catch (cause) {
    throw new DatabaseError(
      'MIGRATION_FAILED',
      `Leanmap could not upgrade its database (${(cause as Error).message}). Nothing was changed` +
        (backupFile ? `; a copy is at ${backupFile}.` : '.'),
      { cause },
    );
  }
  return { from, to: latest, backupFile };
}
