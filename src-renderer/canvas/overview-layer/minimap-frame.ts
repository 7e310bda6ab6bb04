// The minimap's frame while the overview layer draws the map (React Flow's MiniMap
// leaves hidden cards out, so it would show an empty box): the same framing as
// React Flow's MiniMap (the cards and the view, centred, with a margin), so the
// minimap looks and behaves the same on both sides of the layer's zoom.
import type { LayerScene } from './layer-scene';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The panel's size in CSS pixels (React Flow's MiniMap default). */
export const MINIMAP = { width: 200, height: 150, offsetScale: 5 } as const;

/** The box around every card of the scene, or null for an empty map. */
export function sceneBounds(scene: LayerScene): Rect | null {
  if (scene.boxes.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of scene.boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The part of the map on screen (map units), from React Flow's transform and the pane's size. */
export function viewRect([x, y, zoom]: readonly [number, number, number], pane: { width: number; height: number }): Rect {
  return { x: -x / zoom, y: -y / zoom, width: pane.width / zoom, height: pane.height / zoom };
}

/** The minimap's viewBox (map units) showing the cards and the view. */
export function minimapViewBox(cards: Rect | null, view: Rect): Rect {
  const left = Math.min(view.x, cards?.x ?? view.x);
  const top = Math.min(view.y, cards?.y ?? view.y);
  const width = Math.max(view.x + view.width, cards ? cards.x + cards.width : -Infinity) - left;
  const height = Math.max(view.y + view.height, cards ? cards.y + cards.height : -Infinity) - top;
  const scale = Math.max(width / MINIMAP.width, height / MINIMAP.height);
  const viewWidth = scale * MINIMAP.width;
  const viewHeight = scale * MINIMAP.height;
  const offset = MINIMAP.offsetScale * scale;
  return {
    x: left - (viewWidth - width) / 2 - offset,
    y: top - (viewHeight - height) / 2 - offset,
    width: viewWidth + 2 * offset,
    height: viewHeight + 2 * offset,
  };
}
