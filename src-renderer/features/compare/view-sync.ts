// One pan-and-zoom shared by both compared maps, so a card sits at the same place in
// each pane: both SVGs are drawn in the union of the two maps' boxes, and one view
// (translate + scale) is applied to both. Pure, unit-tested.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface View {
  /** Screen offset of the drawing's origin (px) and its scale. */
  x: number;
  y: number;
  scale: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 3;
const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

export function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The whole drawing (of size `box`, drawn from 0,0) fitted into a pane. */
export function fitView(box: Box, pane: { width: number; height: number }, padding = 12): View {
  const scale = clampScale(Math.min((pane.width - 2 * padding) / box.width, (pane.height - 2 * padding) / box.height));
  return { scale, x: (pane.width - box.width * scale) / 2, y: (pane.height - box.height * scale) / 2 };
}

/** Zoom by `factor` about a screen point, keeping what is under it still. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

export const panBy = (view: View, dx: number, dy: number): View => ({ ...view, x: view.x + dx, y: view.y + dy });

/**
 * A card (in map coordinates) centred in the pane, at a scale where it is readable but
 * its neighbours show (`targetWidth` of the pane), never zooming out from where the
 * facilitator already is.
 */
export function focusView(view: View, origin: { x: number; y: number }, target: Box, pane: { width: number; height: number }): View {
  const wanted = Math.min((pane.width * 0.45) / target.width, (pane.height * 0.7) / target.height);
  const scale = clampScale(Math.max(view.scale, Math.min(wanted, 1)));
  const cx = target.x - origin.x + target.width / 2;
  const cy = target.y - origin.y + target.height / 2;
  return { scale, x: pane.width / 2 - cx * scale, y: pane.height / 2 - cy * scale };
}
