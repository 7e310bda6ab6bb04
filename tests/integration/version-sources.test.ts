// Schema step 5: a map version records the version it was copied from, on a real
// SQLite file, through map.createVersion, deletion, the workshop file and duplication.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src-main/backend';
import { SCHEMA_MIGRATIONS } from '../../src-main/db/migrations';
import { parseWorkshopFile } from '../../src-shared/domain/export-envelope';
import { aChainMap, aWorkshopMeta } from '../fixtures/factories';
import { call, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

async function aWorkshopWithAFutureState() {
  const backend = await temp.openBackend(temp.makeDir());
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Sources' }), template: 'b2b-buying-journey' });
  const current = workshop.versions[0]!;
  const future = await call(backend, 'map.createVersion', { fromVersionId: current.id, name: 'Future state' });
  return { backend, workshop, current, future };
}

describe('the version a new version came from', () => {
  it('is recorded by map.createVersion and shown in the summaries', async () => {
    const { backend, workshop, current, future } = await aWorkshopWithAFutureState();
    expect(current.sourceVersionId).toBeNull();
    expect(future.sourceVersionId).toBe(current.id);
    const detail = await call(backend, 'workshop.get', { id: workshop.id });
    expect(detail.versions.map((v) => v.sourceVersionId)).toEqual([null, current.id]);
    expect((await call(backend, 'map.get', { versionId: future.id })).sourceVersionId).toBe(current.id);
  });

  it('is forgotten, not refused, when the source is deleted', async () => {
    const { backend, workshop, current, future } = await aWorkshopWithAFutureState();
    await call(backend, 'map.deleteVersion', { versionId: current.id });
    const [left] = (await call(backend, 'workshop.get', { id: workshop.id })).versions;
    expect(left).toMatchObject({ id: future.id, sourceVersionId: null });
  });

  it('travels in the workshop file as a position and comes back as the new copy’s id', async () => {
    const { backend, workshop } = await aWorkshopWithAFutureState();
    const { text } = await call(backend, 'workshop.exportFile', { id: workshop.id });
    const parsed = parseWorkshopFile(text);
    expect(parsed.ok && parsed.file.versions.map((v) => v.sourceVersionIndex)).toEqual([null, 0]);
    const imported = await call(backend, 'workshop.importFile', { text });
    const versions = (await call(backend, 'workshop.get', { id: imported.id })).versions;
    expect(versions[1]!.sourceVersionId).toBe(versions[0]!.id);
  });

  it('is kept by a duplicated workshop, pointing at the duplicate’s own versions', async () => {
    const { backend, workshop } = await aWorkshopWithAFutureState();
    const copy = await call(backend, 'workshop.duplicate', { id: workshop.id });
    const versions = (await call(backend, 'workshop.get', { id: copy.id })).versions;
    expect(versions[1]!.sourceVersionId).toBe(versions[0]!.id);
  });

  it('is empty for versions made before step 5, which keep everything else', async () => {
    const dataDir = temp.makeDir();
    const db = new Database(join(dataDir, DATABASE_FILE_NAME));
    for (const step of SCHEMA_MIGRATIONS.filter((m) => m.version <= 3)) db.exec(step.sql);
    db.pragma('user_version = 3');
    const meta = aWorkshopMeta({ title: 'Before sources' });
    db.prepare(`INSERT INTO workshops (id, title, organisation, meta, created_at, updated_at) VALUES ('w1', ?, '', ?, '2026-01-01', '2026-01-01')`).run(meta.title, JSON.stringify(meta));
    const insert = db.prepare(`INSERT INTO map_versions (id, workshop_id, name, sort_order, document, created_at, updated_at) VALUES (?, 'w1', ?, ?, ?, '2026-01-01', '2026-01-01')`);
    const { doc } = aChainMap(2);
    insert.run('v1', 'Current state', 0, JSON.stringify(doc));
    insert.run('v2', 'Future state', 1, JSON.stringify(doc));
    db.close();
    const backend = await temp.openBackend(dataDir);
    const versions = (await call(backend, 'workshop.get', { id: 'w1' })).versions;
    expect(versions.map((v) => [v.name, v.sourceVersionId])).toEqual([
      ['Current state', null],
      ['Future state', null],
    ]);
  });
});

describe('a workshop file’s source positions', () => {
  it('drop a position pointing at the version itself or past the list, and read files without any', async () => {
    const { backend, workshop } = await aWorkshopWithAFutureState();
    const { text } = await call(backend, 'workshop.exportFile', { id: workshop.id });
    const raw = JSON.parse(text);
    raw.workshop.versions[0].sourceVersionIndex = 0;
    raw.workshop.versions[1].sourceVersionIndex = 7;
    const parsed = parseWorkshopFile(JSON.stringify(raw));
    expect(parsed.ok && parsed.file.versions.map((v) => v.sourceVersionIndex)).toEqual([null, null]);
    for (const v of raw.workshop.versions) delete v.sourceVersionIndex;
    const older = parseWorkshopFile(JSON.stringify(raw));
    expect(older.ok && older.file.versions.map((v) => v.sourceVersionIndex)).toEqual([undefined, undefined]);
  });
});
