// Where improvements live: schema step 4 on a database the current release wrote at step 3,
// copies of a workshop, and the workshop file that carries them to another machine.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src-main/backend';
import { schemaVersion } from '../../src-main/db/migrate';
import { LATEST_SCHEMA_VERSION, SCHEMA_MIGRATIONS } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open';
import { createWorkshopsRepo } from '../../src-main/db/repositories/workshops-repo';
import type { MetricFields } from '../../src-shared/domain/metric';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';
import { anImprovementFields, aRatedProcess } from '../fixtures/improvements';

const temp = useTempDirs();

const aWinRateMetric: MetricFields = {
  attachTo: { kind: 'process' },
  name: 'Win rate',
  question: '',
  definition: '',
  unit: 'percent',
  kind: 'outcome',
  dataSource: 'CRM',
  ownerRole: 'Sales ops',
  cadence: 'monthly',
  baseline: 18,
  target: 25,
  suggestionKey: null,
};

/** A leanmap.db at schema 3: its workshop written by today's repository, its map row by hand. */
function aSchemaThreeDatabase(dataDir: string) {
  const db = openDatabase(join(dataDir, DATABASE_FILE_NAME));
  for (const step of SCHEMA_MIGRATIONS.filter((m) => m.version <= 3)) db.exec(step.sql);
  db.pragma('user_version = 3');
  const { doc } = aRatedProcess();
  createWorkshopsRepo(db).insert('w1', aWorkshopMeta({ title: 'Made at schema 3' }), '2026-10-01T09:00:00.000Z');
  // Raw SQL: today's repository writes columns later steps add (step 5's source_version_id).
  db.prepare(
    `INSERT INTO map_versions (id, workshop_id, name, sort_order, document, created_at, updated_at)
     VALUES ('v1', 'w1', 'Current state', 0, ?, '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')`,
  ).run(JSON.stringify(doc));
  db.close();
  return { doc };
}

describe('schema step 4 (improvements)', () => {
  it('backs a schema-3 database up, then adds improvements to its workshops, which keep their maps', async () => {
    const dataDir = temp.makeDir();
    const { doc } = aSchemaThreeDatabase(dataDir);
    const backend = await temp.openBackend(dataDir);
    // Step 4 and any later steps run in one go.
    expect(backend.migration).toMatchObject({ from: 3, to: LATEST_SCHEMA_VERSION });
    expect(schemaVersion(backend.db)).toBe(LATEST_SCHEMA_VERSION);
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dataDir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(3);
    backup.close();

    expect((await call(backend, 'map.get', { versionId: 'v1' })).document).toEqual(doc);
    expect(await call(backend, 'improvement.list', { workshopId: 'w1' })).toEqual([]);
    const stageId = doc.stages[1]!.id;
    const item = await call(backend, 'improvement.create', { workshopId: 'w1', fields: anImprovementFields({ addresses: { kind: 'stage', stageId } }) });
    expect(await call(backend, 'improvement.list', { workshopId: 'w1' })).toEqual([item]);
  });

  it('reads a damaged stored improvement as an internal error, never as data', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta(), template: 'b2b-buying-journey' });
    const item = await call(backend, 'improvement.create', { workshopId: workshop.id, fields: anImprovementFields() });
    backend.db.prepare(`UPDATE improvements SET fields = '{"idea": 3}' WHERE id = ?`).run(item.id);
    expect((await refusal(backend, 'improvement.list', { workshopId: workshop.id })).code).toBe('INTERNAL');
  });
});

/** A workshop with a metric, a planned improvement linked to it (prediction frozen) and a plain idea. */
async function aWorkshopWithImprovements() {
  const backend = await temp.openBackend(temp.makeDir());
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Kaizen' }), template: 'b2b-buying-journey' });
  const versionId = workshop.versions[0]!.id;
  const { doc, bToC, b } = aRatedProcess();
  const map = await call(backend, 'map.get', { versionId });
  await call(backend, 'map.save', { versionId, revision: map.revision, document: doc });
  const metric = await call(backend, 'metric.create', { versionId, fields: aWinRateMetric });
  const planned = await call(backend, 'improvement.create', {
    workshopId: workshop.id,
    fields: anImprovementFields({
      idea: 'Qualify on the call',
      addresses: { kind: 'transition', transitionId: bToC.id },
      metricId: metric.id,
      effects: [{ kind: 'conversion', transitionId: bToC.id, rate: 0.7 }],
      votes: 6,
    }),
  });
  await call(backend, 'improvement.setStatus', { id: planned.id, revision: planned.revision, status: 'planned', versionId });
  await call(backend, 'improvement.create', {
    workshopId: workshop.id,
    fields: anImprovementFields({ idea: 'Shorter proposal', addresses: { kind: 'pain-point', stageId: b.id }, dueDate: '2027-01-15' }),
  });
  return { backend, workshopId: workshop.id, versionId, metricId: metric.id };
}

/** What must survive a copy: everything but ids and the references that follow them. */
const comparable = (items: Awaited<ReturnType<typeof call<'improvement.list'>>>) =>
  items.map(({ id: _id, workshopId: _w, revision: _r, metricId, prediction, ...rest }) => ({
    ...rest,
    hasMetric: metricId !== null,
    prediction: prediction && { ...prediction, versionId: 'same' },
  }));

describe('improvements travel with their workshop', () => {
  it('are copied by Duplicate, linked to the copy’s metric and version', async () => {
    const { backend, workshopId } = await aWorkshopWithImprovements();
    const copy = await call(backend, 'workshop.duplicate', { id: workshopId });
    const [original, copied] = [await call(backend, 'improvement.list', { workshopId }), await call(backend, 'improvement.list', { workshopId: copy.id })];
    expect(comparable(copied)).toEqual(comparable(original));
    const copyVersion = (await call(backend, 'workshop.get', { id: copy.id })).versions[0]!.id;
    const copyMetric = (await call(backend, 'metric.list', { versionId: copyVersion }))[0]!.id;
    expect(copied[0]).toMatchObject({ metricId: copyMetric, prediction: { versionId: copyVersion } });
    expect(copied.some((x) => original.some((o) => o.id === x.id))).toBe(false);
  });

  it('round-trip through the workshop file, in order, with statuses, predictions and links', async () => {
    const { backend, workshopId } = await aWorkshopWithImprovements();
    const { text } = await call(backend, 'workshop.exportFile', { id: workshopId });
    const envelope = JSON.parse(text) as { formatVersion: number; workshop: { improvements: { idea: string }[] } };
    expect(envelope.formatVersion).toBe(4);
    expect(envelope.workshop.improvements.map((x) => x.idea)).toEqual(['Qualify on the call', 'Shorter proposal']);
    const imported = await call(backend, 'workshop.importFile', { text });
    const back = await call(backend, 'improvement.list', { workshopId: imported.id });
    expect(comparable(back)).toEqual(comparable(await call(backend, 'improvement.list', { workshopId })));
    const version = (await call(backend, 'workshop.get', { id: imported.id })).versions[0]!.id;
    expect(back[0]).toMatchObject({ status: 'planned', metricId: (await call(backend, 'metric.list', { versionId: version }))[0]!.id });
    // Imported twice: new ids each time, so nothing collides.
    const again = await call(backend, 'workshop.importFile', { text });
    expect(await call(backend, 'improvement.list', { workshopId: again.id })).toHaveLength(2);
  });

  it('refuses a file whose improvement names a stage on none of its maps, importing nothing', async () => {
    const { backend, workshopId } = await aWorkshopWithImprovements();
    const { text } = await call(backend, 'workshop.exportFile', { id: workshopId });
    const envelope = JSON.parse(text) as { workshop: { improvements: { addresses: unknown }[] } };
    envelope.workshop.improvements[1]!.addresses = { kind: 'stage', stageId: '00000000-0000-4000-8000-000000000000' };
    const before = (await call(backend, 'workshop.list', {})).length;
    const error = await refusal(backend, 'workshop.importFile', { text: JSON.stringify(envelope) });
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toContain('Improvement "Shorter proposal" (number 2)');
    expect(error.message).toContain('Nothing was imported.');
    expect(await call(backend, 'workshop.list', {})).toHaveLength(before);
  });
});
