// What the minimap draws (MapMiniMap.tsx), as plain data: every card a box in flow
// coordinates, gathered into one SVG path per colour, and the view box React Flow's
// <MiniMap> would use (so the minimap frames the map exactly as before).
export interface MinimapBox {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

export interface MinimapShape {
  fill: string;
  /** One closed rectangle per box, whole flow units (the minimap shows a map at a few pixels per card). */
  d: string;
}

/** The boxes as one path per colour, colours in the order first met. */
export function minimapShapes(boxes: readonly MinimapBox[]): MinimapShape[] {
  const parts = new Map<string, string[]>();
  for (const b of boxes) {
    const list = parts.get(b.fill) ?? [];
    if (list.length === 0) parts.set(b.fill, list);
    const w = Math.round(b.width);
    const h = Math.round(b.height);
    list.push(`M${Math.round(b.x)},${Math.round(b.y)}h${w}v${h}h${-w}z`);
  }
  return [...parts].map(([fill, list]) => ({ fill, d: list.join('') }));
}

export interface MinimapGeometry {
  /** The SVG view box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The margin around the map, in flow units. */
  offset: number;
  /** Flow units per minimap pixel. */
  viewScale: number;
}

/** React Flow's <MiniMap> framing: the bounds (cards and view) scaled to fit the element, centred, with a margin of `offsetScale` pixels. */
export function minimapGeometry(bounds: { x: number; y: number; width: number; height: number }, elementWidth: number, elementHeight: number, offsetScale: number): MinimapGeometry {
  const viewScale = Math.max(bounds.width / elementWidth, bounds.height / elementHeight);
  const viewWidth = viewScale * elementWidth;
  const viewHeight = viewScale * elementHeight;
  const offset = offsetScale * viewScale;
  return {
    x: bounds.x - (viewWidth - bounds.width) / 2 - offset,
    y: bounds.y - (viewHeight - bounds.height) / 2 - offset,
    width: viewWidth + offset * 2,
    height: viewHeight + offset * 2,
    offset,
    viewScale,
  };
}
