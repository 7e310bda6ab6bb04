// Where a card's arrows attach before the card is drawn. React Flow draws every card
// once whose handles it has not measured (getNodesInside: forceInitialRender), and
// waits for every card's measured size before fitting the view. A card that was never
// drawn therefore carries its estimated size as `measured` and its handles worked out
// from that size and the CSS below, so it stays unmounted while off screen, Fit still
// works, and its arrows end where the drawn card's handles will be. Once React Flow
// measures the drawn card (a 'dimensions' change), the estimates are dropped: React
// Flow takes `handles` over what it measured (parseHandles), so they must not stay.
import { Position, type NodeChange, type NodeHandle } from '@xyflow/react';
import type { Size } from './card-size';
import { EXIT_MARKER } from './exit-markers';
import type { MapFlowNode } from './flow-types';

/**
 * The handles' CSS (styles.css .handle, .handle-loop, .handle-exit; React Flow's
 * .react-flow__handle-* centre each handle on its side of the containing block).
 */
const HANDLE = { main: 18, loop: 10, exit: 10 } as const;
/** The loop handles' `left` on the stage card (StageNode Handles). */
const LOOP_IN_AT = 0.3;
const LOOP_OUT_AT = 0.7;
/** The exit marker is `position: relative` inside its 2 px border: its handle sits in the padding box. */
const MARKER_BORDER = 2;

type Side = 'source' | 'target';

/** A handle of `size` centred on the point (x, y) of the card. */
function centredAt(id: string, type: Side, position: Position, x: number, y: number, size: number): NodeHandle {
  return { id, type, position, x: x - size / 2, y: y - size / 2, width: size, height: size };
}

/** StageNode's five handles: in and out at mid height, the loops on the bottom, the exits' spine on top. */
export function stageHandles({ width, height }: Size): NodeHandle[] {
  return [
    centredAt('in', 'target', Position.Left, 0, height / 2, HANDLE.main),
    centredAt('loop-in', 'target', Position.Bottom, width * LOOP_IN_AT, height, HANDLE.loop),
    centredAt('out', 'source', Position.Right, width, height / 2, HANDLE.main),
    centredAt('loop-out', 'source', Position.Bottom, width * LOOP_OUT_AT, height, HANDLE.loop),
    centredAt('exit-out', 'source', Position.Top, EXIT_MARKER.spine, 0, HANDLE.exit),
  ];
}

/** OutcomeNode's one handle, in at mid height on its left. */
export function outcomeHandles({ height }: Size): NodeHandle[] {
  return [centredAt('in', 'target', Position.Left, 0, height / 2, HANDLE.main)];
}

/** ExitMarkerNode's one handle, in on its left, inside its border. */
export function exitMarkerHandles({ height }: Size): NodeHandle[] {
  return [centredAt('in', 'target', Position.Left, MARKER_BORDER, height / 2, HANDLE.exit)];
}

/**
 * Added to an estimated width. React Flow reports a drawn card's size (whole pixels)
 * only when it differs from the size it has, and that report is what drops the
 * estimated handles, so an estimate must never equal a drawn size (an exit marker in
 * the overview has the estimated size but a thicker border: its handle sits 1 px over).
 */
export const NEVER_DRAWN_MARK = 0.5;

/** What a card never drawn carries: its estimated size, counted as measured, and its handles from it. */
export function estimatedCard(size: Size, handles: (size: Size) => NodeHandle[]): Pick<MapFlowNode, 'measured' | 'handles'> {
  return { measured: { width: size.width + NEVER_DRAWN_MARK, height: size.height }, handles: handles(size) };
}

/** Measured by React Flow from the drawn card, not estimated (estimates carry handles). */
export const isDrawnSize = (node: MapFlowNode): boolean => node.measured !== undefined && node.handles === undefined;

/**
 * The cards after React Flow's changes, without the estimated handles of those it has
 * just measured, so its measured handles win from then on.
 */
export function forgetEstimatesOfMeasured(nodes: MapFlowNode[], changes: readonly NodeChange<MapFlowNode>[]): MapFlowNode[] {
  const measured = new Set<string>();
  for (const c of changes) if (c.type === 'dimensions' && c.dimensions) measured.add(c.id);
  if (measured.size === 0) return nodes;
  return nodes.map((n) => {
    if (!measured.has(n.id) || n.handles === undefined) return n;
    const { handles: _estimated, ...drawn } = n;
    return drawn as MapFlowNode;
  });
}
