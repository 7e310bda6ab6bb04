// Whether the overview layer draws the map now, and what React Flow is given meanwhile:
// every card marked hidden (React Flow skips hidden cards when it picks what to mount,
// and still knows them for Fit, keyboard moves and reveal, and Delete), and of the
// arrows only the selected one, hidden, so Delete removes it (every arrow's wrapper
// would run its store selector on every frame).
import { useStore } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { MapFlowNode, TransitionFlowEdge } from '../flow-types';
import { layerShown } from './layer-zoom';

export function useOverviewLayer(nodes: MapFlowNode[], edges: TransitionFlowEdge[], cards: number) {
  const shown = useStore(useCallback((s: { transform: [number, number, number] }) => layerShown(s.transform[2], cards), [cards]));
  // One hidden copy per node object: a node that did not change stays the same object for React Flow.
  const [copies] = useState(() => new WeakMap<MapFlowNode, MapFlowNode>());
  const flowNodes = useMemo(() => {
    if (!shown) return nodes;
    return nodes.map((n) => {
      let copy = copies.get(n);
      if (!copy) copies.set(n, (copy = { ...n, hidden: true }));
      return copy;
    });
  }, [shown, nodes, copies]);
  const flowEdges = useMemo(() => (shown ? edges.filter((e) => e.selected).map((e) => ({ ...e, hidden: true })) : edges), [shown, edges]);
  return { shown, flowNodes, flowEdges };
}
