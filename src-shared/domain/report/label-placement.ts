// Where an arrow's label goes: the first spot along the arrow (middle first) whose
// box covers no card and no label placed before it, or failing that the one that
// covers least. A grid of buckets keeps it near-linear on maps of thousands of cards;
// every loop here is bounded by the number of boxes and spots, never by coordinates.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const CELL = 400;
/**
 * A box spanning more cells than this is kept in a short list checked on every
 * query instead: the cell walk is then bounded by the input's size, whatever the
 * coordinates (a far-away or non-finite box can never make it spin).
 */
const MAX_CELLS_PER_BOX = 64;

/** The cell range a box covers, or null when it is too large (or not finite) to bucket. */
function cellRange(box: Box): { cx0: number; cy0: number; columns: number; rows: number } | null {
  const cx0 = Math.floor(box.x0 / CELL);
  const cy0 = Math.floor(box.y0 / CELL);
  const columns = Math.floor(box.x1 / CELL) - cx0 + 1;
  const rows = Math.floor(box.y1 / CELL) - cy0 + 1;
  // Past 2^53 integers are no longer exact, so the count above could be anything.
  const exact = [cx0, cy0, columns, rows].every((v) => Number.isSafeInteger(v));
  if (!exact || columns < 1 || rows < 1 || columns * rows > MAX_CELLS_PER_BOX) return null;
  return { cx0, cy0, columns, rows };
}

export class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  private readonly oversized: Box[] = [];

  add(box: Box): void {
    const keys = this.keys(box);
    if (keys === null) {
      this.oversized.push(box);
      return;
    }
    for (const key of keys) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** Total area of `box` covered by the boxes in the index. */
  covered(box: Box): number {
    const seen = new Set<Box>();
    let area = 0;
    const count = (other: Box) => {
      if (seen.has(other)) return;
      seen.add(other);
      const w = Math.min(box.x1, other.x1) - Math.max(box.x0, other.x0);
      const h = Math.min(box.y1, other.y1) - Math.max(box.y0, other.y0);
      if (w > 0 && h > 0) area += w * h;
    };
    const keys = this.keys(box);
    if (keys === null) {
      // A query box too large to bucket: compare with everything (each box once).
      for (const list of this.cells.values()) list.forEach(count);
    } else {
      for (const key of keys) this.cells.get(key)?.forEach(count);
    }
    this.oversized.forEach(count);
    return area;
  }

  /** The cell keys of a box (at most MAX_CELLS_PER_BOX), or null when it is too large to bucket. */
  private keys(box: Box): string[] | null {
    const range = cellRange(box);
    if (range === null) return null;
    const keys: string[] = [];
    for (let i = 0; i < range.columns; i++) {
      for (let j = 0; j < range.rows; j++) keys.push(`${range.cx0 + i},${range.cy0 + j}`);
    }
    return keys;
  }
}

export function boxAround(x: number, y: number, width: number, height: number): Box {
  return { x0: x - width / 2, y0: y - height / 2, x1: x + width / 2, y1: y + height / 2 };
}

/** The spot (in preference order) whose label box is least covered by `obstacles`; ties go to the earlier spot. */
export function chooseSpot(spots: readonly { x: number; y: number }[], width: number, height: number, obstacles: BoxIndex): { x: number; y: number } {
  let best = spots[0]!;
  let bestCovered = Infinity;
  for (const spot of spots) {
    const covered = obstacles.covered(boxAround(spot.x, spot.y, width, height));
    if (covered < bestCovered - 1e-6) {
      best = spot;
      bestCovered = covered;
      if (covered === 0) break;
    }
  }
  return best;
}
