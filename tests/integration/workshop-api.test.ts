// The workshop library and map saving through backend.dispatch (the API both
// transports carry), on a real SQLite file in a temp folder.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src-shared/domain/export-envelope';
import { MapDocumentSchema, type MapDocument } from '../../src-shared/domain/map-document';
import { addStage, connect, newStage, nextStagePosition } from '../../src-shared/domain/map-ops';
import type { Backend } from '../../src-main/backend';
import { aChainMap, aFileVersion, aWorkshopFile, aWorkshopMeta, anEnvelope, anEnvelopeText } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();
let dataDir: string;
let backend: Backend;

beforeEach(async () => {
  dataDir = temp.makeDir();
  backend = await temp.openBackend(dataDir);
});

async function createWorkshop(title: string, overrides: { organisation?: string; template?: 'blank' | 'b2b-buying-journey' } = {}) {
  return call(backend, 'workshop.create', {
    meta: aWorkshopMeta({ title, organisation: overrides.organisation ?? 'Acme Industrial' }),
    template: overrides.template ?? 'blank',
  });
}

async function firstMapOf(workshopId: string) {
  const detail = await call(backend, 'workshop.get', { id: workshopId });
  return call(backend, 'map.get', { versionId: detail.versions[0]!.id });
}

const titles = async (query = '', trash = false) =>
  (await call(backend, 'workshop.list', { query, trash })).map((w) => w.title);

/** The map with one more stage, connected from the first stage when there is one. */
function withAnotherStage(doc: MapDocument, name = 'Added stage'): MapDocument {
  const stage = newStage(nextStagePosition(doc), name);
  const added = addStage(doc, stage);
  if (doc.stages.length === 0) return added;
  const connected = connect(added, doc.stages[0]!.id, stage.id);
  return connected.ok ? connected.doc : added;
}

describe('creating workshops', () => {
  it('a blank workshop starts with one empty "Current state" map', async () => {
    const detail = await createWorkshop('Kick-off');
    expect(detail.meta.title).toBe('Kick-off');
    expect(detail.versions.map((v) => v.name)).toEqual(['Current state']);
    const map = await call(backend, 'map.get', { versionId: detail.versions[0]!.id });
    expect(map).toMatchObject({ workshopId: detail.id, revision: 1, signOff: null });
    expect(map.document).toMatchObject({ stages: [], outcomes: [], transitions: [] });
  });

  it('a workshop from the B2B template starts with its five stages', async () => {
    const detail = await createWorkshop('Template', { template: 'b2b-buying-journey' });
    const map = await call(backend, 'map.get', { versionId: detail.versions[0]!.id });
    expect(map.document.stages).toHaveLength(5);
    expect(map.document.outcomes.map((o) => o.kind)).toEqual(expect.arrayContaining(['won', 'lost', 'no_decision']));
    const [summary] = await call(backend, 'workshop.list', {});
    expect(summary!.stageCount).toBe(5);
  });

  it('refuses a workshop without a title', async () => {
    const error = await refusal(backend, 'workshop.create', { meta: aWorkshopMeta({ title: ' ' }), template: 'blank' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Give the workshop a title');
    expect(await titles()).toEqual([]);
  });
});

describe('the workshop library', () => {
  it('lists workshops newest first, and a rename makes a workshop the newest', async () => {
    const first = await createWorkshop('First');
    await createWorkshop('Second');
    await createWorkshop('Third');
    expect(await titles()).toEqual(['Third', 'Second', 'First']);
    await call(backend, 'workshop.rename', { id: first.id, revision: first.revision, title: 'First, renamed' });
    expect(await titles()).toEqual(['First, renamed', 'Third', 'Second']);
  });

  it('finds workshops by title or organisation, ignoring case', async () => {
    await createWorkshop('Acme pipeline review', { organisation: 'Acme Industrial' });
    await createWorkshop('Renewals', { organisation: 'Globex' });
    await createWorkshop('Onboarding', { organisation: 'Initech' });
    expect(await titles('PIPELINE')).toEqual(['Acme pipeline review']);
    expect(await titles('globex')).toEqual(['Renewals']);
    expect(await titles('  initech  ')).toEqual(['Onboarding']);
    expect(await titles('nothing like this')).toEqual([]);
  });

  it('treats % and _ in a search as the characters themselves', async () => {
    await createWorkshop('50% more wins');
    await createWorkshop('Fifty percent more wins');
    await createWorkshop('snake_case team');
    await createWorkshop('snakes team');
    expect(await titles('%')).toEqual(['50% more wins']);
    expect(await titles('e_c')).toEqual(['snake_case team']);
  });

  it('renaming changes the title everywhere it is shown', async () => {
    const created = await createWorkshop('Draft title');
    const renamed = await call(backend, 'workshop.rename', { id: created.id, revision: created.revision, title: 'Final title' });
    expect(renamed.title).toBe('Final title');
    const detail = await call(backend, 'workshop.get', { id: created.id });
    expect(detail.meta.title).toBe('Final title');
    expect(detail.revision).toBe(created.revision + 1);
  });

  it('updating details with an outdated revision is refused as a conflict', async () => {
    const created = await createWorkshop('Shared');
    await call(backend, 'workshop.update', { id: created.id, revision: created.revision, meta: { ...created.meta, team: 'Team A' } });
    const error = await refusal(backend, 'workshop.update', {
      id: created.id,
      revision: created.revision,
      meta: { ...created.meta, team: 'Team B' },
    });
    expect(error.code).toBe('CONFLICT');
    expect((await call(backend, 'workshop.get', { id: created.id })).meta.team).toBe('Team A');
  });

  it('duplicating copies the details and every map, independent of the original', async () => {
    const original = await createWorkshop('Original', { template: 'b2b-buying-journey' });
    const originalMap = await firstMapOf(original.id);
    const copy = await call(backend, 'workshop.duplicate', { id: original.id });
    expect(copy.id).not.toBe(original.id);
    expect(copy.title).toBe('Original (copy)');
    const copyDetail = await call(backend, 'workshop.get', { id: copy.id });
    expect(copyDetail.versions.map((v) => v.name)).toEqual(original.versions.map((v) => v.name));
    expect(copyDetail.versions[0]!.id).not.toBe(original.versions[0]!.id);
    const copyMap = await firstMapOf(copy.id);
    expect(copyMap.document).toEqual(originalMap.document);

    await call(backend, 'map.save', { versionId: copyMap.id, revision: copyMap.revision, document: withAnotherStage(copyMap.document) });
    expect((await firstMapOf(original.id)).document).toEqual(originalMap.document);
  });
});

describe('the trash', () => {
  it('a trashed workshop leaves the library, shows in the trash, and can be restored', async () => {
    const kept = await createWorkshop('Kept');
    const binned = await createWorkshop('Binned');
    const trashed = await call(backend, 'workshop.trash', { id: binned.id });
    expect(trashed.deletedAt).not.toBeNull();
    expect(await titles()).toEqual(['Kept']);
    expect(await titles('', true)).toEqual(['Binned']);

    const restored = await call(backend, 'workshop.restore', { id: binned.id });
    expect(restored.deletedAt).toBeNull();
    expect((await titles()).sort()).toEqual(['Binned', 'Kept']);
    expect(await titles('', true)).toEqual([]);
    expect(kept.id).not.toBe(binned.id);
  });

  it('a workshop must be in the trash before it can be deleted for good', async () => {
    const created = await createWorkshop('Not trashed');
    const error = await refusal(backend, 'workshop.purge', { id: created.id });
    expect(error.code).toBe('VALIDATION');
    expect(await titles()).toEqual(['Not trashed']);
  });

  it('deleting for good removes the workshop and all its maps', async () => {
    const created = await createWorkshop('Doomed', { template: 'b2b-buying-journey' });
    await call(backend, 'workshop.trash', { id: created.id });
    await call(backend, 'workshop.purge', { id: created.id });
    expect(await titles()).toEqual([]);
    expect(await titles('', true)).toEqual([]);
    expect((await refusal(backend, 'map.get', { versionId: created.versions[0]!.id })).code).toBe('NOT_FOUND');
    expect(backend.db.prepare('SELECT count(*) AS n FROM map_versions').get()).toEqual({ n: 0 });
  });
});

describe('workshop files', () => {
  it('export then import gives back the same details and maps, as a new workshop', async () => {
    const created = await createWorkshop('Round trip', { template: 'b2b-buying-journey' });
    const map = await firstMapOf(created.id);
    await call(backend, 'map.save', { versionId: map.id, revision: map.revision, document: withAnotherStage(map.document) });
    const savedMap = await firstMapOf(created.id);

    const exported = await call(backend, 'workshop.exportFile', { id: created.id });
    expect(exported.fileName).toBe('Round trip 2026-11-22.leanmap.json');
    const imported = await call(backend, 'workshop.importFile', { text: exported.text });

    expect(imported.id).not.toBe(created.id);
    const importedDetail = await call(backend, 'workshop.get', { id: imported.id });
    expect(importedDetail.meta).toEqual(created.meta);
    expect((await firstMapOf(imported.id)).document).toEqual(savedMap.document);
    expect(MapDocumentSchema.parse(savedMap.document).stages).toHaveLength(6);
  });

  it('an imported map that was agreed stays read-only', async () => {
    const file = aWorkshopFile({
      versions: [aFileVersion({ name: 'Agreed', signOff: { agreedAt: '2026-11-22', agreedBy: ['Sam'] }, document: aChainMap(2).doc })],
    });
    const imported = await call(backend, 'workshop.importFile', { text: anEnvelopeText(file) });
    const map = await firstMapOf(imported.id);
    expect(map.signOff).toEqual(file.versions[0]!.signOff);
    const error = await refusal(backend, 'map.save', { versionId: map.id, revision: map.revision, document: withAnotherStage(map.document) });
    expect(error.code).toBe('LOCKED');
  });

  const badFiles: [string, () => string, string][] = [
    ['a file cut short', () => anEnvelopeText().slice(0, 100), 'IMPORT_INVALID'],
    ['a file that is not a Leanmap file', () => JSON.stringify({ hello: 'world' }), 'IMPORT_INVALID'],
    ['a file from a newer Leanmap', () => JSON.stringify({ ...anEnvelope(), formatVersion: 99 }), 'IMPORT_FUTURE_VERSION'],
    ['a file over 20 MB', () => ' '.repeat(MAX_IMPORT_BYTES + 1), 'IMPORT_TOO_LARGE'],
  ];

  it.each(badFiles)('importing %s is refused and changes nothing', async (_label, text, code) => {
    await createWorkshop('Already here');
    const before = await call(backend, 'workshop.list', {});
    const error = await refusal(backend, 'workshop.importFile', { text: text() });
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(0);
    expect(await call(backend, 'workshop.list', {})).toEqual(before);
    expect(await titles('', true)).toEqual([]);
  });
});

describe('saving maps', () => {
  it('a save bumps the revision and is what the next read returns', async () => {
    const map = await firstMapOf((await createWorkshop('Saving')).id);
    const changed = withAnotherStage(map.document, 'Compare options');
    const saved = await call(backend, 'map.save', { versionId: map.id, revision: map.revision, document: changed });
    expect(saved.revision).toBe(map.revision + 1);
    const reread = await call(backend, 'map.get', { versionId: map.id });
    expect(reread).toMatchObject({ revision: saved.revision, updatedAt: saved.updatedAt });
    expect(reread.document).toEqual(changed);
  });

  it('of two windows saving the same revision, the second gets a conflict and the first keeps its data', async () => {
    const map = await firstMapOf((await createWorkshop('Two windows')).id);
    const first = withAnotherStage(map.document, 'From window one');
    const second = withAnotherStage(map.document, 'From window two');
    await call(backend, 'map.save', { versionId: map.id, revision: map.revision, document: first });
    const error = await refusal(backend, 'map.save', { versionId: map.id, revision: map.revision, document: second });
    expect(error.code).toBe('CONFLICT');
    const reread = await call(backend, 'map.get', { versionId: map.id });
    expect(reread.revision).toBe(map.revision + 1);
    expect(reread.document.stages.map((s) => s.name)).toEqual(['From window one']);
  });

  it('an invalid map is refused and nothing is written', async () => {
    const map = await firstMapOf((await createWorkshop('Invalid')).id);
    const { doc, stages } = aChainMap(2);
    const selfLoop = { ...doc, transitions: [...doc.transitions, { id: 'loop', source: stages[0]!.id, target: stages[0]!.id, label: '', conversionRate: null }] };
    const error = await refusal(backend, 'map.save', { versionId: map.id, revision: map.revision, document: selfLoop });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('connects a stage to itself');
    expect(await call(backend, 'map.get', { versionId: map.id })).toEqual(map);
  });

  it('saving a map touches its workshop, so the library shows it as the newest', async () => {
    const older = await createWorkshop('Older');
    await createWorkshop('Newer');
    const map = await firstMapOf(older.id);
    await call(backend, 'map.save', { versionId: map.id, revision: map.revision, document: withAnotherStage(map.document) });
    expect(await titles()).toEqual(['Older', 'Newer']);
  });
});

describe('refusals', () => {
  it('an unknown method is refused by name', async () => {
    const error = await refusal(backend, 'workshop.explode', {});
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.message).toContain('workshop.explode');
  });

  it('a method name inherited from Object is not a method', async () => {
    expect((await refusal(backend, 'toString', {})).code).toBe('UNKNOWN_METHOD');
    expect((await refusal(backend, '__proto__', {})).code).toBe('UNKNOWN_METHOD');
  });

  it.each([
    ['workshop.get', { id: 'missing' }],
    ['workshop.rename', { id: 'missing', revision: 1, title: 'x' }],
    ['workshop.duplicate', { id: 'missing' }],
    ['workshop.trash', { id: 'missing' }],
    ['workshop.restore', { id: 'missing' }],
    ['workshop.purge', { id: 'missing' }],
    ['workshop.exportFile', { id: 'missing' }],
    ['map.get', { versionId: 'missing' }],
    ['map.save', { versionId: 'missing', revision: 1, document: aChainMap(1).doc }],
  ])('%s of an unknown id answers NOT_FOUND', async (method, input) => {
    expect((await refusal(backend, method, input)).code).toBe('NOT_FOUND');
  });

  it('input of the wrong shape is refused as VALIDATION', async () => {
    expect((await refusal(backend, 'workshop.get', {})).code).toBe('VALIDATION');
    expect((await refusal(backend, 'workshop.list', { trash: 'yes' })).code).toBe('VALIDATION');
    expect((await refusal(backend, 'map.save', 'not an object')).code).toBe('VALIDATION');
  });
});

describe('app info', () => {
  it('names the data folder and the database file', async () => {
    expect(await call(backend, 'app.info', {})).toMatchObject({
      name: 'Leanmap',
      dataDir,
      databaseFile: join(dataDir, 'leanmap.db'),
    });
  });
});

describe('durability', () => {
  it('workshops and maps survive closing and reopening', async () => {
    const created = await createWorkshop('Persisted', { template: 'b2b-buying-journey' });
    const map = await firstMapOf(created.id);
    await call(backend, 'map.save', { versionId: map.id, revision: map.revision, document: withAnotherStage(map.document) });
    const savedMap = await firstMapOf(created.id);
    const listBefore = await call(backend, 'workshop.list', {});
    backend.close();

    backend = await temp.openBackend(dataDir);
    expect(await call(backend, 'workshop.list', {})).toEqual(listBefore);
    expect(await call(backend, 'map.get', { versionId: map.id })).toEqual(savedMap);
  });
});
