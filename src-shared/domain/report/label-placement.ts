// Where an arrow's label goes: the first spot along the arrow (middle first) whose
// box covers no card and no label placed before it, or failing that the one that
// covers least. A grid of buckets keeps it near-linear on maps of thousands of cards.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const CELL = 400;

export class BoxIndex {
  private readonly cells = new Map<string, Box[]>();

  add(box: Box): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** Total area of `box` covered by the boxes in the index. */
  covered(box: Box): number {
    const seen = new Set<Box>();
    let area = 0;
    for (const key of this.keys(box)) {
      for (const other of this.cells.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const w = Math.min(box.x1, other.x1) - Math.max(box.x0, other.x0);
        const h = Math.min(box.y1, other.y1) - Math.max(box.y0, other.y0);
        if (w > 0 && h > 0) area += w * h;
      }
    }
    return area;
  }

  private *keys(box: Box): Generator<string> {
    for (let cx = Math.floor(box.x0 / CELL); cx <= Math.floor(box.x1 / CELL); cx++) {
      for (let cy = Math.floor(box.y0 / CELL); cy <= Math.floor(box.y1 / CELL); cy++) yield `${cx},${cy}`;
    }
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
