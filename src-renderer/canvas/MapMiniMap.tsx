// The minimap: React Flow's <MiniMap> drawn with one SVG path per colour instead of
// one component per card. Its per-card components (a wrapper with its own store
// subscription, a rect, and React's second copy of each) were some 19,000 fibers on a
// 2,000-stage map, about 3 MB of the editor's heap, for boxes a few pixels wide.
// Panning and zooming on it are React Flow's own (XYMinimap, what <MiniMap> uses).
import { XYMinimap, getInternalNodesBounds, getNodeDimensions, nodeHasDimensions, type Rect } from '@xyflow/system';
import { Panel, useStore, useStoreApi, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MapFlowNode } from './flow-types';
import { minimapGeometry, minimapShapes, type MinimapBox } from './minimap-shapes';

const WIDTH = 200;
const HEIGHT = 150;
const OFFSET_SCALE = 5;

const visible = (node: InternalNode) => !node.hidden;

interface View {
  viewBB: Rect;
  boundingRect: Rect;
  flowWidth: number;
  flowHeight: number;
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameView = (a: View, b: View) => sameRect(a.viewBB, b.viewBB) && sameRect(a.boundingRect, b.boundingRect) && a.flowWidth === b.flowWidth && a.flowHeight === b.flowHeight;

function viewOf(s: ReactFlowState): View {
  const [tx, ty, zoom] = s.transform;
  const viewBB = { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
  const anyVisible = [...s.nodeLookup.values()].some(visible);
  const nodes = anyVisible ? getInternalNodesBounds(s.nodeLookup, { filter: visible }) : null;
  const boundingRect = nodes ? union(nodes, viewBB) : viewBB;
  return { viewBB, boundingRect, flowWidth: s.width, flowHeight: s.height };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The cards as boxes with their colours (null: not drawn). */
function boxesOf(s: ReactFlowState, color: (node: MapFlowNode) => string | null): MinimapBox[] {
  const boxes: MinimapBox[] = [];
  for (const node of s.nodeLookup.values()) {
    const user = node.internals.userNode as MapFlowNode;
    if (node.hidden || !nodeHasDimensions(user)) continue;
    const fill = color(user);
    if (fill === null) continue;
    const { width, height } = getNodeDimensions(user);
    boxes.push({ x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width, height, fill });
  }
  return boxes;
}

/**
 * A number that changes when any card moves, resizes, hides or shows: read on every
 * store change (each pan frame too) without allocating, so the paths are rebuilt only
 * when the cards changed, not when the view did.
 */
function layoutSignature(s: ReactFlowState): number {
  let h = s.nodeLookup.size;
  for (const node of s.nodeLookup.values()) {
    const { x, y } = node.internals.positionAbsolute;
    h = (Math.imul(h, 31) + Math.round(x * 4)) | 0;
    h = (Math.imul(h, 31) + Math.round(y * 4)) | 0;
    h = (Math.imul(h, 31) + Math.round((node.measured.width ?? node.width ?? 0) * 4) + (node.hidden ? 1 : 0)) | 0;
    h = (Math.imul(h, 31) + Math.round((node.measured.height ?? node.height ?? 0) * 4)) | 0;
  }
  return h;
}

interface Cards {
  signature: number;
  nodes: unknown;
  state: ReactFlowState;
}
const cardsOf = (s: ReactFlowState): Cards => ({ signature: layoutSignature(s), nodes: s.nodes, state: s });
const sameCards = (a: Cards, b: Cards) => a.signature === b.signature && a.nodes === b.nodes;

export function MapMiniMap({ nodeColor, ariaLabel }: { nodeColor: (node: MapFlowNode) => string | null; ariaLabel: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const panZoom = useStore((s) => s.panZoom);
  const translateExtent = useStore((s) => s.translateExtent);
  const rfId = useStore((s) => s.rfId);
  const view = useStore(viewOf, sameView);
  // The store as of the last change to the cards (the nodes array also changes with what a card shows: an outcome's kind, its colour).
  const cards = useStore(cardsOf, sameCards);
  const shapes = useMemo(() => minimapShapes(boxesOf(cards.state, nodeColor)), [cards, nodeColor]);
  const geometry = minimapGeometry(view.boundingRect, WIDTH, HEIGHT, OFFSET_SCALE);
  const viewScale = useRef(geometry.viewScale);
  useLayoutEffect(() => {
    viewScale.current = geometry.viewScale;
  }, [geometry.viewScale]);
  const minimap = useRef<ReturnType<typeof XYMinimap> | null>(null);

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    minimap.current = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => viewScale.current });
    return () => {
      minimap.current?.destroy();
      minimap.current = null;
    };
  }, [panZoom, store]);

  useEffect(() => {
    minimap.current?.update({ translateExtent, width: view.flowWidth, height: view.flowHeight, pannable: true, zoomable: true, zoomStep: 1, inversePan: false });
  }, [panZoom, translateExtent, view.flowWidth, view.flowHeight]);

  const { x, y, width, height, offset } = geometry;
  const { viewBB } = view;
  const labelledBy = `react-flow__minimap-desc-${rfId}`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      <svg width={WIDTH} height={HEIGHT} viewBox={`${x} ${y} ${width} ${height}`} className="react-flow__minimap-svg" role="img" aria-labelledby={labelledBy} ref={svg}>
        <title id={labelledBy}>{ariaLabel}</title>
        {shapes.map((shape) => (
          <path key={shape.fill} className="react-flow__minimap-node" d={shape.d} style={{ fill: shape.fill }} shapeRendering="crispEdges" />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z M${viewBB.x},${viewBB.y}h${viewBB.width}v${viewBB.height}h${-viewBB.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
