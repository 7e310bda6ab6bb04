// Where a map opens: at the last working view of that version (kept in this browser's
// storage), else fitted when the whole map is readable enough, else at a working zoom
// at the map's start (its top left). A big map fitted at zoom 0.1 would draw every card
// at once and show nothing the room can read.
import type { Viewport } from '@xyflow/react';

/** A map that fits only below this zoom (the canvas's least) opens at WORKING_ZOOM instead. */
export const MIN_FIT_ZOOM = 0.1;
/** Cards show their lines from 0.6 (StageNode's OVERVIEW_ZOOM). */
export const WORKING_ZOOM = 0.65;
const FIT_PADDING = 0.15;
const MAX_ZOOM = 2;
/** Room left of and above the map's start when it opens at the working zoom (screen px). */
const START_MARGIN = 40;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The view a map opens at without a remembered one (bounds in map units, screen in px). */
export function openingViewport(bounds: Bounds, screen: { width: number; height: number }): Viewport {
  if (bounds.width <= 0 || bounds.height <= 0 || screen.width <= 0 || screen.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const raw = Math.min(screen.width / bounds.width, screen.height / bounds.height) / (1 + 2 * FIT_PADDING);
  if (raw >= MIN_FIT_ZOOM) {
    const fit = Math.min(raw, MAX_ZOOM);
    return { x: screen.width / 2 - (bounds.x + bounds.width / 2) * fit, y: screen.height / 2 - (bounds.y + bounds.height / 2) * fit, zoom: fit };
  }
  return { x: START_MARGIN - bounds.x * WORKING_ZOOM, y: START_MARGIN - bounds.y * WORKING_ZOOM, zoom: WORKING_ZOOM };
}

const KEY_PREFIX = 'leanmap.view.';

/** The view last worked at on this version, or null (none kept, or not a view). */
export function rememberedViewport(storage: Pick<Storage, 'getItem'> | null, versionId: string): Viewport | null {
  try {
    const raw = storage?.getItem(KEY_PREFIX + versionId);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Viewport>;
    if (![v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    return { x: v.x!, y: v.y!, zoom: clamp(v.zoom!, MIN_FIT_ZOOM, MAX_ZOOM) };
  } catch {
    return null; // unreadable storage: open as if never seen
  }
}

/** Keeps the view of this version for the next time it opens (storage full or blocked: not kept). */
export function rememberViewport(storage: Pick<Storage, 'setItem'> | null, versionId: string, viewport: Viewport): void {
  try {
    storage?.setItem(KEY_PREFIX + versionId, JSON.stringify({ x: viewport.x, y: viewport.y, zoom: viewport.zoom }));
  } catch {
    // not kept: the map opens fitted next time
  }
}

/** The map's bounds from its cards' boxes (map units). */
export function boundsOf(boxes: Iterable<Bounds>): Bounds {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * How React Flow first shows a version, decided before it draws anything: the remembered
 * view, else fitted (React Flow fits before its first paint) when the map fits at the
 * least zoom on this screen, else the working zoom at the map's start.
 */
export function firstView(remembered: Viewport | null, bounds: Bounds, screen: { width: number; height: number }): { fit: boolean; viewport: Viewport } {
  if (remembered) return { fit: false, viewport: remembered };
  const viewport = openingViewport(bounds, screen);
  return { fit: viewport.zoom !== WORKING_ZOOM || bounds.width <= 0, viewport };
}
