// An exit drawn beside its stage (exit-markers.ts): the outcome it ends at, what the
// exit says and its rate, where the room reads the stage. Clicking the marker selects
// the exit; its outcome button goes to the outcome card (selected, centred, focused).
import { Handle, Position, useReactFlow, type NodeProps } from '@xyflow/react';
import { memo, useCallback, type KeyboardEvent, type MouseEvent } from 'react';
import { formatPercent } from '../../../src-shared/domain/number-format';
import { OUTCOME_LABELS } from '../../../src-shared/domain/map-document';
import { useEditorSession } from '../../session/SessionContext';
import { ImprovementMarker } from '../../features/improvements/ImprovementMarker';
import { useImprovementMark } from '../../features/improvements/marks';
import type { ExitMarkerFlowNode, MapFlowNode, TransitionFlowEdge } from '../flow-types';
import { revealMapElement } from '../reveal';
import { useCanvasView } from '../canvas-view';

/** Enter and Space press the button; they must not also reach the editor's Enter (edit the selection). */
const keepKeyToButton = (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
};

function ExitMarkerView({ data }: NodeProps<ExitMarkerFlowNode>) {
  const { transitionId, outcome, exit, selected } = data;
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const session = useEditorSession();
  const { overview } = useCanvasView();
  const mark = useImprovementMark(transitionId);
  const outcomeName = outcome.label || OUTCOME_LABELS[outcome.kind];
  const selectExit = useCallback(() => session.ui.getState().select({ kind: 'transition', id: transitionId }), [session, transitionId]);
  const goToOutcome = useCallback(
    (e: MouseEvent) => {
      e.stopPropagation();
      revealMapElement(flow, session, outcome.id);
    },
    [flow, session, outcome.id],
  );
  const rank = exit.bottleneckRank;
  const rateText = exit.rate === null ? '' : `${formatPercent(exit.rate)}${exit.rateIsRest ? ' (rest)' : ''}`;
  const focus = mark?.focusRank ? ' is-improvement-focus' : '';
  return (
    <div
      className={`exit-marker transition-label tone-exit-${outcome.kind}${selected ? ' is-selected' : ''}${overview ? ' is-overview' : ''}${rank ? ' is-bottleneck' : ''}${focus}`}
      data-testid={rank ? `bottleneck-${rank}` : 'exit-marker'}
      data-edge-id={transitionId}
      onClick={selectExit}
    >
      <Handle type="target" position={Position.Left} id="in" className="handle handle-exit" isConnectable={false} />
      <button
        type="button"
        className={`exit-marker-outcome outcome-${outcome.kind} nodrag`}
        onClick={goToOutcome}
        onKeyDown={keepKeyToButton}
        aria-label={`Go to the outcome ${outcomeName}`}
        title={`Go to the outcome ${outcomeName}`}
      >
        {outcomeName}
      </button>
      {rank && <span className="bottleneck-tag">Bottleneck #{rank}</span>}
      <ImprovementMarker objectId={transitionId} />
      {/* Cut short when too long for the room above the card (in full in its title and the inspector). */}
      {exit.label && (
        <span className="exit-marker-text" title={exit.label}>
          {exit.label}
        </span>
      )}
      {rateText && <span className={`rate-text${exit.rateIsRest ? ' is-rest' : ''}`}>{rateText}</span>}
    </div>
  );
}

export const ExitMarkerNode = memo(ExitMarkerView);
