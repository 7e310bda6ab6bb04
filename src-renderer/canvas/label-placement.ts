// Where each arrow label goes on the map: on its own arrow, at the first spot that
// covers no card name and no other label (and, when there is such a spot, no card
// at all). Pure geometry in map units; the canvas feeds it the cards' measured
// boxes and the labels' measured sizes.

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Box extends Point, Size {}

export interface LabelSpec {
  id: string;
  /** loop: from the bottom of the source back into the bottom of the target (a smooth step); curve: right side to left side (a bezier). */
  shape: 'curve' | 'loop';
  source: Box;
  target: Box;
  size: Size;
}

export interface Obstacles {
  /** Whole cards: a label avoids them when it can. */
  cards: readonly Box[];
  /** Card names: a label never covers them when any spot along its arrow is free. */
  names: readonly Box[];
}

/** Room kept between a label and what it must not touch. */
export const LABEL_MARGIN = 6;
/** How far below the lower card a loop back runs (TransitionEdge's smooth step offset). */
export const LOOP_OFFSET = 60;
const CURVATURE = 0.25;

const controlOffset = (distance: number) => (distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance));

/** A point of the arrow at f ∈ [0, 1], drawn as React Flow draws it. */
export function pointOnArrow(spec: Pick<LabelSpec, 'shape' | 'source' | 'target'>, f: number): Point {
  const { source: s, target: t } = spec;
  if (spec.shape === 'loop') {
    const from = { x: s.x + s.width * 0.7, y: s.y + s.height };
    const to = { x: t.x + t.width * 0.3, y: t.y + t.height };
    return { x: from.x + (to.x - from.x) * f, y: Math.max(from.y, to.y) + LOOP_OFFSET };
  }
  const p0 = { x: s.x + s.width, y: s.y + s.height / 2 };
  const p3 = { x: t.x, y: t.y + t.height / 2 };
  const p1 = { x: p0.x + controlOffset(p3.x - p0.x), y: p0.y };
  const p2 = { x: p3.x - controlOffset(p3.x - p0.x), y: p3.y };
  const u = 1 - f;
  const a = u * u * u;
  const b = 3 * u * u * f;
  const c = 3 * u * f * f;
  const d = f * f * f;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

const overlaps = (a: Box, b: Box, margin: number) =>
  a.x - margin < b.x + b.width && b.x - margin < a.x + a.width && a.y - margin < b.y + b.height && b.y - margin < a.y + a.height;

/** Spots along the arrow, the middle first, then outwards; then the same spots a label height above and below, and further. */
function candidates(spec: LabelSpec): Point[] {
  const along = [0.5];
  for (let k = 1; k < 20; k++) along.push(0.5 - k * 0.025, 0.5 + k * 0.025);
  const points = along.map((f) => pointOnArrow(spec, f));
  const step = spec.size.height + LABEL_MARGIN;
  const out: Point[] = [];
  for (const dy of [0, -step, step, -2 * step, 2 * step, -3 * step, 3 * step]) for (const p of points) out.push({ x: p.x, y: p.y + dy });
  return out;
}

/** A box holding every spot a label of this arrow may take (candidates), with its margin. */
export function reach(spec: LabelSpec): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  // The spots lie at multiples of 0.025 along the arrow.
  for (let k = 0; k <= 40; k++) {
    const p = pointOnArrow(spec, k / 40);
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  const padX = spec.size.width / 2 + 2 * LABEL_MARGIN;
  const padY = spec.size.height / 2 + 3 * (spec.size.height + LABEL_MARGIN) + 2 * LABEL_MARGIN;
  return { x: x0 - padX, y: y0 - padY, width: x1 - x0 + 2 * padX, height: y1 - y0 + 2 * padY };
}

const boxAt = (centre: Point, size: Size): Box => ({ x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size });

/**
 * Places the labels one by one (arrows with the least room first) and returns each
 * label's centre. A label takes the first spot clear of names, labels and cards;
 * failing that, clear of names and labels; failing that, its arrow's middle.
 */
export function placeLabels(specs: readonly LabelSpec[], obstacles: Obstacles): Map<string, Point> {
  const span = (s: LabelSpec) => Math.abs(pointOnArrow(s, 1).x - pointOnArrow(s, 0).x);
  const ordered = [...specs].sort((a, b) => span(a) - span(b) || (a.id < b.id ? -1 : 1));
  const placed: Box[] = [];
  const result = new Map<string, Point>();
  for (const spec of ordered) {
    let fallback: Point | null = null;
    let chosen: Point | null = null;
    // Only what lies near the arrow can be in the way: on a big map, a few boxes instead of thousands per spot.
    const region = reach(spec);
    const names = obstacles.names.filter((b) => overlaps(b, region, 0));
    const cards = obstacles.cards.filter((b) => overlaps(b, region, 0));
    for (const p of candidates(spec)) {
      const box = boxAt(p, spec.size);
      if (placed.some((b) => overlaps(box, b, LABEL_MARGIN)) || names.some((b) => overlaps(box, b, LABEL_MARGIN))) continue;
      if (!cards.some((b) => overlaps(box, b, LABEL_MARGIN))) {
        chosen = p;
        break;
      }
      fallback ??= p;
    }
    const at = chosen ?? fallback ?? pointOnArrow(spec, 0.5);
    placed.push(boxAt(at, spec.size));
    result.set(spec.id, at);
  }
  return result;
}
