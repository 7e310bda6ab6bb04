// Schema step 3 (a measurement plan per map version), run on a real database file
// as the release before it (schema 2) wrote it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src-main/backend';
import { schemaVersion } from '../../src-main/db/migrate';
import { LATEST_SCHEMA_VERSION, SCHEMA_MIGRATIONS } from '../../src-main/db/migrations';
import { aChainMap, aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

const fieldsOf = (name: string, attachTo: object) => ({
  attachTo,
  name,
  question: '',
  definition: '',
  unit: 'percent',
  kind: 'outcome',
  dataSource: 'CRM',
  ownerRole: 'Sales operations',
  cadence: 'monthly',
  baseline: 18,
  target: 25,
  suggestionKey: null,
});

/**
 * A leanmap.db as the release with schema 2 left it: one workshop with an agreed
 * "Current state" and a draft "Future state", and one plan of two metrics (one
 * attached to a transition) with readings, shared by both versions.
 */
function aSchemaTwoDatabase(dataDir: string) {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME));
  for (const step of SCHEMA_MIGRATIONS.filter((m) => m.version <= 2)) db.exec(step.sql);
  db.pragma('user_version = 2');
  const meta = aWorkshopMeta({ title: 'Made with schema 2', organisation: 'Acme' });
  const { doc, transitions } = aChainMap(2);
  db.prepare(`INSERT INTO workshops (id, title, organisation, meta, revision, created_at, updated_at) VALUES ('w1', ?, 'Acme', ?, 4, '2026-01-01', '2026-01-02')`).run(
    meta.title,
    JSON.stringify(meta),
  );
  const version = db.prepare(
    `INSERT INTO map_versions (id, workshop_id, name, sort_order, document, revision, sign_off, created_at, updated_at)
     VALUES (?, 'w1', ?, ?, ?, 2, ?, '2026-01-01', '2026-01-01')`,
  );
  version.run('v1', 'Current state', 0, JSON.stringify(doc), JSON.stringify({ agreedAt: '2026-01-05', agreedBy: ['Sam'] }));
  version.run('v2', 'Future state', 1, JSON.stringify(doc), null);
  const metric = db.prepare(`INSERT INTO metrics (id, workshop_id, sort_order, fields, created_at, updated_at) VALUES (?, 'w1', ?, ?, '2026-01-01', '2026-01-01')`);
  metric.run('m1', 0, JSON.stringify(fieldsOf('Win rate', { kind: 'process' })));
  metric.run('m2', 1, JSON.stringify(fieldsOf('First call to demo', { kind: 'transition', transitionId: transitions[0]!.id })));
  const reading = db.prepare(`INSERT INTO metric_readings (id, metric_id, date, value, note, created_at) VALUES (?, ?, ?, ?, ?, '2026-02-01T10:00:00.000Z')`);
  reading.run('r1', 'm1', '2026-01-31', 19, 'first review');
  reading.run('r2', 'm1', '2026-02-28', 21, '');
  db.close();
  return { transitions };
}

describe('schema step 3: a measurement plan per map version', () => {
  it('backs the schema-2 file up first, then gives every version the plan it showed, readings included', async () => {
    const dataDir = temp.makeDir();
    aSchemaTwoDatabase(dataDir);
    const backend = await temp.openBackend(dataDir);
    expect(backend.migration).toMatchObject({ from: 2, to: LATEST_SCHEMA_VERSION });
    expect(schemaVersion(backend.db)).toBe(LATEST_SCHEMA_VERSION);
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dataDir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(2);
    expect((backup.prepare('SELECT count(*) AS n FROM metrics').get() as { n: number }).n).toBe(2);
    backup.close();

    const current = await call(backend, 'metric.list', { versionId: 'v1' });
    const future = await call(backend, 'metric.list', { versionId: 'v2' });
    for (const plan of [current, future]) {
      expect(plan.map((m) => m.name)).toEqual(['Win rate', 'First call to demo']);
      expect(plan[0]!.readings.map((r) => [r.date, r.value, r.note])).toEqual([
        ['2026-01-31', 19, 'first review'],
        ['2026-02-28', 21, ''],
      ]);
      expect(plan.every((m) => m.revision === 1)).toBe(true);
    }
    // The originals (ids and readings) stay with the first version; the copies are new rows.
    expect(current.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(current[0]!.readings.map((r) => r.id)).toEqual(['r1', 'r2']);
    const allMetricIds = [...current, ...future].map((m) => m.id);
    expect(new Set(allMetricIds).size).toBe(4);
    const allReadingIds = [...current, ...future].flatMap((m) => m.readings.map((r) => r.id));
    expect(new Set(allReadingIds).size).toBe(4);
    expect(future[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const fk = backend.db.pragma('foreign_key_check') as unknown[];
    expect(fk).toEqual([]);
  });

  it('freezes the workshop facts of today into an agreed version, so its report stops following later edits', async () => {
    const dataDir = temp.makeDir();
    aSchemaTwoDatabase(dataDir);
    const backend = await temp.openBackend(dataDir);
    const current = await call(backend, 'map.get', { versionId: 'v1' });
    expect(current.signOff).toMatchObject({ agreedAt: '2026-01-05', agreedBy: ['Sam'], facts: { organisation: 'Acme' } });
    expect(current.agreementHistory).toEqual([]);
    const detail = await call(backend, 'workshop.get', { id: 'w1' });
    await call(backend, 'workshop.update', { id: 'w1', revision: detail.revision, meta: { ...detail.meta, organisation: 'Acme Group' } });
    const report = backend.exports.reportOf('v1');
    expect(report.cover.organisation).toBe('Acme');
    expect(backend.exports.reportOf('v2').cover.organisation).toBe('Acme Group');
  });

  it('keeps the agreed version locked and the draft one editable after the upgrade', async () => {
    const dataDir = temp.makeDir();
    aSchemaTwoDatabase(dataDir);
    const backend = await temp.openBackend(dataDir);
    const [agreedMetric] = await call(backend, 'metric.list', { versionId: 'v1' });
    const [draftMetric] = await call(backend, 'metric.list', { versionId: 'v2' });
    expect((await refusal(backend, 'metric.update', { id: agreedMetric!.id, revision: 1, fields: { target: 30 } })).code).toBe('LOCKED');
    const changed = await call(backend, 'metric.update', { id: draftMetric!.id, revision: 1, fields: { target: 30 } });
    expect(changed).toMatchObject({ target: 30, baseline: 18, revision: 2 });
    expect((await call(backend, 'metric.list', { versionId: 'v1' }))[0]!.target).toBe(25);
  });
});

describe('schema step 3, for any number of versions, metrics and readings', () => {
  it('gives every version the whole plan, each row once, with unique ids and nothing dangling', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }),
        async (versionCount, readingsPerMetric) => {
          const dataDir = temp.makeDir();
          const db = new Database(join(dataDir, DATABASE_FILE_NAME));
          for (const step of SCHEMA_MIGRATIONS.filter((m) => m.version <= 2)) db.exec(step.sql);
          db.pragma('user_version = 2');
          const meta = aWorkshopMeta();
          db.prepare(`INSERT INTO workshops (id, title, organisation, meta, created_at, updated_at) VALUES ('w', ?, '', ?, 'x', 'x')`).run(
            meta.title,
            JSON.stringify(meta),
          );
          const doc = JSON.stringify(aChainMap(1).doc);
          for (let v = 0; v < versionCount; v++) {
            db.prepare(`INSERT INTO map_versions (id, workshop_id, name, sort_order, document, created_at, updated_at) VALUES (?, 'w', ?, ?, ?, 'x', 'x')`).run(
              `v${v}`,
              `Version ${v}`,
              v,
              doc,
            );
          }
          readingsPerMetric.forEach((n, m) => {
            db.prepare(`INSERT INTO metrics (id, workshop_id, sort_order, fields, created_at, updated_at) VALUES (?, 'w', ?, ?, 'x', 'x')`).run(
              `m${m}`,
              m,
              JSON.stringify(fieldsOf(`Metric ${m}`, { kind: 'process' })),
            );
            for (let r = 0; r < n; r++) {
              db.prepare(`INSERT INTO metric_readings (id, metric_id, date, value, note, created_at) VALUES (?, ?, '2026-01-31', ?, '', 'x')`).run(`m${m}r${r}`, `m${m}`, r);
            }
          });
          db.close();

          const backend = await temp.openBackend(dataDir);
          const plans = await Promise.all(Array.from({ length: versionCount }, (_, v) => call(backend, 'metric.list', { versionId: `v${v}` })));
          for (const plan of plans) {
            expect(plan.map((m) => [m.name, m.readings.length])).toEqual(readingsPerMetric.map((n, m) => [`Metric ${m}`, n]));
          }
          const metricIds = plans.flat().map((m) => m.id);
          expect(new Set(metricIds).size).toBe(versionCount * readingsPerMetric.length);
          const readingIds = plans.flat().flatMap((m) => m.readings.map((r) => r.id));
          expect(new Set(readingIds).size).toBe(versionCount * readingsPerMetric.reduce((a, b) => a + b, 0));
          const orphans = backend.db.prepare('SELECT count(*) AS n FROM metrics WHERE version_id IS NULL').get() as { n: number };
          expect(orphans.n).toBe(0);
          expect(backend.db.pragma('foreign_key_check')).toEqual([]);
          backend.close();
        },
      ),
      { numRuns: 12, seed: 20261129 },
    );
  });
});
