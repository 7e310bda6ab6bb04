// The open map version: its document with undo history, and the save state the
// facilitator always sees. Saving itself lives in saver.ts. Each EditorSession owns one.
import { createStore, useStore, type StateCreator } from 'zustand';
import type { MapVersion, WorkshopDetail } from '../../src-shared/api/contract';
import type { MapDocument } from '../../src-shared/domain/map-document';
import { useEditorSession } from '../session/SessionContext';
import * as history from './history';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'locked' | 'error';

export interface DocumentState {
  workshop: WorkshopDetail | null;
  versionId: string | null;
  versionName: string;
  /** Revision of the last document the database accepted. */
  revision: number;
  /** The last document the database accepted (identity compared). */
  savedDoc: MapDocument | null;
  history: history.History | null;
  saveState: SaveState;
  saveMessage: string;
  readOnly: boolean;

  load(workshop: WorkshopDetail, version: MapVersion): void;
  change(fn: (doc: MapDocument) => MapDocument, options?: { commit?: boolean }): void;
  commit(): void;
  undo(): void;
  redo(): void;
  setSaveState(state: SaveState, message?: string): void;
  markSaved(doc: MapDocument, revision: number): void;
  /**
   * Another window saved `stored` at `revision`: it becomes the base; `shown` is what
   * this window shows on top (the same document when it had no edits of its own, else
   * the merge). The undo steps before it are dropped: they would undo the other
   * window's change too.
   */
  adoptRemote(stored: MapDocument, revision: number, shown: MapDocument): void;
}

const documentState: StateCreator<DocumentState> = (set, get) => ({
  workshop: null,
  versionId: null,
  versionName: '',
  revision: 0,
  savedDoc: null,
  history: null,
  saveState: 'saved',
  saveMessage: '',
  readOnly: false,

  load: (workshop, version) =>
    set({
      workshop,
      versionId: version.id,
      versionName: version.name,
      revision: version.revision,
      savedDoc: version.document,
      history: history.startHistory(version.document),
      saveState: version.signOff ? 'locked' : 'saved',
      saveMessage: '',
      readOnly: version.signOff !== null,
    }),

  change: (fn, options) => {
    const { history: h, readOnly, saveState } = get();
    if (!h || readOnly || saveState === 'conflict') return;
    const next = fn(h.doc);
    const updated = history.change(h, next, options?.commit ?? false);
    if (updated !== h) set({ history: updated });
  },

  commit: () => {
    const h = get().history;
    if (h) set({ history: history.commitPoint(h) });
  },

  undo: () => {
    const { history: h, readOnly, saveState } = get();
    if (h && !readOnly && saveState !== 'conflict') set({ history: history.undo(h) });
  },

  redo: () => {
    const { history: h, readOnly, saveState } = get();
    if (h && !readOnly && saveState !== 'conflict') set({ history: history.redo(h) });
  },

  setSaveState: (saveState, saveMessage = '') => set({ saveState, saveMessage }),

  markSaved: (doc, revision) => set({ savedDoc: doc, revision }),

  adoptRemote: (stored, revision, shown) =>
    set({
      savedDoc: stored,
      revision,
      history: history.startHistory(shown),
      saveState: shown === stored ? 'saved' : 'unsaved',
      saveMessage: '',
    }),
});

/** A document store: one per EditorSession (a second window and each test have their own). */
export const createDocumentStore = () => createStore<DocumentState>()(documentState);

/** Reads the window's open map (its EditorSession's) and re-renders when the selected part changes. */
export function useDocumentStore<T>(selector: (s: DocumentState) => T): T {
  return useStore(useEditorSession().document, selector);
}

/** The current document, or an empty placeholder before one is loaded. */
export const selectDoc = (s: DocumentState) => s.history?.doc ?? null;
