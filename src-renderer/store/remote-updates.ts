// Keeps the open map in step with saves made in other windows. A newer revision is
// loaded silently when this window has no unsaved edits; with edits, they are merged
// by id onto it when they touch other objects; otherwise the conflict banner says so.
// Also run when a save of ours is refused as a conflict: the other window's save
// usually arrives as an event a moment later, but a save can lose the race first.
import type { WorkshopEvent } from '../../src-shared/api/events';
import { mergeMaps } from '../../src-shared/domain/map-merge';
import type { StoreApi } from 'zustand';
import type { ApiClient } from '../api/client';
import type { DocumentState } from './document-store';
import type { Saver } from './saver';

export const MERGE_CONFLICT_MESSAGE =
  'The same part of this map was changed in another window or tab. Reload the latest map to see it, or keep your version as a file.';

export interface RemoteUpdatesDeps {
  api: ApiClient;
  store: StoreApi<DocumentState>;
  saver: Pick<Saver, 'settled' | 'flush'>;
  windowId: string;
}

export interface RemoteUpdates {
  /** Feed every event of the open workshop here. */
  onEvent(event: WorkshopEvent): Promise<void>;
  /** Fetches the stored map and catches up if it is newer than ours. */
  catchUp(): Promise<'current' | 'loaded' | 'merged' | 'conflict' | 'failed'>;
  /** Catches up when a save of ours is refused as a conflict; returns a stop function. */
  watchConflicts(): () => void;
}

export function createRemoteUpdates({ api, store, saver, windowId }: RemoteUpdatesDeps): RemoteUpdates {
  // One catch-up at a time; an event arriving meanwhile asks for one more after it.
  let running: Promise<Awaited<ReturnType<RemoteUpdates['catchUp']>>> | null = null;
  let again = false;

  async function catchUpOnce(): Promise<'current' | 'loaded' | 'merged' | 'conflict' | 'failed'> {
    await saver.settled();
    const versionId = store.getState().versionId;
    if (!versionId) return 'current';
    const result = await api.call('map.get', { versionId });
    if (!result.ok) return 'failed';
    // A save of ours may have started while we asked; let it finish before comparing.
    await saver.settled();
    const state = store.getState();
    const remote = result.value;
    if (state.versionId !== versionId || remote.revision <= state.revision || !state.history || !state.savedDoc) return 'current';
    if (remote.signOff || state.readOnly) {
      // Agreed in another window (locked now, whatever was typed here), or its
      // agreement withdrawn there (editable again): load it as it is stored.
      state.load(state.workshop!, remote);
      return 'loaded';
    }
    const mine = state.history.doc;
    if (mine === state.savedDoc) {
      state.adoptRemote(remote.document, remote.revision, remote.document);
      return 'loaded';
    }
    const merged = mergeMaps(state.savedDoc, mine, remote.document);
    if (!merged.ok) {
      state.setSaveState('conflict', MERGE_CONFLICT_MESSAGE);
      return 'conflict';
    }
    state.adoptRemote(remote.document, remote.revision, merged.doc);
    // Our edits, now on their revision, are saved at once.
    await saver.flush();
    return 'merged';
  }

  function catchUp(): ReturnType<RemoteUpdates['catchUp']> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let outcome = await catchUpOnce();
      while (again) {
        again = false;
        outcome = await catchUpOnce();
      }
      return outcome;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    async onEvent(event) {
      if (event.name !== 'map.saved') return;
      const state = store.getState();
      if (event.payload.versionId !== state.versionId) return;
      // Our own save echoed back, or one we already have.
      if (event.payload.byWindow === windowId || event.payload.revision <= state.revision) return;
      await catchUp();
    },
    catchUp,
    watchConflicts: () =>
      store.subscribe((state, previous) => {
        if (state.saveState === 'conflict' && previous.saveState !== 'conflict' && state.saveMessage !== MERGE_CONFLICT_MESSAGE) {
          void catchUp();
        }
      }),
  };
}
