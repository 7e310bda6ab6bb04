// Places every arrow label of the map from the cards' measured boxes and the
// labels' measured sizes (see label-placement.ts), again whenever either changes.
import { useStore } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { MapFlowNode, TransitionFlowEdge } from './flow-types';
import { placeLabels, type Box, type LabelSpec, type Point } from './label-placement';
import { forgetLabels, useLabelSizes } from './label-sizes';
import { OVERVIEW_ZOOM } from './nodes/StageNode';

/** The top of a stage card that holds its name (up to three lines) in the detailed view. */
const NAME_ZONE = 130;
const overviewSelector = (s: { transform: [number, number, number] }) => s.transform[2] < OVERVIEW_ZOOM;

export function useLabelPlacement(nodes: readonly MapFlowNode[], edges: readonly TransitionFlowEdge[]): ReadonlyMap<string, Point> {
  const sizes = useLabelSizes((s) => s.sizes);
  const overview = useStore(overviewSelector);
  useEffect(() => forgetLabels(new Set(edges.map((e) => e.id))), [edges]);
  return useMemo(() => {
    const boxes = new Map<string, Box>();
    for (const n of nodes) {
      if (!n.measured?.width || !n.measured.height) continue;
      boxes.set(n.id, { x: n.position.x, y: n.position.y, width: n.measured.width, height: n.measured.height });
    }
    // In the overview a stage card is its name in large type; outcomes are all label.
    const names = nodes.flatMap((n) => {
      const box = boxes.get(n.id);
      if (!box) return [];
      return [n.type === 'stage' && !overview ? { ...box, height: Math.min(box.height, NAME_ZONE) } : box];
    });
    const specs: LabelSpec[] = [];
    for (const e of edges) {
      const size = sizes.get(e.id);
      const source = boxes.get(e.source);
      const target = boxes.get(e.target);
      if (size && source && target) specs.push({ id: e.id, shape: e.data?.kind === 'loop' ? 'loop' : 'curve', source, target, size });
    }
    return placeLabels(specs, { cards: [...boxes.values()], names });
  }, [nodes, edges, sizes, overview]);
}
