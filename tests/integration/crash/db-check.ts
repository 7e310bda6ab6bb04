// What a crash may never leave behind: a damaged database file or rows that point
// at nothing. Reads the file after the kill without changing it.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DbCheck {
  ok: boolean;
  problems: string[];
}

function checkOpen(db: Database.Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
  }
  const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const o of orphans) problems.push(`foreign_key_check: ${o.table} row ${o.rowid} points at a missing ${o.parent}`);
  return problems;
}

/**
 * Opens leanmap.db read-only. When the last writer died with a WAL that a read-only
 * connection cannot recover, checks a copy (file, -wal) instead, so the original is
 * left exactly as the crash left it for the next start.
 */
export function checkDatabaseFile(file: string): DbCheck {
  if (!existsSync(file)) return { ok: true, problems: [] }; // killed before the file was made
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const problems = checkOpen(db);
      return { ok: problems.length === 0, problems };
    } finally {
      db.close();
    }
  } catch (error) {
    if (!/readonly|read-only|locked/i.test(String((error as Error).message))) {
      return { ok: false, problems: [`cannot read: ${(error as Error).message}`] };
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'leanmap-crash-copy-'));
  try {
    const copy = join(dir, 'leanmap.db');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      const problems = checkOpen(db);
      return { ok: problems.length === 0, problems };
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, problems: [`cannot read a copy: ${(error as Error).message}`] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
