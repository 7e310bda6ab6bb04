// A transition between stages or to an outcome, styled by what it means:
// forward, loop back (re-evaluate) or exit, with its label readable on a projector.
import { BaseEdge, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { createPortal } from 'react-dom';
import { formatPercent } from '../../../src-shared/domain/number-format';
import type { TransitionFlowEdge } from '../flow-types';
import { measureLabel } from '../label-sizes';
import { useCanvasView } from '../canvas-view';
import { useLabelSpot } from '../label-spots';
import { ImprovementMarker } from '../../features/improvements/ImprovementMarker';
import { useImprovementMark } from '../../features/improvements/marks';

function TransitionEdgeView(props: EdgeProps<TransitionFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const kind = data?.kind ?? 'forward';
  // The view (overview or not) and the label layer come from the canvas, once for all arrows.
  const { overview, labelLayer } = useCanvasView();
  const exitMarker = data?.exitMarker === true;
  const [path, labelX, labelY] = exitMarker
    ? // Up from the card's top and into the marker's left side: the marker shows the label.
      getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, offset: 0, borderRadius: 8 })
    : kind === 'loop'
      ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, offset: 60, borderRadius: 16 })
      : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const tone = kind === 'exit' ? `exit-${data?.outcomeKind ?? 'lost'}` : kind;
  const kindText = kind === 'loop' ? 'loop back' : kind === 'exit' ? 'exit' : '';
  const text = [data?.label, kindText && !data?.label ? kindText : ''].filter(Boolean).join(' ');
  const rate = data?.rate ?? null;
  const rateText = rate === null ? '' : `${formatPercent(rate)}${data?.rateIsRest ? ' (rest)' : ''}`;
  const rank = data?.bottleneckRank ?? null;
  // Where the canvas placed the label so it covers no name or other label (label-placement.ts).
  const placed = useLabelSpot(id);
  const at = placed ?? { x: labelX, y: labelY };
  const mark = useImprovementMark(id);
  const focus = mark?.focusRank ? ' is-improvement-focus' : '';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`transition-path tone-${tone}${selected ? ' is-selected' : ''}${rank ? ' is-bottleneck' : ''}${focus}`}
      />
      {!exitMarker && labelLayer && (text || rateText || rank || mark) &&
        createPortal(
          <div
            className={`transition-label tone-${tone}${selected ? ' is-selected' : ''}${overview ? ' is-overview' : ''}${rank ? ' is-bottleneck' : ''}${focus}`}
            data-testid={rank ? `bottleneck-${rank}` : undefined}
            data-edge-id={id}
            ref={measureLabel}
            style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
          >
            {rank && <span className="bottleneck-tag">Bottleneck #{rank}</span>}
            <ImprovementMarker objectId={id} />
            {text && <span>{text}</span>}
            {rateText && <span className={`rate-text${data?.rateIsRest ? ' is-rest' : ''}`}>{rateText}</span>}
          </div>,
          labelLayer,
        )}
    </>
  );
}

export const TransitionEdge = memo(TransitionEdgeView);
