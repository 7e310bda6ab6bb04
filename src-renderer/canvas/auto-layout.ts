// Left-to-right layout of the whole map with elkjs (layered algorithm), using the
// cards' measured sizes so nothing overlaps.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { MapDocument, Position } from '../../src-shared/domain/map-document';

const elk = new ELK();

export interface NodeSize {
  width: number;
  height: number;
}

const DEFAULT_STAGE: NodeSize = { width: 380, height: 420 };
const DEFAULT_OUTCOME: NodeSize = { width: 200, height: 72 };

export async function layoutMap(doc: MapDocument, sizes: ReadonlyMap<string, NodeSize>): Promise<Map<string, Position>> {
  const stageIds = new Set(doc.stages.map((s) => s.id));
  const graph = {
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '60',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: [
      ...doc.stages.map((s) => ({ id: s.id, ...(sizes.get(s.id) ?? DEFAULT_STAGE) })),
      ...doc.outcomes.map((o) => ({ id: o.id, ...(sizes.get(o.id) ?? DEFAULT_OUTCOME) })),
    ],
    edges: doc.transitions
      .filter((t) => stageIds.has(t.source))
      .map((t) => ({ id: t.id, sources: [t.source], targets: [t.target] })),
  };
  const result = await elk.layout(graph);
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}
