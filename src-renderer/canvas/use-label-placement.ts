// Places every arrow label of the map from the cards' measured boxes and the
// labels' measured sizes (see label-placement.ts), again whenever either changes.
// Exits need no placing: their label is their outcome marker, which the other
// labels keep clear of like a card name.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { changedCards, draggingKey, labelsWhileDragging, settledArrows, settledCards } from './drag-labels';
import type { MapFlowNode, TransitionFlowEdge } from './flow-types';
import { placeLabels, type Box, type LabelSpec, type Point } from './label-placement';
import { forgetLabels, useLabelSizes } from './label-sizes';

/** The top of a stage card that holds its name (up to three lines) in the detailed view. */
const NAME_ZONE = 130;

/** The cards' boxes in map units (an outcome marker's position is relative to its stage). */
export function cardBoxes(nodes: readonly MapFlowNode[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const width = n.measured?.width ?? n.initialWidth;
    const height = n.measured?.height ?? n.initialHeight;
    if (!width || !height) continue;
    const parent = n.parentId ? boxes.get(n.parentId) : undefined;
    if (n.parentId && !parent) continue;
    boxes.set(n.id, { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0), width, height });
  }
  return boxes;
}

export function useLabelPlacement(nodes: readonly MapFlowNode[], edges: readonly TransitionFlowEdge[], overview: boolean): ReadonlyMap<string, Point> {
  const sizes = useLabelSizes((s) => s.sizes);
  // A rename rebuilds the arrows (their spoken labels) but moves no label: the same list then.
  const [settleArrows] = useState(settledArrows<TransitionFlowEdge>);
  const arrows = settleArrows(edges);
  useEffect(() => forgetLabels(new Set(arrows.filter((e) => !e.data?.exitMarker).map((e) => e.id))), [arrows]);
  // While cards are dragged, the labels are placed from the cards as they were before (drag-labels.ts).
  const dragging = draggingKey(nodes);
  const [settle] = useState(settledCards<MapFlowNode>);
  const settled = settle(nodes, dragging !== '');
  // After a drop (or any card moved or resized) the labels are placed in a render of their
  // own, after the frame that shows the cards where they are; meanwhile the labels of the
  // cards that changed ride at their arrows' middle, as during the drag.
  const placedFrom = useDeferredValue(settled);
  const released = dragging || (placedFrom !== settled ? changedCards(placedFrom, settled) : '');
  const placed = useMemo(() => {
    const nodes = placedFrom;
    const boxes = cardBoxes(nodes);
    // In the overview a stage card is its name in large type; outcomes and markers are all label.
    const names = nodes.flatMap((n) => {
      const box = boxes.get(n.id);
      if (!box) return [];
      return [n.type === 'stage' && !overview ? { ...box, height: Math.min(box.height, NAME_ZONE) } : box];
    });
    const specs: LabelSpec[] = [];
    for (const e of arrows) {
      if (e.data?.exitMarker) continue;
      const size = sizes.get(e.id);
      const source = boxes.get(e.source);
      const target = boxes.get(e.target);
      if (size && source && target) specs.push({ id: e.id, shape: e.data?.kind === 'loop' ? 'loop' : 'curve', source, target, size });
    }
    const cards = nodes.filter((n) => n.type !== 'exitMarker').flatMap((n) => boxes.get(n.id) ?? []);
    return placeLabels(specs, { cards, names });
  }, [placedFrom, arrows, sizes, overview]);
  return useMemo(() => labelsWhileDragging(placed, arrows, released), [placed, arrows, released]);
}
