// The journey map on a React Flow canvas. Drag frames and measurements stay in
// React Flow's local node state; the document changes at commit points (drag
// end, connect, delete), which keeps dragging cheap and undo steps meaningful.
import {
  Background,
  Controls,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import { connect, moveNodes, removeNodes, removeTransitions } from '../../src-shared/domain/map-ops';
import { useEditorSession } from '../session/SessionContext';
import { selectDoc, useDocumentStore } from '../store/document-store';
import { useProcessAnalysis } from '../store/use-analysis';
import { useUiStore, type UiState } from '../store/ui-store';
import { TransitionEdge } from './edges/TransitionEdge';
import { MapMiniMap } from './MapMiniMap';
import { useCanvasKeys } from './use-canvas-keys';
import { useLabelPlacement } from './use-label-placement';
import { reconcileNodes, stableEdges, stageFlags } from './flow-adapters';
import { cachedEdges } from './edge-cache';
import { createLabelSpots, LabelSpotsContext } from './label-spots';
import { resolveRates } from '../../src-shared/domain/analytics';
import type { MapFlowNode, TransitionFlowEdge } from './flow-types';
import { ExitMarkerNode } from './nodes/ExitMarkerNode';
import { OutcomeNode } from './nodes/OutcomeNode';
import { OVERVIEW_ZOOM, StageNode } from './nodes/StageNode';
import { CanvasViewContext, FIT_VIEW, type CanvasView } from './canvas-view';
import { cardSizer } from './card-size';
import { forgetEstimatesOfMeasured } from './card-handles';
import { canvasTextMetrics } from './canvas-text-metrics';
import { isExitMarkerId } from './exit-markers';
import { cardBoxes } from './use-label-placement';
import { boundsOf, firstView, openingViewport, rememberViewport, rememberedViewport } from './opening-view';
import { OverviewLayer } from './overview-layer/OverviewLayer';
import { useOverviewLayer } from './overview-layer/use-overview-layer';
import { ArrowMarker, useArrowMarkerId } from './arrow-marker';
import { useWithoutSelectionListener } from './selection-listener';
import { nearFirstView } from './first-view';
import { afterNextPaint } from '../lib/after-next-paint';

// Module scope: new objects on every render would remount every node.
const nodeTypes = { stage: StageNode, outcome: OutcomeNode, exitMarker: ExitMarkerNode };
const edgeTypes = { transition: TransitionEdge };
const proOptions = { hideAttribution: true };
// Arrows are reached with Tab after the cards (use-canvas-keys), not before them in page order.
const edgeDomAttributes = { tabIndex: -1 };

const overviewSelector = (s: { transform: [number, number, number] }) => s.transform[2] < OVERVIEW_ZOOM;
const fitViewOptions = FIT_VIEW;
const paneWidthSelector = (s: { width: number }) => s.width;
const paneHeightSelector = (s: { height: number }) => s.height;
const viewStorage = () => (typeof localStorage === 'undefined' ? null : localStorage);

const minimapColor = (node: MapFlowNode) => {
  if (node.type === 'stage') return '#1d4ed8';
  if (node.type === 'exitMarker') return null;
  const kind = node.data.outcome.kind;
  return kind === 'won' ? '#15803d' : kind === 'lost' ? '#b91c1c' : '#a16207';
};

/** More than one card selected (box or shift selection): keep those selections. */
const isMulti = (nodes: readonly MapFlowNode[]) => nodes.filter((n) => n.selected).length > 1;

/** Follows React Flow's click selection into the session's UI store (the single selection the inspector shows). */
function followSelection(
  ui: StoreApi<UiState>,
  changes: readonly (NodeChange<MapFlowNode> | EdgeChange<TransitionFlowEdge>)[],
  kindOf: (id: string) => 'stage' | 'outcome' | 'transition',
): void {
  const { selection, select } = ui.getState();
  let picked: string | null = null;
  let dropped = false;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    if (c.selected) picked = c.id;
    else if (selection?.id === c.id) dropped = true;
  }
  if (picked) select({ kind: kindOf(picked), id: picked });
  else if (dropped) select(null);
}

export function MapCanvas() {
  const session = useEditorSession();
  const doc = useDocumentStore(selectDoc);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const change = useDocumentStore((s) => s.change);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const tidyRuns = useUiStore((s) => s.tidyRuns);
  const notify = useUiStore((s) => s.notify);
  const minimapShown = useUiStore((s) => s.minimapShown);
  const versionId = useDocumentStore((s) => s.versionId);
  const [nodes, setNodes] = useState<MapFlowNode[]>([]);
  const { onKeyDownCapture, onFocusCapture, onBlurCapture } = useCanvasKeys();
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const flowReady = useWithoutSelectionListener();
  const arrowMarkerId = useArrowMarkerId();
  const defaultEdgeOptions = useMemo(() => ({ markerEnd: arrowMarkerId }), [arrowMarkerId]);
  const overview = useStore(overviewSelector);
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  const view = useMemo<CanvasView>(() => ({ overview, labelLayer }), [overview, labelLayer]);
  // Card sizes from the text, so cards off screen are never drawn just to be measured.
  const sizer = useMemo(() => {
    const metrics = canvasTextMetrics();
    return metrics ? cardSizer(metrics) : null;
  }, []);

  // The first view, given to React Flow when it mounts (no frame at zoom 1 at the origin first):
  // the last working view of this version, else fitted or at the map's start (opening-view.ts).
  // The window stands in for the canvas, not laid out yet: it only decides fit or start.
  const hasDoc = doc !== null;
  const mountView = useMemo(() => {
    const current = session.document.getState().history?.doc;
    if (!hasDoc || !versionId || !current) return null;
    const boxes = [
      ...current.stages.map((st) => ({ ...st.position, width: 380, height: 420 })),
      ...current.outcomes.map((o) => ({ ...o.position, width: 200, height: 82 })),
    ];
    const screen = { width: window.innerWidth, height: window.innerHeight };
    return { versionId, screen, ...firstView(rememberedViewport(viewStorage(), versionId), boundsOf(boxes), screen) };
  }, [hasDoc, versionId, session]);
  const rates = useMemo(() => (doc ? resolveRates(doc) : null), [doc]);
  // A big map's first frame: the cards near the view it opens at (first-view.ts); the whole
  // map once that frame is painted. Rates, flags and figures are always the whole map's.
  const [wholeMap, setWholeMap] = useState(false);
  const near = useMemo(
    () => (wholeMap || !doc || !mountView || mountView.fit ? null : nearFirstView(doc, mountView.viewport, mountView.screen)),
    [wholeMap, doc, mountView],
  );
  const firstFrame = near !== null;
  useEffect(() => {
    if (firstFrame) afterNextPaint(() => setWholeMap(true));
  }, [firstFrame]);
  const shown = near ?? doc;
  const nearRates = near ? rates : null;

  // The UI store owns the selection (the inspector and toolbar change it too);
  // mirror it onto the cards.
  const selectedNodeId = selection && selection.kind !== 'transition' ? selection.id : null;
  useEffect(() => {
    setNodes((current) => {
      let changed = false;
      const keepOthers = selectedNodeId !== null && isMulti(current);
      const next = current.map((n) => {
        const selected = n.id === selectedNodeId || (keepOthers && n.selected === true);
        if (Boolean(n.selected) === selected) return n;
        changed = true;
        return { ...n, selected };
      });
      return changed ? next : current;
    });
  }, [selectedNodeId, doc]);

  const selectedEdgeId = selection?.kind === 'transition' ? selection.id : null;
  const analysis = useProcessAnalysis();
  const bottlenecks = useMemo(() => {
    const ranking = analysis?.bottlenecks;
    const top = new Map<string, number>();
    if (ranking?.ok) for (const c of ranking.candidates) if (c.top) top.set(c.transitionId, c.rank);
    return top;
  }, [analysis]);
  // Worked out again only when an arrow can have changed (edge-cache.ts): not after a drop.
  // From the document a render behind while typing: a keystroke in a stage's name paints at
  // once, and the arrows' spoken labels (a new edge list, which React Flow indexes whole)
  // follow when typing pauses.
  const [arrowsOf] = useState(() => cachedEdges());
  const arrowsDoc = useDeferredValue(doc);
  const baseEdges = useMemo(() => {
    if (near && nearRates) return arrowsOf(near, selectedEdgeId, nearRates, bottlenecks);
    return arrowsDoc ? arrowsOf(arrowsDoc, selectedEdgeId, resolveRates(arrowsDoc), bottlenecks) : [];
  }, [arrowsOf, near, nearRates, arrowsDoc, selectedEdgeId, bottlenecks]);
  // Before paint: the cards (and the exits' outcome markers) exist when React Flow first draws.
  useLayoutEffect(() => {
    if (shown && rates) setNodes((previous) => reconcileNodes(previous, shown, readOnly, stageFlags(rates), baseEdges, sizer));
  }, [shown, readOnly, rates, baseEdges, sizer]);
  const labelAt = useLabelPlacement(nodes, baseEdges, overview);
  // The labels reach their arrows apart from the edge list (label-spots.ts), before paint.
  const [labelSpots] = useState(createLabelSpots);
  useLayoutEffect(() => labelSpots.set(labelAt), [labelSpots, labelAt]);
  // An arrow that did not change keeps its object, so its memoised edge skips re-rendering.
  const [keepEdges] = useState(() => stableEdges(edgeDomAttributes));
  const edges = useMemo(() => keepEdges(baseEdges), [keepEdges, baseEdges]);
  // Far out on a large map, one canvas draws it instead of the DOM cards (overview-layer/).
  const layer = useOverviewLayer(nodes, edges, doc ? doc.stages.length + doc.outcomes.length : 0);

  // The label layer is React Flow's own, found once it is drawn (not by every label on every frame).
  const attachCanvas = useCallback((el: HTMLDivElement | null) => {
    setLabelLayer(el?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null);
  }, []);

  // A version opened later is shown as it should be once React Flow's own effects have run
  // (its pan and zoom exist by then).
  const opened = useRef<string | null>(null);
  const paneWidth = useStore(paneWidthSelector);
  const paneHeight = useStore(paneHeightSelector);
  useEffect(() => {
    // The version React Flow mounted with is already shown as it should be.
    if (opened.current === null && mountView && mountView.versionId === versionId) {
      opened.current = versionId;
      return;
    }
    // Wait for the canvas to have its size: fitting into nothing would open at zoom 1 at the origin.
    if (!doc || !versionId || opened.current === versionId || nodes.length === 0 || paneWidth <= 0 || paneHeight <= 0) return;
    const screen = { width: paneWidth, height: paneHeight };
    const viewport = rememberedViewport(viewStorage(), versionId) ?? openingViewport(boundsOf(cardBoxes(nodes).values()), screen);
    void flow.setViewport(viewport);
    opened.current = versionId;
  }, [doc, versionId, nodes, flow, paneWidth, paneHeight, mountView]);
  const onMoveEnd = useCallback(
    (_: unknown, viewport: Viewport) => {
      if (versionId && opened.current === versionId) rememberViewport(viewStorage(), versionId, viewport);
    },
    [versionId],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      // Removals arrive in onDelete as one step; here only moves, sizes and selection.
      followSelection(session.ui, changes, (id) => {
        // Read at event time: a stage added since this callback was made must count as a stage.
        const current = session.document.getState().history?.doc;
        return current?.stages.some((st) => st.id === id) ? 'stage' : 'outcome';
      });
      // A card just measured drops its estimated handles, so React Flow's measured ones win (card-handles.ts).
      setNodes((current) => forgetEstimatesOfMeasured(applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current), changes));
    },
    [session],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TransitionFlowEdge>[]) => {
      followSelection(session.ui, changes, () => 'transition');
    },
    [session],
  );

  // React Flow reports the deleted cards and their arrows separately; one undo step for both.
  const onDelete = useCallback(
    ({ nodes: deletedNodes, edges: deletedEdges }: { nodes: MapFlowNode[]; edges: TransitionFlowEdge[] }) => {
      const nodeIds = new Set(deletedNodes.filter((n) => !isExitMarkerId(n.id)).map((n) => n.id));
      const edgeIds = new Set(deletedEdges.map((e) => e.id));
      change((d) => removeTransitions(removeNodes(d, nodeIds), edgeIds), { commit: true });
      const selected = session.ui.getState().selection;
      if (selected && (nodeIds.has(selected.id) || edgeIds.has(selected.id))) select(null);
    },
    [change, select, session],
  );

  const onNodeDragStop = useCallback(
    (_: unknown, __: MapFlowNode, dragged: MapFlowNode[]) => {
      const positions = new Map(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]));
      change((d) => moveNodes(d, positions), { commit: true });
    },
    [change],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const current = session.document.getState().history?.doc;
      if (!current) return;
      const result = connect(current, connection.source, connection.target);
      if (!result.ok) {
        notify({ text: result.reason, tone: 'error' }, 5000);
        return;
      }
      change(() => result.doc, { commit: true });
      select({ kind: 'transition', id: result.transition.id });
    },
    [change, notify, select, session],
  );

  if (!doc || !flowReady) return null;
  return (
    <CanvasViewContext.Provider value={view}>
    <LabelSpotsContext.Provider value={labelSpots}>
    <div className="canvas" data-testid="map-canvas" data-tidy-runs={tidyRuns} ref={attachCanvas} tabIndex={-1} onKeyDownCapture={onKeyDownCapture} onFocusCapture={onFocusCapture} onBlurCapture={onBlurCapture}>
      <ReactFlow<MapFlowNode, TransitionFlowEdge>
        nodes={layer.flowNodes}
        edges={layer.flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        connectionRadius={48}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesFocusable
        elementsSelectable
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        onlyRenderVisibleElements
        minZoom={0.1}
        maxZoom={2}
        onMoveEnd={onMoveEnd}
        fitView={mountView?.fit ?? false}
        fitViewOptions={fitViewOptions}
        defaultViewport={mountView?.viewport}
        proOptions={proOptions}
      >
        <ArrowMarker id={arrowMarkerId} />
        <Background gap={24} color="#d4d4d8" />
        {layer.shown && <OverviewLayer nodes={nodes} edges={baseEdges} minimap={minimapShown} />}
        {minimapShown && !layer.shown && <MapMiniMap nodeColor={minimapColor} ariaLabel="Overview of the whole map" />}
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
      </ReactFlow>
      {doc.stages.length === 0 && (
        <div className="canvas-empty">
          <p>This map is empty.</p>
          <p>
            Press <kbd>N</kbd> or choose <strong>Add stage</strong> to add the first stage of the customer&rsquo;s journey.
          </p>
        </div>
      )}
    </div>
    </LabelSpotsContext.Provider>
    </CanvasViewContext.Provider>
  );
}
