// Editor commands shared by the toolbar and the keyboard shortcuts; each acts on the
// open map and the selection of the session it is given.
import type { ReactFlowInstance } from '@xyflow/react';
import { OUTCOME_LABELS, type MapDocument, type OutcomeKind } from '../../../src-shared/domain/map-document';
import { addOutcome, addStage, insertStageAfter, moveNodes, newOutcome, newStage, nextStagePosition } from '../../../src-shared/domain/map-ops';
import { layoutMap, type NodeSize } from '../../canvas/auto-layout';
import { useLabelSizes } from '../../canvas/label-sizes';
import { OVERVIEW_ZOOM } from '../../canvas/nodes/StageNode';
import type { MapFlowNode, TransitionFlowEdge } from '../../canvas/flow-types';
import type { EditorSession } from '../../session/editor-session';
import { FIT_VIEW } from '../../canvas/canvas-view';

type Flow = ReactFlowInstance<MapFlowNode, TransitionFlowEdge>;
/** What a command touches: the session's open map and its selection. */
type Editing = Pick<EditorSession, 'document' | 'ui'>;

/**
 * N / "+ Stage": with a stage selected, the new stage goes right after it in the
 * journey (A→B becomes A→new→B, see insertStageAfter); otherwise at the end of the map.
 */
export function addStageCommand({ document, ui }: Editing, flow: Flow | null): void {
  const { history, change, readOnly } = document.getState();
  if (!history || readOnly) return;
  const doc = history.doc;
  const { selection } = ui.getState();
  const selected = selection?.kind === 'stage' ? doc.stages.find((s) => s.id === selection.id) : undefined;
  const stage = newStage(nextStagePosition(doc));
  change((d) => (selected ? insertStageAfter(d, selected.id, stage) : addStage(d, stage)), { commit: true });
  const placed = document.getState().history?.doc.stages.find((s) => s.id === stage.id)?.position ?? stage.position;
  ui.getState().selectAdded({ kind: 'stage', id: stage.id });
  flow?.setCenter(placed.x + 190, placed.y + 200, { duration: 300, zoom: flow.getZoom() });
}

export function addOutcomeCommand({ document, ui }: Editing, kind: OutcomeKind, flow: Flow | null): void {
  const { history, change, readOnly } = document.getState();
  if (!history || readOnly) return;
  const doc = history.doc;
  const maxX = Math.max(0, ...doc.stages.map((s) => s.position.x), ...doc.outcomes.map((o) => o.position.x));
  const position = { x: maxX + 460, y: doc.outcomes.length * 140 };
  const outcome = newOutcome(kind, position);
  change((d) => addOutcome(d, outcome), { commit: true });
  ui.getState().select({ kind: 'outcome', id: outcome.id });
  ui.getState().notify({ text: `Added the outcome "${OUTCOME_LABELS[kind]}". Connect stages to it.`, tone: 'info' }, 4000);
  flow?.setCenter(position.x + 100, position.y + 36, { duration: 300, zoom: flow.getZoom() });
}

/** Labels grow in the overview (StageNode's OVERVIEW_ZOOM; 28 px type instead of 17 px). */
const OVERVIEW_LABEL_SCALE = 28 / 17;

/**
 * The largest arrow label as it shows in the overview, the view a tidied map is
 * usually fitted into: tidy layout leaves room for it between the cards.
 */
function largestLabel(doc: MapDocument, flow: Flow | null): { width: number; height: number } {
  const scale = (flow?.getZoom() ?? 1) < OVERVIEW_ZOOM ? 1 : OVERVIEW_LABEL_SCALE;
  const sizes = useLabelSizes.getState().sizes;
  let width = 0;
  let height = 0;
  for (const size of sizes.values()) {
    width = Math.max(width, size.width * scale);
    height = Math.max(height, size.height * scale);
  }
  // Arrows never drawn yet (off screen): a rough size from the label's length, in the overview's type.
  // Exits are left out: their words stand in their outcome marker above the stage (exit-markers.ts).
  const outcomeIds = new Set(doc.outcomes.map((o) => o.id));
  for (const t of doc.transitions) {
    if (!sizes.has(t.id) && !outcomeIds.has(t.target)) width = Math.max(width, (t.label.length + 10) * 17);
  }
  return { width, height: height || 48 };
}

export async function autoLayoutCommand({ document, ui }: Editing, flow: Flow | null): Promise<void> {
  const { history, readOnly } = document.getState();
  if (!history || readOnly || ui.getState().tidying) return;
  ui.getState().setTidying(true);
  try {
    await tidy(document, history.doc, flow);
  } finally {
    ui.getState().setTidying(false);
  }
}

async function tidy(document: Editing['document'], doc: MapDocument, flow: Flow | null): Promise<void> {
  const sizes = new Map<string, NodeSize>();
  for (const n of flow?.getNodes() ?? []) {
    if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
  }
  const positions = await layoutMap(doc, sizes, largestLabel(doc, flow));
  document.getState().change((d) => moveNodes(d, positions), { commit: true });
  if (flow) requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 300 }));
}
