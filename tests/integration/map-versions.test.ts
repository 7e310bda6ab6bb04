// Agreeing a map version and starting a new one from it, on a real SQLite file.
import { describe, expect, it } from 'vitest';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

async function aWorkshopWithAMap() {
  const backend = await temp.openBackend(temp.makeDir());
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta({
      title: 'Sign-off',
      participants: [
        { id: 'p1', name: 'Anna Müller', role: '' },
        { id: 'p2', name: 'Jan Kowalski', role: '' },
      ],
    }), template: 'b2b-buying-journey' });
  const version = await call(backend, 'map.get', { versionId: workshop.versions[0]!.id });
  return { backend, workshop, version };
}

const signOff = { agreedAt: '2026-11-22', agreedBy: ['Anna Müller', 'Jan Kowalski'] };

describe('agreeing a map version', () => {
  it('records who agreed and when, locks the version and marks the workshop agreed', async () => {
    const { backend, workshop, version } = await aWorkshopWithAMap();
    const agreed = await call(backend, 'map.agree', { versionId: version.id, revision: version.revision, signOff });
    expect(agreed.signOff).toMatchObject(signOff);
    const again = await call(backend, 'map.get', { versionId: version.id });
    expect(again.signOff).toMatchObject(signOff);
    const save = await refusal(backend, 'map.save', { versionId: version.id, revision: again.revision, document: again.document });
    expect(save.code).toBe('LOCKED');
    const [summary] = await call(backend, 'workshop.list', {});
    expect(summary!.status).toBe('agreed');
    expect((await call(backend, 'workshop.get', { id: workshop.id })).meta.status).toBe('agreed');
  });

  it('refuses to agree a version someone changed since it was read, or one already agreed', async () => {
    const { backend, version } = await aWorkshopWithAMap();
    await call(backend, 'map.save', { versionId: version.id, revision: version.revision, document: version.document });
    expect((await refusal(backend, 'map.agree', { versionId: version.id, revision: version.revision, signOff })).code).toBe('CONFLICT');
    await call(backend, 'map.agree', { versionId: version.id, revision: version.revision + 1, signOff });
    expect((await refusal(backend, 'map.agree', { versionId: version.id, revision: version.revision + 2, signOff })).code).toBe('LOCKED');
  });

  it('needs at least one person and a date', async () => {
    const { backend, version } = await aWorkshopWithAMap();
    const noOne = await refusal(backend, 'map.agree', { versionId: version.id, revision: version.revision, signOff: { agreedAt: '2026-11-22', agreedBy: [] } });
    expect(noOne).toMatchObject({ code: 'VALIDATION' });
    expect(noOne.message).toContain('Pick who agreed');
    const noDate = await refusal(backend, 'map.agree', { versionId: version.id, revision: version.revision, signOff: { agreedAt: '', agreedBy: ['A'] } });
    expect(noDate.code).toBe('VALIDATION');
    expect((await call(backend, 'map.get', { versionId: version.id })).signOff).toBeNull();
  });
});

describe('a new version', () => {
  it('starts as a copy of another, unlocked, listed after it', async () => {
    const { backend, workshop, version } = await aWorkshopWithAMap();
    await call(backend, 'map.agree', { versionId: version.id, revision: version.revision, signOff });
    const future = await call(backend, 'map.createVersion', { fromVersionId: version.id, name: 'Future state' });
    expect(future).toMatchObject({ name: 'Future state', signOff: null, revision: 1 });
    const copy = await call(backend, 'map.get', { versionId: future.id });
    expect(copy.document).toEqual(version.document);
    const detail = await call(backend, 'workshop.get', { id: workshop.id });
    expect(detail.versions.map((v) => v.name)).toEqual(['Current state', 'Future state']);
    await call(backend, 'map.save', { versionId: future.id, revision: 1, document: copy.document });
  });

  it('needs a name', async () => {
    const { backend, version } = await aWorkshopWithAMap();
    expect((await refusal(backend, 'map.createVersion', { fromVersionId: version.id, name: '  ' })).code).toBe('VALIDATION');
  });
});

describe('opening a workshop without naming a version', () => {
  it("answers the workshop's first version's map, the same as reading that version", async () => {
    const { backend, workshop, version } = await aWorkshopWithAMap();
    await call(backend, 'map.createVersion', { fromVersionId: version.id, name: 'Future state' });
    const opened = await call(backend, 'map.open', { workshopId: workshop.id });
    expect(opened).toEqual(await call(backend, 'map.get', { versionId: workshop.versions[0]!.id }));
  });

  it('says so for a workshop that no longer exists, in words', async () => {
    const { backend } = await aWorkshopWithAMap();
    const error = await refusal(backend, 'map.open', { workshopId: 'no-such-workshop' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/no longer exists/);
  });
});
