// What every card and arrow of the canvas needs to know about the view, read once by
// the canvas and handed down: whether the map is shown as the overview, and the layer
// the arrow labels are drawn into. One store subscription for the whole map instead of
// one (with a DOM query) per arrow on every pan frame.
import { createContext, useContext } from 'react';

export interface CanvasView {
  overview: boolean;
  /** React Flow's edge label layer (found once when the canvas mounts). */
  labelLayer: HTMLElement | null;
}

export const CanvasViewContext = createContext<CanvasView>({ overview: false, labelLayer: null });

export const useCanvasView = () => useContext(CanvasViewContext);

/**
 * How the map is fitted to the screen (Fit, F, opening): hidden cards count, since
 * below the overview layer's zoom every card is hidden (overview-layer/use-overview-layer.ts).
 */
export const FIT_VIEW = { padding: 0.15, includeHiddenNodes: true } as const;
