// A window hears that another window saved the map it shows: it loads the newer
// revision when it has no edits of its own, merges its edits onto it when they touch
// other objects, and shows the conflict banner only when both changed the same thing.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src-renderer/api/client';
import { createRemoteUpdates, MERGE_CONFLICT_MESSAGE } from '../../../src-renderer/store/remote-updates';
import { createSaver } from '../../../src-renderer/store/saver';
import type { MapVersion } from '../../../src-shared/api/contract';
import type { WorkshopEvent } from '../../../src-shared/api/events';
import type { WireResult } from '../../../src-shared/api/errors';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { aMapDocument, aStage } from '../../fixtures/factories';
import { aMapVersion, loadedStore, manualTimers } from './saver-harness';

const ME = 'w-me';
const OTHER = 'w-other';

/** The database's side of one map: map.get and map.save with revisions, answering at once. */
function storedMap(version: MapVersion) {
  const row = { revision: version.revision, document: version.document };
  const calls: string[] = [];
  const client: ApiClient = {
    call: (async (method: string, input: { versionId: string; revision: number; document: MapDocument }): Promise<WireResult<unknown>> => {
      calls.push(method);
      if (method === 'map.get') return { ok: true, value: { ...version, revision: row.revision, document: row.document } };
      if (method === 'map.save') {
        if (input.revision !== row.revision) return { ok: false, error: { code: 'CONFLICT', message: 'Someone else saved this map.' } };
        row.revision += 1;
        row.document = input.document;
        return { ok: true, value: { revision: row.revision, updatedAt: '2026-11-22T10:00:00.000Z' } };
      }
      throw new Error(`unexpected call ${method}`);
    }) as unknown as ApiClient['call'],
  };
  /** Another window saves: the stored map moves on, and the event it causes. */
  const savedElsewhere = (change: (doc: MapDocument) => MapDocument): WorkshopEvent => {
    row.document = change(row.document);
    row.revision += 1;
    return { name: 'map.saved', payload: { workshopId: version.workshopId, versionId: version.id, revision: row.revision, byWindow: OTHER } };
  };
  return { row, calls, client, savedElsewhere };
}

const twoStages = () =>
  aMapVersion('version-1', {
    document: aMapDocument({ stages: [aStage({ id: 'stage-a', name: 'Recognise the need' }), aStage({ id: 'stage-b', name: 'Compare options' })] }),
  });
const renamed = (id: string, name: string) => (doc: MapDocument): MapDocument => ({
  ...doc,
  stages: doc.stages.map((s) => (s.id === id ? { ...s, name } : s)),
});
const names = (doc: MapDocument | null | undefined) => doc?.stages.map((s) => s.name);

function aWindow(version = twoStages()) {
  const backend = storedMap(version);
  const store = loadedStore(version);
  const timers = manualTimers();
  const saver = createSaver({ api: () => backend.client, store, timers });
  const stopSaver = saver.start();
  const updates = createRemoteUpdates({ api: backend.client, store, saver, windowId: ME });
  return { backend, store, timers, saver, stopSaver, updates };
}

describe('a window without edits of its own', () => {
  it('shows what another window saved, on its revision, without saving anything', async () => {
    const w = aWindow();
    await w.updates.onEvent(w.backend.savedElsewhere(renamed('stage-b', 'Weigh suppliers')));
    const state = w.store.getState();
    expect(names(state.history?.doc)).toEqual(['Recognise the need', 'Weigh suppliers']);
    expect(state.revision).toBe(2);
    expect(state.saveState).toBe('saved');
    expect(w.backend.calls).toEqual(['map.get']);
  });

  it('then saves its next edit on the new revision, with no conflict', async () => {
    const w = aWindow();
    await w.updates.onEvent(w.backend.savedElsewhere(renamed('stage-b', 'Weigh suppliers')));
    w.store.getState().change(renamed('stage-a', 'Notice a problem'));
    w.timers.advance(1000);
    await w.saver.settled();
    expect(w.store.getState().saveState).toBe('saved');
    expect(names(w.backend.row.document)).toEqual(['Notice a problem', 'Weigh suppliers']);
  });

  it('ignores the echo of its own save and revisions it already has', async () => {
    const w = aWindow();
    await w.updates.onEvent({ name: 'map.saved', payload: { workshopId: 'workshop-1', versionId: 'version-1', revision: 5, byWindow: ME } });
    await w.updates.onEvent({ name: 'map.saved', payload: { workshopId: 'workshop-1', versionId: 'version-1', revision: 1, byWindow: OTHER } });
    await w.updates.onEvent({ name: 'map.saved', payload: { workshopId: 'workshop-1', versionId: 'another', revision: 9, byWindow: OTHER } });
    expect(w.backend.calls).toEqual([]);
  });
});

describe('a window with unsaved edits', () => {
  it('keeps its edit to one stage and takes the other window\'s edit to another, then saves both', async () => {
    const w = aWindow();
    w.store.getState().change(renamed('stage-a', 'Notice a problem'));
    await w.updates.onEvent(w.backend.savedElsewhere(renamed('stage-b', 'Weigh suppliers')));
    await w.saver.settled();
    expect(names(w.store.getState().history?.doc)).toEqual(['Notice a problem', 'Weigh suppliers']);
    expect(names(w.backend.row.document)).toEqual(['Notice a problem', 'Weigh suppliers']);
    expect(w.store.getState().saveState).toBe('saved');
  });

  it('says so, with the conflict banner, when both changed the same stage', async () => {
    const w = aWindow();
    w.store.getState().change(renamed('stage-a', 'Mine'));
    await w.updates.onEvent(w.backend.savedElsewhere(renamed('stage-a', 'Theirs')));
    expect(w.store.getState().saveState).toBe('conflict');
    expect(w.store.getState().saveMessage).toBe(MERGE_CONFLICT_MESSAGE);
    // Nothing of ours overwrote theirs.
    expect(names(w.backend.row.document)).toEqual(['Theirs', 'Compare options']);
  });

  it('recovers when its save loses the race to the other window before the event arrives', async () => {
    const w = aWindow();
    const stop = w.updates.watchConflicts();
    w.backend.savedElsewhere(renamed('stage-b', 'Weigh suppliers')); // its event is still on the way
    w.store.getState().change(renamed('stage-a', 'Notice a problem'));
    w.timers.advance(1000); // our save goes with revision 1 and is refused
    await w.saver.settled();
    await w.updates.catchUp();
    await w.saver.settled();
    expect(w.store.getState().saveState).toBe('saved');
    expect(names(w.backend.row.document)).toEqual(['Notice a problem', 'Weigh suppliers']);
    stop();
  });

  it('waits for its own save in flight before comparing revisions', async () => {
    const w = aWindow();
    w.store.getState().change(renamed('stage-a', 'Notice a problem'));
    w.timers.advance(1000); // saving, revision 1 -> 2
    const event: WorkshopEvent = { name: 'map.saved', payload: { workshopId: 'workshop-1', versionId: 'version-1', revision: 2, byWindow: null } };
    await w.updates.onEvent(event);
    expect(w.store.getState().saveState).toBe('saved');
    expect(w.store.getState().revision).toBe(2);
  });
});

describe('a map agreed, or its agreement withdrawn, in another window', () => {
  it('becomes editable here again when the agreement was withdrawn there', async () => {
    const version = { ...twoStages(), signOff: { agreedAt: '2026-11-22', agreedBy: [] } } as unknown as MapVersion;
    const w = aWindow(version);
    expect(w.store.getState().readOnly).toBe(true);
    const withdrawn = { ...version, revision: 2, signOff: null };
    const client: ApiClient = { call: (async () => ({ ok: true, value: withdrawn })) as unknown as ApiClient['call'] };
    const updates = createRemoteUpdates({ api: client, store: w.store, saver: w.saver, windowId: ME });
    await updates.onEvent({ name: 'map.saved', payload: { workshopId: 'workshop-1', versionId: 'version-1', revision: 2, byWindow: OTHER } });
    expect(w.store.getState().readOnly).toBe(false);
    expect(w.store.getState().saveState).toBe('saved');
  });

  it('becomes locked here', async () => {
    const version = twoStages();
    const w = aWindow(version);
    w.backend.row.revision = 2;
    const agreed = { ...version, revision: 2, signOff: { agreedAt: '2026-11-22', agreedBy: [] } } as unknown as MapVersion;
    const client: ApiClient = { call: (async () => ({ ok: true, value: agreed })) as unknown as ApiClient['call'] };
    const updates = createRemoteUpdates({ api: client, store: w.store, saver: w.saver, windowId: ME });
    await updates.onEvent({ name: 'map.saved', payload: { workshopId: 'workshop-1', versionId: 'version-1', revision: 2, byWindow: OTHER } });
    expect(w.store.getState().readOnly).toBe(true);
  });
});
