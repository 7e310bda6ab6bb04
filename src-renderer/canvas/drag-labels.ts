// Arrow labels while cards are dragged. Placing the labels again on every drag frame
// would hand React Flow a new edge list per frame, and React Flow rebuilds its lookup
// of every arrow of the map for each new list (1,000 stages: about 2,000 arrows per
// frame). So while a drag is under way the labels keep the spots they had when it
// began, except those of arrows touching a dragged card: those ride at their arrow's
// middle (TransitionEdge's fallback), which React Flow moves with the card for free.
// The drop changes the document and the labels are placed again from the new boxes.
import type { Point } from './label-placement';

interface DraggableNode {
  id: string;
  dragging?: boolean;
}

interface LabelledArrow {
  id: string;
  source: string;
  target: string;
}

/** The ids of the cards being dragged, as one key ('' when none): stable across the frames of one drag. */
export function draggingKey(nodes: readonly DraggableNode[]): string {
  let key = '';
  for (const n of nodes) if (n.dragging) key = key ? `${key}\n${n.id}` : n.id;
  return key;
}

/**
 * Remembers the cards as they were when no card was being dragged: during a drag it
 * returns those (the same array on every frame, so what is computed from them is not
 * computed again), else the cards given.
 */
export function settledCards<N>(): (nodes: N, dragging: boolean) => N {
  let settled: N | null = null;
  return (nodes, dragging) => {
    if (!dragging || settled === null) settled = nodes;
    return settled;
  };
}

/**
 * The placement to draw during a drag: the settled placement without the labels of
 * arrows touching a dragged card (they fall back to their arrow's middle).
 * Returns the settled placement itself when no arrow touches a dragged card.
 */
export function labelsWhileDragging(settled: ReadonlyMap<string, Point>, arrows: readonly LabelledArrow[], key: string): ReadonlyMap<string, Point> {
  if (!key) return settled;
  const dragged = new Set(key.split('\n'));
  let released: Map<string, Point> | null = null;
  for (const a of arrows) {
    if (!settled.has(a.id) || (!dragged.has(a.source) && !dragged.has(a.target))) continue;
    released ??= new Map(settled);
    released.delete(a.id);
  }
  return released ?? settled;
}
