// Left-to-right layout of the whole map with elkjs (layered algorithm), using the
// cards' measured sizes so nothing overlaps, and leaving room between the columns
// and rows for the largest arrow label, where label-placement.ts puts the labels.
import type ELKType from 'elkjs/lib/elk.bundled.js';
import type { MapDocument, Position } from '../../src-shared/domain/map-document';
import { LABEL_MARGIN, LOOP_OFFSET, type Size } from './label-placement';
import { exitCounts, exitStackHeight } from './exit-markers';

/** elkjs is half the editor's code and only Tidy layout uses it: loaded on the first tidy. */
let elkInstance: Promise<InstanceType<typeof ELKType>> | undefined;
const loadElk = () =>
  (elkInstance ??= import('elkjs/lib/elk.bundled.js').then(
    (m) => new m.default(),
    (error: unknown) => {
      elkInstance = undefined; // a failed load is tried again on the next tidy
      throw error;
    },
  ));

export interface NodeSize {
  width: number;
  height: number;
}

const DEFAULT_STAGE: NodeSize = { width: 380, height: 420 };
const DEFAULT_OUTCOME: NodeSize = { width: 200, height: 72 };

/** Room between the columns and rows of cards for a label of this size (and the arrows around it). */
export function spacingFor(label: Size): { betweenColumns: number; betweenRows: number } {
  return {
    betweenColumns: Math.max(110, Math.ceil(label.width + 4 * LABEL_MARGIN + 40)),
    // A loop back runs LOOP_OFFSET below its cards with its label on it.
    betweenRows: Math.max(60, Math.ceil(LOOP_OFFSET + label.height / 2 + 3 * LABEL_MARGIN + 20)),
  };
}

export async function layoutMap(
  doc: MapDocument,
  sizes: ReadonlyMap<string, NodeSize>,
  largestLabel: Size = { width: 0, height: 0 },
): Promise<Map<string, Position>> {
  const stageIds = new Set(doc.stages.map((s) => s.id));
  // A stage's exit markers stand above its card: elk places the card and the room for
  // markers as one box. The same room above every card, so the cards of a row stay level.
  const room = exitStackHeight(Math.max(0, ...exitCounts(doc).values()));
  const above = (_id: string) => room;
  const stageBox = (id: string) => {
    const size = sizes.get(id) ?? DEFAULT_STAGE;
    return { width: size.width, height: size.height + above(id) };
  };
  const spacing = spacingFor(largestLabel);
  const graph = {
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(spacing.betweenRows),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(spacing.betweenColumns),
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: [
      ...doc.stages.map((s) => ({ id: s.id, ...stageBox(s.id) })),
      ...doc.outcomes.map((o) => ({ id: o.id, ...(sizes.get(o.id) ?? DEFAULT_OUTCOME) })),
    ],
    edges: doc.transitions
      .filter((t) => stageIds.has(t.source))
      .map((t) => ({ id: t.id, sources: [t.source], targets: [t.target] })),
  };
  const result = await (await loadElk()).layout(graph);
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) {
    const top = stageIds.has(child.id) ? above(child.id) : 0;
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round((child.y ?? 0) + top) });
  }
  return positions;
}
