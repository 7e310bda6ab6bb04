// Puts the keyboard focus back on the map: on the selected card when it is on
// screen (so arrows move it and N inserts after it), else on the canvas itself.
import type { StoreApi } from 'zustand';
import type { UiState } from '../store/ui-store';

let placing = false;

/** True while focusCanvas is moving the focus, so the canvas does not redirect it. */
export const isPlacingFocus = () => placing;

export function canvasElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="map-canvas"]');
}

/** The rendered card or arrow of a map element, if React Flow drew it. */
export function elementOf(id: string): HTMLElement | null {
  const canvas = canvasElement();
  const escaped = CSS.escape(id);
  return canvas?.querySelector<HTMLElement>(`.react-flow__node[data-id="${escaped}"], .react-flow__edge[data-id="${escaped}"]`) ?? null;
}

/** Focuses a map element (card or arrow), or the canvas when it is not drawn. */
export function focusMapElement(id: string | null): void {
  const target = (id ? elementOf(id) : null) ?? canvasElement();
  placing = true;
  try {
    target?.focus({ preventScroll: true });
  } finally {
    placing = false;
  }
}

/** Leaves a field for the map: the selected card (of the session's `ui`) takes the focus. */
export function focusCanvas(ui: StoreApi<UiState>): void {
  // Done with the new stage's name: showing the stage again must not take the focus back.
  ui.getState().settleAdded();
  focusMapElement(ui.getState().selection?.id ?? null);
}
