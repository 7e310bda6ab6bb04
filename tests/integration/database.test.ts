// Opening and upgrading leanmap.db on real files: a fresh folder gets the latest
// schema, an upgrade is backed up first and all-or-nothing, and a database Leanmap
// cannot read (newer, damaged) is refused and left exactly as it was.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src-main/backend';
import { DatabaseError } from '../../src-main/db/database-error';
import { migrateDatabase, schemaVersion } from '../../src-main/db/migrate';
import { LATEST_SCHEMA_VERSION, SCHEMA_MIGRATIONS, type SchemaMigration } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

function tableNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
  } finally {
    db.close();
  }
}

/** A data folder whose database is at the latest version and holds one workshop. */
async function aDataDirWithOneWorkshop(title = 'Before the upgrade') {
  const dataDir = temp.makeDir();
  const backend = await temp.openBackend(dataDir);
  await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title }), template: 'blank' });
  backend.close();
  return { dataDir, file: join(dataDir, DATABASE_FILE_NAME) };
}

const withTagsStep = (sql = 'CREATE TABLE tags (id TEXT PRIMARY KEY, label TEXT NOT NULL);'): SchemaMigration[] => [
  ...SCHEMA_MIGRATIONS,
  { version: LATEST_SCHEMA_VERSION + 1, name: 'tags', sql },
];

describe('opening a data folder', () => {
  it('creates leanmap.db at the latest schema version, without a backup, in an empty folder', async () => {
    const dataDir = temp.makeDir();
    const backend = await temp.openBackend(dataDir);
    expect(backend.migration).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
    expect(backend.databaseFile).toBe(join(dataDir, DATABASE_FILE_NAME));
    expect(schemaVersion(backend.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    backend.close();
    expect(tableNames(join(dataDir, DATABASE_FILE_NAME))).toEqual(['improvements', 'map_versions', 'metric_readings', 'metrics', 'workshop_sessions', 'workshops']);
  });

  it('creates the data folder itself when it does not exist yet', async () => {
    const dataDir = join(temp.makeDir(), 'nested', 'Leanmap');
    await temp.openBackend(dataDir);
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true);
  });

  it('runs nothing and backs nothing up when the database is already current', async () => {
    const { dataDir } = await aDataDirWithOneWorkshop();
    const reopened = await temp.openBackend(dataDir);
    expect(reopened.migration).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, backupFile: null });
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('sets the durability pragmas on every open: WAL, synchronous FULL, foreign keys', async () => {
    const { dataDir } = await aDataDirWithOneWorkshop();
    const backend = await temp.openBackend(dataDir);
    expect(backend.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(backend.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(backend.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(backend.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });
});

describe('upgrading a database', () => {
  it('backs the database up with its old version and data, then runs the new step', async () => {
    const { dataDir, file } = await aDataDirWithOneWorkshop('Kept in the backup');
    const db = openDatabase(file);
    try {
      const result = await migrateDatabase(db, {
        backupDir: join(dataDir, 'backups'),
        now: new Date('2026-11-22T10:00:00.000Z'),
        migrations: withTagsStep(),
      });
      expect(result.from).toBe(LATEST_SCHEMA_VERSION);
      expect(result.to).toBe(LATEST_SCHEMA_VERSION + 1);
      expect(result.backupFile).not.toBeNull();
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'tags'").get()).toBeDefined();

      expect(readdirSync(join(dataDir, 'backups'))).toEqual([result.backupFile!.split(/[\\/]/).pop()]);
      const backup = new Database(result.backupFile!, { readonly: true });
      try {
        expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        expect(backup.prepare('SELECT title FROM workshops').all()).toEqual([{ title: 'Kept in the backup' }]);
        expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'tags'").get()).toBeUndefined();
      } finally {
        backup.close();
      }
    } finally {
      db.close();
    }
  });

  it('rolls every step back when one fails, and says nothing was changed', async () => {
    const { dataDir, file } = await aDataDirWithOneWorkshop();
    const tablesBefore = tableNames(file);
    const db = openDatabase(file);
    try {
      const failing = [
        ...withTagsStep(),
        { version: LATEST_SCHEMA_VERSION + 2, name: 'broken', sql: 'CREATE TABLE notes (id TEXT); INSERT INTO nowhere VALUES (1);' },
      ];
      const error = await migrateDatabase(db, { backupDir: join(dataDir, 'backups'), now: new Date(), migrations: failing }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).problem).toBe('MIGRATION_FAILED');
      expect((error as DatabaseError).message).toContain('Nothing was changed');
      expect((error as DatabaseError).message).toContain('a copy is at');
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT count(*) AS n FROM workshops').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    expect(tableNames(file)).toEqual(tablesBefore);
  });

  it('refuses a database from a newer Leanmap and leaves the file unchanged', async () => {
    const { dataDir, file } = await aDataDirWithOneWorkshop();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(file);

    const error = await temp.openBackend(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).problem).toBe('FROM_FUTURE');
    expect((error as DatabaseError).message).toContain('newer Leanmap');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('refuses a damaged database file and leaves it byte for byte as it was', async () => {
    const dataDir = temp.makeDir();
    const file = join(dataDir, DATABASE_FILE_NAME);
    const garbage = randomBytes(64 * 1024);
    writeFileSync(file, garbage);

    const error = await temp.openBackend(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).problem).toBe('CORRUPT');
    expect((error as DatabaseError).message).toContain('Nothing was changed');
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });
});
