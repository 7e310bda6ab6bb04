// Writes the open document to the backend shortly after every change (debounced,
// well under a second), one save at a time, with the revision it was based on.
// A refused save (someone else saved first) stops saving and says so.
import type { MapDocument } from '../../src-shared/domain/map-document';
import { api } from '../api/client';
import { useDocumentStore } from './document-store';

export const SAVE_DELAY_MS = 250;
const RETRY_DELAY_MS = 2000;

let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> | null = null;

function pendingDoc(): MapDocument | null {
  const s = useDocumentStore.getState();
  const doc = s.history?.doc ?? null;
  if (!doc || !s.versionId || s.readOnly || s.saveState === 'conflict') return null;
  return doc !== s.savedDoc ? doc : null;
}

async function saveNow(options: { keepalive?: boolean } = {}): Promise<void> {
  if (inFlight) {
    await inFlight;
    if (!pendingDoc()) return;
  }
  const doc = pendingDoc();
  if (!doc) return;
  const { versionId, revision, setSaveState, markSaved } = useDocumentStore.getState();
  setSaveState('saving');
  inFlight = (async () => {
    const result = await api().call('map.save', { versionId: versionId!, revision, document: doc }, options);
    const state = useDocumentStore.getState();
    if (state.versionId !== versionId) return; // the facilitator opened another map meanwhile
    if (result.ok) {
      markSaved(doc, result.value.revision);
      state.setSaveState(pendingDoc() ? 'unsaved' : 'saved');
      if (pendingDoc()) schedule(0);
    } else if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') {
      state.setSaveState('conflict', result.error.message);
    } else if (result.error.code === 'LOCKED') {
      state.setSaveState('locked', result.error.message);
    } else {
      state.setSaveState('error', result.error.message);
      if (result.error.code === 'UNAVAILABLE') schedule(RETRY_DELAY_MS);
    }
  })();
  try {
    await inFlight;
  } finally {
    inFlight = null;
  }
}

function schedule(delay: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void saveNow();
  }, delay);
}

/** Saves whatever is pending right away (before closing or leaving the editor). */
export function flushSave(options: { keepalive?: boolean } = {}): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  return saveNow(options);
}

/** Starts watching the document store; returns a stop function. */
export function startSaver(): () => void {
  const unsubscribe = useDocumentStore.subscribe((state, previous) => {
    if (state.history?.doc === previous.history?.doc) return;
    if (!pendingDoc()) return;
    if (state.saveState === 'saved' || state.saveState === 'error') state.setSaveState('unsaved');
    schedule(SAVE_DELAY_MS);
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') void flushSave({ keepalive: true });
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!pendingDoc()) return;
    void flushSave({ keepalive: true });
    // Only the browser asks; Electron would silently cancel the close.
    if (!window.leanmap) event.preventDefault();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
