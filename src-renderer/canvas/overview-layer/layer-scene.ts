// What the overview layer draws, worked out once per map change (not per frame):
// a box per card (stages, outcomes, the exits' outcome markers) and an arrow per
// transition, in map units, with the same handle spots and path shapes as the DOM
// view (TransitionEdge, StageNode's handles), so the layer is recognisably the same map.
// Pure: the frame itself only transforms and strokes what is here (draw-layer.ts).
import { Position, getBezierPath, getSmoothStepPath } from '@xyflow/react';
import type { Outcome } from '../../../src-shared/domain/map-document';
import { OUTCOME_LABELS } from '../../../src-shared/domain/map-document';
import { EXIT_MARKER } from '../exit-markers';
import type { MapFlowNode, TransitionFlowEdge } from '../flow-types';

export type BoxKind = 'stage' | 'outcome' | 'exit';
export type OutcomeKind = Outcome['kind'];

export interface LayerBox {
  /** The React Flow node id. */
  id: string;
  kind: BoxKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text the box shows when it fits (stage name, outcome label). */
  name: string;
  /** Outcome and exit marker boxes take their outcome's colour. */
  outcome: OutcomeKind | null;
  /** What a click on the box selects, as the DOM card would: the stage, the outcome, or the exit (a transition). */
  select: { kind: 'stage' | 'outcome' | 'transition'; id: string };
  selected: boolean;
  bottleneck: boolean;
}

export type ArrowTone = 'forward' | 'loop' | `exit-${OutcomeKind}`;

export interface LayerArrow {
  id: string;
  tone: ArrowTone;
  /** SVG path data in map units (Path2D takes it as is). */
  path: string;
  /** The arrow's tip and the direction it points, for the arrowhead. */
  tip: { x: number; y: number; dx: number; dy: number };
  /** A box the whole arrow lies in (map units), so a frame draws only the arrows on screen. */
  bounds: Bounds;
  selected: boolean;
  bottleneck: boolean;
}

export interface LayerScene {
  boxes: LayerBox[];
  arrows: LayerArrow[];
}

/** Left, top, right, bottom in map units. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * A box around an SVG path of React Flow's edge helpers: their numbers come in x,y pairs
 * (end points and control points), and a curve stays inside its control points.
 */
export function pathBounds(path: string): Bounds {
  const numbers = path.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)?.map(Number) ?? [];
  const b = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const x = numbers[i]!;
    const y = numbers[i + 1]!;
    if (x < b.left) b.left = x;
    if (x > b.right) b.right = x;
    if (y < b.top) b.top = y;
    if (y > b.bottom) b.bottom = y;
  }
  return b;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A card's size: measured when React Flow drew it, else the estimate it was given (card-size.ts). */
function sizeOf(node: MapFlowNode): { width: number; height: number } {
  return {
    width: node.measured?.width ?? node.width ?? node.initialWidth ?? 0,
    height: node.measured?.height ?? node.height ?? node.initialHeight ?? 0,
  };
}

/** Where a handle sits on a card (StageNode's and OutcomeNode's handles; ExitMarkerNode's `in`). */
export function handlePoint(rect: Rect, handle: string | null | undefined): { x: number; y: number; position: Position } {
  switch (handle) {
    case 'out':
      return { x: rect.x + rect.width, y: rect.y + rect.height / 2, position: Position.Right };
    case 'loop-out':
      return { x: rect.x + rect.width * 0.7, y: rect.y + rect.height, position: Position.Bottom };
    case 'loop-in':
      return { x: rect.x + rect.width * 0.3, y: rect.y + rect.height, position: Position.Bottom };
    case 'exit-out':
      return { x: rect.x + EXIT_MARKER.spine, y: rect.y, position: Position.Top };
    default:
      return { x: rect.x, y: rect.y + rect.height / 2, position: Position.Left };
  }
}

/** The direction an arrow arrives in at a handle on this side (it points into the card). */
const INTO: Record<Position, { dx: number; dy: number }> = {
  [Position.Left]: { dx: 1, dy: 0 },
  [Position.Right]: { dx: -1, dy: 0 },
  [Position.Top]: { dx: 0, dy: 1 },
  [Position.Bottom]: { dx: 0, dy: -1 },
};

function boxOf(node: MapFlowNode, at: { x: number; y: number }): LayerBox {
  const size = sizeOf(node);
  const base = { id: node.id, x: at.x, y: at.y, ...size, selected: node.selected === true };
  if (node.type === 'stage') {
    return { ...base, kind: 'stage', name: node.data.stage.name || 'Unnamed stage', outcome: null, select: { kind: 'stage', id: node.id }, bottleneck: false };
  }
  if (node.type === 'outcome') {
    const o = node.data.outcome;
    return { ...base, kind: 'outcome', name: o.label || OUTCOME_LABELS[o.kind], outcome: o.kind, select: { kind: 'outcome', id: node.id }, bottleneck: false };
  }
  const { outcome, transitionId, exit, selected } = node.data;
  return {
    ...base,
    kind: 'exit',
    name: `→ ${outcome.label || OUTCOME_LABELS[outcome.kind]}`,
    outcome: outcome.kind,
    select: { kind: 'transition', id: transitionId },
    selected,
    bottleneck: exit.bottleneckRank !== null,
  };
}

/**
 * The boxes and arrows of the map as React Flow holds it: stages first, then outcomes,
 * then the exit markers (drawn over their stage's top, as in the DOM view).
 */
export function buildScene(nodes: readonly MapFlowNode[], edges: readonly TransitionFlowEdge[]): LayerScene {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rects = new Map<string, LayerBox>();
  const boxes: LayerBox[] = [];
  const order: Record<BoxKind, number> = { stage: 0, outcome: 1, exit: 2 };
  for (const node of nodes) {
    // Markers are placed relative to their stage card (flow-adapters.ts).
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const at = parent ? { x: parent.position.x + node.position.x, y: parent.position.y + node.position.y } : node.position;
    const box = boxOf(node, at);
    rects.set(node.id, box);
    boxes.push(box);
  }
  boxes.sort((a, b) => order[a.kind] - order[b.kind]);

  const arrows: LayerArrow[] = [];
  for (const edge of edges) {
    const from = rects.get(edge.source);
    const to = rects.get(edge.target);
    const data = edge.data;
    if (!from || !to || !data) continue;
    const source = handlePoint(from, edge.sourceHandle);
    const target = handlePoint(to, edge.targetHandle);
    const ends = {
      sourceX: source.x,
      sourceY: source.y,
      sourcePosition: source.position,
      targetX: target.x,
      targetY: target.y,
      targetPosition: target.position,
    };
    // The same shapes as TransitionEdge.
    const [path] = data.exitMarker
      ? getSmoothStepPath({ ...ends, offset: 0, borderRadius: 8 })
      : data.kind === 'loop'
        ? getSmoothStepPath({ ...ends, offset: 60, borderRadius: 16 })
        : getBezierPath(ends);
    const tone: ArrowTone = data.kind === 'loop' ? 'loop' : data.outcomeKind ? `exit-${data.outcomeKind}` : 'forward';
    arrows.push({
      id: edge.id,
      tone,
      path,
      tip: { x: target.x, y: target.y, ...INTO[target.position] },
      bounds: pathBounds(path),
      selected: edge.selected === true,
      bottleneck: data.bottleneckRank !== null,
    });
  }
  return { boxes, arrows };
}

/** React Flow's viewport: screen = map × zoom + (x, y). */
export interface Transform {
  x: number;
  y: number;
  zoom: number;
}

export const toMap = (t: Transform, screen: { x: number; y: number }) => ({ x: (screen.x - t.x) / t.zoom, y: (screen.y - t.y) / t.zoom });

/** The box under a point of the pane (screen pixels), topmost first; small boxes are hit within a few pixels of their edge. */
export function hitTest(scene: LayerScene, t: Transform, screen: { x: number; y: number }, slackPx = 3): LayerBox | null {
  const p = toMap(t, screen);
  const slack = slackPx / t.zoom;
  let near: LayerBox | null = null;
  for (let i = scene.boxes.length - 1; i >= 0; i--) {
    const b = scene.boxes[i]!;
    const inside = p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
    if (inside) return b;
    if (!near && p.x >= b.x - slack && p.x <= b.x + b.width + slack && p.y >= b.y - slack && p.y <= b.y + b.height + slack) near = b;
  }
  return near;
}

/** The part of the map on a pane of this size (screen pixels) at this transform, widened by `marginPx` on every side. */
export function viewBounds(t: Transform, pane: { width: number; height: number }, marginPx = 0): Bounds {
  const left = (-t.x - marginPx) / t.zoom;
  const top = (-t.y - marginPx) / t.zoom;
  return { left, top, right: left + (pane.width + 2 * marginPx) / t.zoom, bottom: top + (pane.height + 2 * marginPx) / t.zoom };
}

export const boxInView = (b: LayerBox, v: Bounds) => b.x < v.right && b.x + b.width > v.left && b.y < v.bottom && b.y + b.height > v.top;
export const arrowInView = (a: LayerArrow, v: Bounds) => a.bounds.left < v.right && a.bounds.right > v.left && a.bounds.top < v.bottom && a.bounds.bottom > v.top;

/** The boxes that show on a pane of this size (screen pixels) at this transform. */
export function visibleBoxes(scene: LayerScene, t: Transform, pane: { width: number; height: number }): LayerBox[] {
  const view = viewBounds(t, pane);
  return scene.boxes.filter((b) => boxInView(b, view));
}
