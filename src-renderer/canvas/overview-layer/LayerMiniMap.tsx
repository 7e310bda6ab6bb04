// The minimap while the overview layer draws the map: React Flow's MiniMap leaves
// hidden cards out, so this one draws the layer's boxes in the same colours and frame
// (minimap-frame.ts). Pressing or dragging on it centres the view there; the wheel zooms.
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import type { MapFlowNode, TransitionFlowEdge } from '../flow-types';
import type { LayerScene, OutcomeKind } from './layer-scene';
import { MINIMAP, minimapViewBox, sceneBounds, viewRect } from './minimap-frame';

/** MapCanvas's minimap colours. */
const STAGE_COLOUR = '#1d4ed8';
const OUTCOME_COLOUR: Record<OutcomeKind, string> = { won: '#15803d', lost: '#b91c1c', no_decision: '#a16207', disqualified: '#a16207' };
/** React Flow's wheel zoom: the scale changes by 2^(-deltaY × 0.002). */
const WHEEL_ZOOM_PER_PIXEL = 0.002;

const transformSelector = (s: { transform: [number, number, number] }) => s.transform;
const widthSelector = (s: { width: number }) => s.width;
const heightSelector = (s: { height: number }) => s.height;

/** One path per colour: the stages, then each outcome kind (the exits' markers are left out, as on React Flow's minimap). */
function cardPaths(scene: LayerScene): { colour: string; d: string }[] {
  const paths = new Map<string, string[]>();
  for (const b of scene.boxes) {
    if (b.kind === 'exit') continue;
    const colour = b.kind === 'stage' ? STAGE_COLOUR : OUTCOME_COLOUR[b.outcome ?? 'lost'];
    let parts = paths.get(colour);
    if (!parts) paths.set(colour, (parts = []));
    parts.push(`M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}z`);
  }
  return [...paths].map(([colour, parts]) => ({ colour, d: parts.join('') }));
}

export function LayerMiniMap({ scene }: { scene: LayerScene }) {
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const transform = useStore(transformSelector);
  const width = useStore(widthSelector);
  const height = useStore(heightSelector);
  const svg = useRef<SVGSVGElement>(null);
  const bounds = useMemo(() => sceneBounds(scene), [scene]);
  const paths = useMemo(() => cardPaths(scene), [scene]);
  const view = viewRect(transform, { width, height });
  const box = minimapViewBox(bounds, view);
  const offset = box.width;

  const centreAt = (e: PointerEvent<SVGSVGElement>) => {
    const matrix = svg.current?.getScreenCTM();
    if (!svg.current || !matrix) return;
    const point = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    void flow.setCenter(point.x, point.y, { zoom: flow.getZoom() });
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    centreAt(e);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e);
  };
  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    void flow.zoomTo(flow.getZoom() * 2 ** (-e.deltaY * WHEEL_ZOOM_PER_PIXEL));
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      <svg
        ref={svg}
        width={MINIMAP.width}
        height={MINIMAP.height}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label="Overview of the whole map"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onWheel={onWheel}
      >
        {paths.map((p) => (
          <path key={p.colour} d={p.d} fill={p.colour} />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${box.x - offset},${box.y - offset}h${box.width + offset * 2}v${box.height + offset * 2}h${-box.width - offset * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
