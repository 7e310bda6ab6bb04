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

interface PlacedNode extends DraggableNode {
  type?: string;
  parentId?: string;
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  initialWidth?: number;
  initialHeight?: number;
}

const sameBox = (x: PlacedNode, y: PlacedNode) =>
  x === y ||
  (x.id === y.id &&
    x.type === y.type &&
    x.parentId === y.parentId &&
    (x.position === y.position || (x.position.x === y.position.x && x.position.y === y.position.y)) &&
    x.measured?.width === y.measured?.width &&
    x.measured?.height === y.measured?.height &&
    x.initialWidth === y.initialWidth &&
    x.initialHeight === y.initialHeight);

/** Same boxes for the label placement: a card selected, or its text changed at the same size, places nothing anew. */
export function sameGeometry(a: readonly PlacedNode[], b: readonly PlacedNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameBox(a[i]!, b[i]!)) return false;
  return true;
}

/** The cards of `now` whose box is not as in `before` (moved, resized, new), as one key like draggingKey's. */
export function changedCards(before: readonly PlacedNode[], now: readonly PlacedNode[]): string {
  if (before === now) return '';
  const old = new Map(before.map((n) => [n.id, n]));
  let key = '';
  for (const n of now) {
    const was = old.get(n.id);
    if (was && sameBox(was, n)) continue;
    key = key ? `${key}\n${n.id}` : n.id;
  }
  return key;
}

/**
 * The cards to place the labels from: during a drag, those of the last frame without
 * one (the same array on every frame, so the placement is not worked out again); else
 * the cards given, or the previous array while no box changed (a selection, a rename
 * that kept the card's size).
 */
export function settledCards<N extends PlacedNode>(): (nodes: readonly N[], dragging: boolean) => readonly N[] {
  let settled: readonly N[] | null = null;
  return (nodes, dragging) => {
    if (settled === null || (!dragging && !sameGeometry(settled, nodes))) settled = nodes;
    return settled;
  };
}

/**
 * The placement to draw during a drag (or until the cards' new boxes are placed): the
 * settled placement without the labels of arrows touching a card named in `key` (they
 * fall back to their arrow's middle). The settled placement itself when none does.
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

interface PlacedArrow extends LabelledArrow {
  data?: { kind?: string; exitMarker?: boolean };
}

/**
 * The arrows to place the labels of: the previous list while every arrow joins the same
 * cards in the same way (a renamed stage gives its arrows new objects, but moves no label).
 */
export function settledArrows<E extends PlacedArrow>(): (edges: readonly E[]) => readonly E[] {
  let settled: readonly E[] | null = null;
  const same = (a: readonly E[], b: readonly E[]) =>
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x === y || (x.id === y.id && x.source === y.source && x.target === y.target && x.data?.kind === y.data?.kind && x.data?.exitMarker === y.data?.exitMarker);
    });
  return (edges) => {
    if (settled === null || !same(settled, edges)) settled = edges;
    return settled;
  };
}
