// The digest stored with every map document (schema step 7, src-main/db/document-digest.ts),
// on a real SQLite file: every write stores it, a read whose text matches trusts the text
// (no migration, no schema check), anything else is checked as before, and the browser
// host answers 'map.get' with exactly the JSON of the parsed document.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/backend';
import { documentDigest } from '../../src-main/db/document-digest';
import { schemaVersion } from '../../src-main/db/migrate';
import { startHttpHost } from '../../src-main/server/http-host';
import { migrateDocument } from '../../src-shared/domain/document-migrations';
import { emptyDocument, type MapDocument } from '../../src-shared/domain/map-document';
import { newStage } from '../../src-shared/domain/map-ops';
import { templateDocument } from '../../src-shared/domain/templates';
import { bigMap } from '../../bench/big-map';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';
import { postToHost } from '../fixtures/host-post';
import { anOldDatabase } from '../fixtures/old-database';

const temp = useTempDirs();

interface Row {
  id: string;
  document: string;
  document_digest: string | null;
}
const rows = (backend: Backend) => backend.db.prepare('SELECT id, document, document_digest FROM map_versions ORDER BY id').all() as Row[];
const rowOf = (backend: Backend, id: string) => backend.db.prepare('SELECT id, document, document_digest FROM map_versions WHERE id = ?').get(id) as Row;
/** Writes a row's text and digest behind the app's back; the revision moves on as any write's does. */
const writeRow = (backend: Backend, id: string, document: string, digest: string | null) =>
  backend.db.prepare('UPDATE map_versions SET document = ?, document_digest = ?, revision = revision + 1 WHERE id = ?').run(document, digest, id);

/** A saved 50-stage map in a fresh data folder. */
async function aSavedMap() {
  const dir = temp.makeDir();
  const backend = await temp.openBackend(dir);
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta(), template: 'blank' });
  const versionId = workshop.versions[0]!.id;
  const document = bigMap(50);
  await call(backend, 'map.save', { versionId, revision: 1, document });
  return { dir, backend, versionId, document };
}

/** The stored text with its first stage renamed to a name longer than the map schema allows (200 characters). */
function withTooLongName(text: string): string {
  const doc = JSON.parse(text) as MapDocument;
  const edited = JSON.stringify({ ...doc, stages: [{ ...doc.stages[0]!, name: 'N'.repeat(300) }, ...doc.stages.slice(1)] });
  expect(migrateDocument(JSON.parse(edited)).ok).toBe(false); // the check would refuse it
  return edited;
}

describe('the digest of a stored map', () => {
  it('is written with every document: a new workshop (both templates), a save, a new version, a duplicate, an import', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const blank = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Blank' }), template: 'blank' });
    const journey = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Journey' }), template: 'b2b-buying-journey' });
    const versionId = blank.versions[0]!.id;
    const read = await call(backend, 'map.get', { versionId });
    await call(backend, 'map.save', { versionId, revision: read.revision, document: { ...read.document, stages: [newStage({ x: 0, y: 0 }, 'Qualifies')] } });
    await call(backend, 'map.createVersion', { fromVersionId: versionId, name: 'Future state' });
    await call(backend, 'workshop.duplicate', { id: journey.id });
    const file = await call(backend, 'workshop.exportFile', { id: blank.id });
    await call(backend, 'workshop.importFile', { text: file.text });
    const all = rows(backend);
    expect(all).toHaveLength(2 + 1 + 1 + 2);
    for (const row of all) {
      expect(row.document_digest).toBe(documentDigest(row.document));
      // What the digest vouches for: the text passes the check unchanged, byte for byte.
      const checked = migrateDocument(JSON.parse(row.document));
      expect(checked.ok && JSON.stringify(checked.doc)).toBe(row.document);
    }
    expect(all[0]!.document_digest).toMatch(/^2:[0-9a-f]{40}$/);
  });

  it('lets a read trust a text that matches it: no migration and no schema check', async () => {
    const { dir, backend, versionId } = await aSavedMap();
    // A text the check would refuse, with its own digest: only a read that trusts the digest answers it.
    const edited = withTooLongName(rowOf(backend, versionId).document);
    writeRow(backend, versionId, edited, documentDigest(edited));
    backend.close();
    const fresh = await temp.openBackend(dir);
    expect((await call(fresh, 'map.get', { versionId })).document.stages[0]!.name).toBe('N'.repeat(300));
  });

  it('does not vouch for a text edited after it was written: refused in the same words as a row without one', async () => {
    const { dir, backend, versionId } = await aSavedMap();
    const before = rowOf(backend, versionId);
    writeRow(backend, versionId, withTooLongName(before.document), before.document_digest);
    backend.close();
    const fresh = await temp.openBackend(dir);
    const keptDigest = await refusal(fresh, 'map.get', { versionId });
    expect(keptDigest.code).toBe('INTERNAL');
    expect(keptDigest.message).toMatch(/^The stored map "Current state" cannot be read: /);
    fresh.db.prepare('UPDATE map_versions SET document_digest = NULL, revision = revision + 1 WHERE id = ?').run(versionId);
    expect(await refusal(fresh, 'map.get', { versionId })).toEqual(keptDigest);
  });

  it('does not vouch for a text checked at an older map format', async () => {
    const { backend, versionId } = await aSavedMap();
    const edited = withTooLongName(rowOf(backend, versionId).document);
    writeRow(backend, versionId, edited, documentDigest(edited, 1));
    expect((await refusal(backend, 'map.get', { versionId })).message).toMatch(/cannot be read/);
  });

  it('is missing from a row written before it: that row is checked and read as before, and the read writes nothing', async () => {
    const { dir, backend, versionId, document } = await aSavedMap();
    writeRow(backend, versionId, rowOf(backend, versionId).document, null);
    backend.close();
    const fresh = await temp.openBackend(dir);
    expect((await call(fresh, 'map.get', { versionId })).document).toEqual(document);
    expect(rowOf(fresh, versionId).document_digest).toBeNull();
  });
});

describe('schema step 7 on a database from before it', () => {
  /** A leanmap.db at schema 6 with one workshop and its map, as the previous Leanmap left it. */
  const aSchemaSixDatabase = (dataDir: string, document: MapDocument) =>
    anOldDatabase(dataDir, { schema: 6, title: 'Made before the digest', document, revision: 4, date: '2026-11-01' });

  it('backs the file up, adds the column empty, reads the old map, and the next save writes the digest', async () => {
    const dataDir = temp.makeDir();
    const document = templateDocument('b2b-buying-journey');
    aSchemaSixDatabase(dataDir, document);
    const backend = await temp.openBackend(dataDir);
    expect(backend.migration).toMatchObject({ from: 6, to: 7 });
    expect(schemaVersion(backend.db)).toBe(7);
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dataDir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(6);
    backup.close();
    expect(rowOf(backend, 'v1').document_digest).toBeNull();
    const read = await call(backend, 'map.get', { versionId: 'v1' });
    expect(read.document).toEqual(document);
    await call(backend, 'map.save', { versionId: 'v1', revision: read.revision, document: emptyDocument() });
    const row = rowOf(backend, 'v1');
    expect(row.document_digest).toBe(documentDigest(row.document));
  });
});

describe("the browser host's answer to 'map.get'", () => {
  /** The HTTP answer and, for comparison, JSON.stringify of what the dispatcher answers as a plain (structured-cloned) value. */
  async function answers(backend: Backend, versionId: string) {
    const host = await startHttpHost({ dispatch: backend.dispatch, rendererDir: temp.makeDir(), token: 'digest-test' });
    try {
      const body = await postToHost(host.port, host.token, 'map.get', { versionId });
      const plain = structuredClone(await backend.dispatch('map.get', { versionId }));
      return { body, expected: JSON.stringify(plain), plain };
    } finally {
      await host.close();
    }
  }

  it('is byte for byte the JSON of the parsed document: on a cold read, a repeat, a row without digest and right after a save', async () => {
    const { dir, backend, versionId, document } = await aSavedMap();
    backend.close();
    const fresh = await temp.openBackend(dir);
    const cold = await answers(fresh, versionId);
    expect(cold.body).toBe(cold.expected);
    expect((JSON.parse(cold.body) as { value: { document: MapDocument } }).value.document).toEqual(document);
    expect(Object.keys((JSON.parse(cold.body) as { value: object }).value)).toEqual(Object.keys(cold.plain.ok ? (cold.plain.value as object) : {}));
    const repeat = await answers(fresh, versionId);
    expect(repeat.body).toBe(cold.body);

    writeRow(fresh, versionId, JSON.stringify(JSON.parse(rowOf(fresh, versionId).document), null, 2), null); // a hand-formatted old row
    const old = await answers(fresh, versionId);
    expect(old.body).toBe(old.expected);
    expect(old.body).not.toContain('\n');

    const saved = await call(fresh, 'map.save', { versionId, revision: (await call(fresh, 'map.get', { versionId })).revision, document: bigMap(60) });
    const afterSave = await answers(fresh, versionId);
    expect(afterSave.body).toBe(afterSave.expected);
    expect((JSON.parse(afterSave.body) as { value: { revision: number } }).value.revision).toBe(saved.revision);
  });

  it('gives other readers (Electron’s structured clone, services) the parsed document, frozen and shared', async () => {
    const { backend, versionId, document } = await aSavedMap();
    const first = await call(backend, 'map.get', { versionId });
    const again = await call(backend, 'map.get', { versionId });
    expect(first.document).toBe(again.document);
    expect(Object.isFrozen(first.document.stages[0])).toBe(true);
    const cloned = structuredClone(first);
    expect(cloned.document).toEqual(document);
    expect(Object.isFrozen(cloned.document)).toBe(false);
  });
});
