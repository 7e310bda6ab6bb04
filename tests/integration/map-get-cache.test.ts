// Reading a map version again shares the document already read at that revision
// (src-main/db/document-cache.ts), on a real SQLite file: a save, rename, agreement,
// withdrawal or deletion is never hidden by it, and a damaged row still says so.
import { describe, expect, it } from 'vitest';
import { emptyDocument, type MapDocument } from '../../src-shared/domain/map-document';
import { newStage } from '../../src-shared/domain/map-ops';
import { aWorkshopMeta } from '../fixtures/factories';
import { bigMap } from '../../bench/big-map';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();
const signOff = { agreedAt: '2026-11-22', agreedBy: ['Anna Müller'] };

async function aReadMap() {
  const backend = await temp.openBackend(temp.makeDir());
  const meta = aWorkshopMeta({ title: 'Cache', participants: [{ id: 'p1', name: 'Anna Müller', role: '' }] });
  const workshop = await call(backend, 'workshop.create', { meta, template: 'b2b-buying-journey' });
  const versionId = workshop.versions[0]!.id;
  const version = await call(backend, 'map.get', { versionId });
  return { backend, workshop, versionId, version };
}

const withStage = (doc: MapDocument, name: string): MapDocument => ({ ...doc, stages: [...doc.stages, newStage({ x: 0, y: 900 }, name)] });

describe('reading a map version again', () => {
  it('answers the same document while nothing changed', async () => {
    const { backend, versionId, version } = await aReadMap();
    const again = await call(backend, 'map.get', { versionId });
    expect(again).toEqual(version);
  });

  it('after a save answers the saved document, never the one read before', async () => {
    const { backend, versionId, version } = await aReadMap();
    const changed = withStage(version.document, 'Negotiates the contract');
    const saved = await call(backend, 'map.save', { versionId, revision: version.revision, document: changed });
    const after = await call(backend, 'map.get', { versionId });
    expect(after.revision).toBe(saved.revision);
    expect(after.document.stages.map((s) => s.name)).toContain('Negotiates the contract');
    expect(after.document).toEqual(changed);
    // And a second save at the new revision again.
    const twice = await call(backend, 'map.save', { versionId, revision: after.revision, document: emptyDocument() });
    const latest = await call(backend, 'map.get', { versionId });
    expect(latest.revision).toBe(twice.revision);
    expect(latest.document.stages).toEqual([]);
  });

  it('after a rename, an agreement and its withdrawal answers the fresh name, sign-off and history', async () => {
    const { backend, versionId, version } = await aReadMap();
    await call(backend, 'map.renameVersion', { versionId, name: 'As it is today' });
    expect((await call(backend, 'map.get', { versionId })).name).toBe('As it is today');
    await call(backend, 'map.agree', { versionId, revision: version.revision, signOff });
    const agreed = await call(backend, 'map.get', { versionId });
    expect(agreed.signOff).toMatchObject(signOff);
    expect(agreed.document).toEqual(version.document);
    await call(backend, 'map.withdrawAgreement', { versionId, revision: agreed.revision, reason: 'Agreed by mistake before the review' });
    const withdrawn = await call(backend, 'map.get', { versionId });
    expect(withdrawn.signOff).toBeNull();
    expect(withdrawn.agreementHistory).toHaveLength(1);
    expect(withdrawn.revision).toBe(agreed.revision + 1);
  });

  it('says a deleted version no longer exists, though it was read a moment before', async () => {
    const { backend, versionId } = await aReadMap();
    const copy = await call(backend, 'map.createVersion', { fromVersionId: versionId, name: 'Future state' });
    await call(backend, 'map.get', { versionId: copy.id });
    await call(backend, 'map.deleteVersion', { versionId: copy.id, confirmAgreed: false });
    expect((await refusal(backend, 'map.get', { versionId: copy.id })).code).toBe('NOT_FOUND');
  });

  it('shares one frozen document, which a copy to a new version and a save of it still use', async () => {
    const { backend, versionId, version } = await aReadMap();
    const shared = (await call(backend, 'map.get', { versionId })).document;
    expect(Object.isFrozen(shared)).toBe(true);
    expect(Object.isFrozen(shared.stages[0])).toBe(true);
    const copy = await call(backend, 'map.createVersion', { fromVersionId: versionId, name: 'Future state' });
    const copied = await call(backend, 'map.get', { versionId: copy.id });
    expect(copied.document).toEqual(version.document);
    await call(backend, 'map.save', { versionId: copy.id, revision: copied.revision, document: withStage(copied.document, 'Signs') });
    expect((await call(backend, 'map.get', { versionId })).document).toEqual(version.document);
  });

  it('reads the saved document after the app is reopened on the same folder', async () => {
    const dir = temp.makeDir();
    const first = await temp.openBackend(dir);
    const workshop = await call(first, 'workshop.create', { meta: aWorkshopMeta(), template: 'blank' });
    const versionId = workshop.versions[0]!.id;
    const read = await call(first, 'map.get', { versionId });
    const changed = withStage(read.document, 'Qualifies the lead');
    await call(first, 'map.save', { versionId, revision: read.revision, document: changed });
    first.close();
    const second = await temp.openBackend(dir);
    expect((await call(second, 'map.get', { versionId })).document).toEqual(changed);
  });
});

describe('reading a map just saved', () => {
  /** A 300-stage map with every kind of field, saved through the API; what a cold read of the file answers. */
  async function savedAndColdRead() {
    const dir = temp.makeDir();
    const backend = await temp.openBackend(dir);
    const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta(), template: 'b2b-buying-journey' });
    const versionId = workshop.versions[0]!.id;
    const read = await call(backend, 'map.get', { versionId });
    const big = bigMap(300);
    const changed: MapDocument = { ...big, process: read.document.process };
    const saved = await call(backend, 'map.save', { versionId, revision: read.revision, document: changed });
    const afterSave = await call(backend, 'map.get', { versionId });
    backend.close();
    const fresh = await temp.openBackend(dir);
    const cold = await call(fresh, 'map.get', { versionId });
    return { changed, saved, afterSave, cold };
  }

  it('answers exactly what a read of the file in a fresh app answers: same values, same key order', async () => {
    const { saved, afterSave, cold } = await savedAndColdRead();
    expect(afterSave.revision).toBe(saved.revision);
    expect(afterSave.document).toStrictEqual(cold.document);
    expect(JSON.stringify(afterSave.document)).toBe(JSON.stringify(cold.document));
  });

  it('shares no object with the document that was saved, and freezes what it answers', async () => {
    const { changed, afterSave } = await savedAndColdRead();
    expect(afterSave.document).toEqual(changed);
    expect(afterSave.document).not.toBe(changed);
    expect(afterSave.document.stages[0]).not.toBe(changed.stages[0]);
    expect(Object.isFrozen(afterSave.document.stages[0])).toBe(true);
    expect(Object.isFrozen(changed.stages[0])).toBe(false);
  });

  it('answers the saved document without reading the row again (the stored JSON is kept)', async () => {
    const { backend, versionId, version } = await aReadMap();
    const changed = withStage(version.document, 'Kept');
    await call(backend, 'map.save', { versionId, revision: version.revision, document: changed });
    // Damaged behind the app's back without a new revision: only a kept document can still answer.
    backend.db.prepare("UPDATE map_versions SET document = '{ not json' WHERE id = ?").run(versionId);
    expect((await call(backend, 'map.get', { versionId })).document).toEqual(changed);
  });

  it('keeps nothing from a refused save: a conflicting one leaves the stored document', async () => {
    const { backend, versionId, version } = await aReadMap();
    await call(backend, 'map.save', { versionId, revision: version.revision, document: withStage(version.document, 'First') });
    const refused = await refusal(backend, 'map.save', { versionId, revision: version.revision, document: withStage(version.document, 'Second') });
    expect(refused.code).toBe('CONFLICT');
    const names = (await call(backend, 'map.get', { versionId })).document.stages.map((s) => s.name);
    expect(names).toContain('First');
    expect(names).not.toContain('Second');
  });
});

describe('a damaged stored map', () => {
  it('still says it is not readable JSON, on every read', async () => {
    const { backend, versionId } = await aReadMap();
    // Damaged behind the app's back, as a bad disk or a hand edit would: the revision moves on as any write's does.
    backend.db.prepare("UPDATE map_versions SET document = '{ not json', revision = revision + 1 WHERE id = ?").run(versionId);
    for (let i = 0; i < 2; i++) {
      const error = await refusal(backend, 'map.get', { versionId });
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toMatch(/is damaged \(not readable JSON\)/);
    }
  });

  it('still says why a document of an unknown shape cannot be read', async () => {
    const { backend, versionId } = await aReadMap();
    backend.db.prepare("UPDATE map_versions SET document = json_set(document, '$.stages', 'none'), revision = revision + 1 WHERE id = ?").run(versionId);
    for (let i = 0; i < 2; i++) {
      const error = await refusal(backend, 'map.get', { versionId });
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toMatch(/cannot be read/);
    }
  });
});
