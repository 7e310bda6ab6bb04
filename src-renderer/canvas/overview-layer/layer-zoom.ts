// When the map is drawn by the overview layer instead of DOM cards.
//
// Below LAYER_ZOOM the DOM card's overview name (3rem = 54 px in map units, styles.css
// .stage-name-overview) renders under 18 px, the projector rule: the DOM cards would
// show nothing the room can read that the layer does not draw, yet a fitted map of
// 1,000 DOM cards costs 50–67 ms a frame even in bare React Flow. A map of fewer than
// LAYER_MIN_CARDS cards keeps its DOM cards at every zoom: they are cheap to draw and
// show more (the exits' words, arrow labels, improvement marks).

export const LAYER_ZOOM = 18 / 54;
export const LAYER_MIN_CARDS = 30;
/** Where a card chosen in the layer (double-click, Tab) is brought to: its lines readable. */
export const WORKING_ZOOM = 1;

/** Whether the layer draws the map at this zoom, for a map of this many stages and outcomes. */
export function layerShown(zoom: number, cards: number): boolean {
  return cards >= LAYER_MIN_CARDS && zoom < LAYER_ZOOM;
}
