// The whole-map overview drawn on one <canvas> over React Flow's pane, while the
// cards are not mounted (layer-zoom.ts). It redraws in one animation frame after each
// pan or zoom; the map's geometry is prepared once per change (layer-scene.ts,
// draw-layer.ts). It takes no pointer events: panning and zooming stay React Flow's,
// and a click or double-click on the pane is hit-tested here first, so a card in the
// layer is selected (and double-clicked, brought up to working zoom) like a DOM card.
import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { useEditorSession } from '../../session/SessionContext';
import { focusMapElement } from '../canvas-focus';
import type { MapFlowNode, TransitionFlowEdge } from '../flow-types';
import { drawLayer, prepareScene } from './draw-layer';
import { buildScene, hitTest, type LayerBox, type LayerScene, type Transform } from './layer-scene';
import { WORKING_ZOOM } from './layer-zoom';
import { LayerMiniMap } from './LayerMiniMap';

/** A press that moved further than this (screen pixels) was a pan, not a click. */
const CLICK_SLOP_PX = 4;

const widthSelector = (s: { width: number }) => s.width;
const heightSelector = (s: { height: number }) => s.height;
const style = { position: 'absolute', top: 0, left: 0, width: '100%', height: '100%', zIndex: 4, pointerEvents: 'none' } as const;

function pickAt(scene: LayerScene, transform: [number, number, number], pane: Element, e: MouseEvent): LayerBox | null {
  const r = pane.getBoundingClientRect();
  const t: Transform = { x: transform[0], y: transform[1], zoom: transform[2] };
  return hitTest(scene, t, { x: e.clientX - r.left, y: e.clientY - r.top });
}

interface Props {
  nodes: readonly MapFlowNode[];
  edges: readonly TransitionFlowEdge[];
  /** Whether the minimap is shown (React Flow's own shows no hidden card, so the layer draws it). */
  minimap: boolean;
}

export function OverviewLayer({ nodes, edges, minimap }: Props) {
  const store = useStoreApi<MapFlowNode, TransitionFlowEdge>();
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const session = useEditorSession();
  const width = useStore(widthSelector);
  const height = useStore(heightSelector);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const prepared = useMemo(() => prepareScene(buildScene(nodes, edges)), [nodes, edges]);

  // Drawn now (no frame without the map), then once per animation frame while the view moves.
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width <= 0 || height <= 0) return;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      const [x, y, zoom] = store.getState().transform;
      drawLayer(ctx, prepared, { transform: { x, y, zoom }, width, height, dpr });
    };
    draw();
    let last = store.getState().transform;
    const unsubscribe = store.subscribe((s) => {
      if (s.transform === last) return;
      last = s.transform;
      if (!frame) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [store, prepared, width, height]);

  // The listeners below stay put while the map changes (a click's selection changes it
  // between the two clicks of a double-click); they read the latest scene from here.
  const sceneRef = useRef(prepared.scene);
  useEffect(() => {
    sceneRef.current = prepared.scene;
  }, [prepared]);

  // Clicks on the pane (where no panel or control is) reach the layer's cards first.
  useEffect(() => {
    const canvas = canvasRef.current;
    const root = canvas?.parentElement;
    if (!canvas || !root) return;
    let down: { x: number; y: number } | null = null;
    const onPane = (e: Event) => e.target instanceof Element && e.target.closest('.react-flow__pane') !== null;
    const onPointerDown = (e: PointerEvent) => {
      down = onPane(e) ? { x: e.clientX, y: e.clientY } : null;
    };
    const hit = (e: MouseEvent) => {
      if (!onPane(e) || !down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_SLOP_PX) return null;
      return pickAt(sceneRef.current, store.getState().transform, root, e);
    };
    const onClick = (e: MouseEvent) => {
      const box = hit(e);
      if (!box) return;
      // Not on to the pane, which would clear the selection.
      e.stopPropagation();
      session.ui.getState().select(box.select);
      // The arrow keys then move the selected card (use-canvas-keys), Tab goes to it.
      canvas.focus({ preventScroll: true });
    };
    const onDoubleClick = (e: MouseEvent) => {
      const box = hit(e);
      if (!box) return;
      // Not React Flow's own double-click zoom: to the card, at working zoom.
      e.stopPropagation();
      e.preventDefault();
      void flow.setCenter(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300), { zoom: WORKING_ZOOM, duration: 300 });
    };
    // A card under the pointer shows it can be clicked, as a DOM card does (not while panning).
    let pointed: HTMLElement | null = null;
    const onPointerMove = (e: PointerEvent) => {
      const pane = e.buttons === 0 && e.target instanceof HTMLElement && e.target.classList.contains('react-flow__pane') ? e.target : null;
      const card = pane ? pickAt(sceneRef.current, store.getState().transform, root, e) : null;
      if (pointed && pointed !== pane) pointed.style.cursor = '';
      pointed = pane;
      if (pane) pane.style.cursor = card ? 'pointer' : '';
    };
    root.addEventListener('pointerdown', onPointerDown, true);
    root.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
    root.addEventListener('click', onClick, true);
    root.addEventListener('dblclick', onDoubleClick, true);
    return () => {
      root.removeEventListener('pointerdown', onPointerDown, true);
      root.removeEventListener('pointermove', onPointerMove, true);
      root.removeEventListener('click', onClick, true);
      root.removeEventListener('dblclick', onDoubleClick, true);
      if (pointed) pointed.style.cursor = '';
    };
  }, [store, flow, session]);

  // Zoomed in with the layer focused: the focus goes on to the selected card once it is mounted, not to the page.
  useEffect(() => {
    const canvas = canvasRef.current;
    return () => {
      if (canvas && document.activeElement === canvas) requestAnimationFrame(() => focusMapElement(session.ui.getState().selection?.id ?? null));
    };
  }, [session]);

  return (
    <>
    <canvas
      ref={canvasRef}
      className="overview-layer"
      data-overview-layer=""
      data-testid="overview-layer"
      style={style}
      tabIndex={0}
      role="img"
      aria-label={`The whole map: ${prepared.scene.boxes.filter((b) => b.kind === 'stage').length} stages. Tab goes to the cards, zoomed in.`}
    />
    {minimap && <LayerMiniMap scene={prepared.scene} />}
    </>
  );
}
