// Each released schema step, run on a real database file of the version before it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src-main/backend';
import { schemaVersion } from '../../src-main/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { call, useTempDirs } from '../fixtures/backend';
import { anOldDatabase } from '../fixtures/old-database';

const temp = useTempDirs();

/** A leanmap.db as Leanmap 0.1 left it: schema 1, one workshop with a format-1 map. */
function aVersionOneDatabase(dataDir: string): void {
  const formatOneMap = {
    schemaVersion: 1,
    stages: [
      {
        id: 's1',
        name: 'Compare options',
        customerGoal: '',
        actions: [],
        exitCriteria: [],
        stakeholders: '',
        toolsAndContent: '',
        painPoints: '',
        notes: '',
        position: { x: 0, y: 0 },
      },
    ],
    outcomes: [{ id: 'o1', kind: 'won', label: 'Won', position: { x: 400, y: 0 } }],
    transitions: [{ id: 't1', source: 's1', target: 'o1', label: '', conversionRate: 0.25 }],
  };
  anOldDatabase(dataDir, { schema: 1, title: 'Made with 0.1', document: formatOneMap, revision: 3, date: '2026-01-01' });
}

describe('schema step 2 (the measurement plan)', () => {
  it('upgrades a version-1 database after backing it up, keeping its workshops and maps', async () => {
    const dataDir = temp.makeDir();
    aVersionOneDatabase(dataDir);
    const backend = await temp.openBackend(dataDir);
    expect(backend.migration.from).toBe(1);
    expect(schemaVersion(backend.db)).toBe(LATEST_SCHEMA_VERSION);
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dataDir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();

    const [summary] = await call(backend, 'workshop.list', {});
    expect(summary).toMatchObject({ title: 'Made with 0.1', stageCount: 1 });
    const map = await call(backend, 'map.get', { versionId: 'v1' });
    // The format-1 document is read through the document step too.
    expect(map.document.schemaVersion).toBe(2);
    expect(map.document.stages[0]).toMatchObject({ daysPerVisit: null, completeAndAccurate: null });
    expect(map.document.transitions[0]!.conversionRate).toBe(0.25);
    expect(await call(backend, 'metric.list', { versionId: 'v1' })).toEqual([]);
  });

  it('lets the upgraded map be saved in the new format on the revision it had', async () => {
    const dataDir = temp.makeDir();
    aVersionOneDatabase(dataDir);
    const backend = await temp.openBackend(dataDir);
    const map = await call(backend, 'map.get', { versionId: 'v1' });
    const saved = await call(backend, 'map.save', {
      versionId: 'v1',
      revision: map.revision,
      document: { ...map.document, process: { ...map.document.process, entriesPerPeriod: 40 } },
    });
    expect(saved.revision).toBe(4);
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true);
  });
});
