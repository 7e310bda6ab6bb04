// Selects a map element (card or arrow) and focuses it, bringing it on screen first
// when React Flow has not drawn it (it draws only what is on screen). An exit is
// shown where it is drawn: at its marker above its stage.
import type { ReactFlowInstance } from '@xyflow/react';
import type { EditorSession } from '../session/editor-session';
import { elementOf, focusMapElement } from './canvas-focus';
import { exitMarkerId } from './exit-markers';
import type { MapFlowNode, TransitionFlowEdge } from './flow-types';
import { LAYER_ZOOM, WORKING_ZOOM } from './overview-layer/layer-zoom';

type Flow = ReactFlowInstance<MapFlowNode, TransitionFlowEdge>;

export function revealMapElement(flow: Flow, session: Pick<EditorSession, 'document' | 'ui'>, id: string): void {
  const doc = session.document.getState().history?.doc;
  const kind = doc?.stages.some((s) => s.id === id) ? 'stage' : doc?.outcomes.some((o) => o.id === id) ? 'outcome' : 'transition';
  session.ui.getState().select({ kind, id });
  if (elementOf(id)) return focusMapElement(id);
  const transition = doc?.transitions.find((t) => t.id === id);
  const centre = (nodeId: string) => {
    const n = flow.getInternalNode(nodeId);
    if (!n) return null;
    const width = n.measured.width ?? n.initialWidth ?? 0;
    const height = n.measured.height ?? n.initialHeight ?? 0;
    return { x: n.internals.positionAbsolute.x + width / 2, y: n.internals.positionAbsolute.y + height / 2 };
  };
  const exitTo = transition && doc?.outcomes.some((o) => o.id === transition.target);
  const a = centre(transition ? transition.source : id);
  const b = transition ? centre(exitTo ? exitMarkerId(transition.id) : transition.target) : a;
  if (!a || !b) return;
  // Where the overview layer draws the map there are no cards to focus: come in to working zoom.
  const zoom = flow.getZoom();
  void flow.setCenter((a.x + b.x) / 2, (a.y + b.y) / 2, { zoom: zoom < LAYER_ZOOM ? WORKING_ZOOM : zoom });
  let frames = 0;
  const tryFocus = () => {
    if (elementOf(id) || frames++ > 20) focusMapElement(id);
    else requestAnimationFrame(tryFocus);
  };
  requestAnimationFrame(tryFocus);
}
