// Arrow-key moves of the selected cards as the document sees them: each press
// moves the cards in the open document (so the move is saved like any edit), and
// a run of presses becomes one undo step once the keys have been still for a moment.
import type { Position } from '../../src-shared/domain/map-document';
import { moveNodes } from '../../src-shared/domain/map-ops';
import type { StoreApi } from 'zustand';
import type { DocumentState } from '../store/document-store';

/** Map units per arrow press (Shift: four times as far), as React Flow moves cards. */
export const KEY_MOVE_STEP = 5;
/** The keyboard move becomes one undo step this long after the last arrow press. */
export const KEY_MOVE_SETTLE_MS = 400;

export const ARROW_DIRECTIONS: Readonly<Record<string, Position>> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

export interface KeyboardMove {
  /** One arrow press: moves the cards with these ids; false when nothing could move (read-only, nothing selected). */
  press(ids: readonly string[], direction: Position, fast: boolean): boolean;
  /** Ends the run now (the card lost focus, the editor closes): it becomes its undo step. */
  settle(): void;
}

/** Moves cards in `store` (the session's open map). */
export function createKeyboardMove(store: StoreApi<DocumentState>, timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout }): KeyboardMove {
  let pending: ReturnType<typeof setTimeout> | null = null;
  const settle = () => {
    if (pending === null) return;
    timers.clear(pending);
    pending = null;
    store.getState().commit();
  };
  return {
    press(ids, direction, fast) {
      const { history, change, readOnly, saveState } = store.getState();
      if (!history || readOnly || saveState === 'conflict') return false;
      const wanted = new Set(ids);
      const step = KEY_MOVE_STEP * (fast ? 4 : 1);
      const positions = new Map<string, Position>();
      for (const n of [...history.doc.stages, ...history.doc.outcomes]) {
        if (wanted.has(n.id)) positions.set(n.id, { x: n.position.x + direction.x * step, y: n.position.y + direction.y * step });
      }
      if (positions.size === 0) return false;
      change((d) => moveNodes(d, positions));
      if (pending !== null) timers.clear(pending);
      pending = timers.set(settle, KEY_MOVE_SETTLE_MS);
      return true;
    },
    settle,
  };
}
