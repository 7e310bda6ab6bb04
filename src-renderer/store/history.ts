// Undo/redo over immutable map documents with explicit commit points: typing and
// drag frames change the document live (so they are saved), but only a commit
// (field blur, drag end, connect, delete) makes an undo step.
import type { MapDocument } from '../../src-shared/domain/map-document';

export const HISTORY_LIMIT = 200;

export interface History {
  doc: MapDocument;
  /** The document as of the last commit point. */
  checkpoint: MapDocument;
  past: MapDocument[];
  future: MapDocument[];
}

export function startHistory(doc: MapDocument): History {
  return { doc, checkpoint: doc, past: [], future: [] };
}

/** Applies a change; with commit, it becomes one undo step (together with any uncommitted edits before it). */
export function change(h: History, next: MapDocument, commit: boolean): History {
  if (next === h.doc && !commit) return h;
  const updated = { ...h, doc: next };
  return commit ? commitPoint(updated) : updated;
}

export function commitPoint(h: History): History {
  if (h.doc === h.checkpoint) return h;
  return { doc: h.doc, checkpoint: h.doc, past: [...h.past, h.checkpoint].slice(-HISTORY_LIMIT), future: [] };
}

export function undo(h: History): History {
  const committed = commitPoint(h);
  const previous = committed.past.at(-1);
  if (!previous) return committed;
  return {
    doc: previous,
    checkpoint: previous,
    past: committed.past.slice(0, -1),
    future: [committed.doc, ...committed.future],
  };
}

export function redo(h: History): History {
  const committed = commitPoint(h);
  const next = committed.future[0];
  if (!next) return committed;
  return { doc: next, checkpoint: next, past: [...committed.past, committed.doc], future: committed.future.slice(1) };
}

export const canUndo = (h: History) => h.past.length > 0 || h.doc !== h.checkpoint;
export const canRedo = (h: History) => h.future.length > 0;
