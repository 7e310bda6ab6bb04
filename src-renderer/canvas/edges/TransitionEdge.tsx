// A transition between stages or to an outcome, styled by what it means:
// forward, loop back (re-evaluate) or exit, with its label readable on a projector.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, useStore, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatPercent } from '../../../src-shared/domain/number-format';
import type { TransitionFlowEdge } from '../flow-types';
import { measureLabel } from '../label-sizes';
import { OVERVIEW_ZOOM } from '../nodes/StageNode';
import { ImprovementMarker } from '../../features/improvements/ImprovementMarker';
import { useImprovementMark } from '../../features/improvements/marks';

const overviewSelector = (s: { transform: [number, number, number] }) => s.transform[2] < OVERVIEW_ZOOM;

function TransitionEdgeView(props: EdgeProps<TransitionFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const kind = data?.kind ?? 'forward';
  const overview = useStore(overviewSelector);
  const [path, labelX, labelY] =
    kind === 'loop'
      ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, offset: 60, borderRadius: 16 })
      : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const tone = kind === 'exit' ? `exit-${data?.outcomeKind ?? 'lost'}` : kind;
  const kindText = kind === 'loop' ? 'loop back' : kind === 'exit' ? 'exit' : '';
  const text = [data?.label, kindText && !data?.label ? kindText : ''].filter(Boolean).join(' ');
  const rate = data?.rate ?? null;
  const rateText = rate === null ? '' : `${formatPercent(rate)}${data?.rateIsRest ? ' (rest)' : ''}`;
  const rank = data?.bottleneckRank ?? null;
  // Where the canvas placed the label so it covers no name or other label (label-placement.ts).
  const at = data?.labelAt ?? { x: labelX, y: labelY };
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
      {(text || rateText || rank || mark) && (
        <EdgeLabelRenderer>
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
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TransitionEdge = memo(TransitionEdgeView);
