// An outcome: where a buying journey ends (Won, Lost, No decision, Disqualified).
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { OutcomeFlowNode } from '../flow-types';

function OutcomeNodeView({ data, selected }: NodeProps<OutcomeFlowNode>) {
  const { outcome } = data;
  return (
    <div
      className={`outcome-card outcome-${outcome.kind}${selected ? ' is-selected' : ''}`}
      data-testid="outcome-card"
      aria-label={`Outcome ${outcome.label}`}
    >
      <Handle type="target" position={Position.Left} id="in" className="handle" />
      <span className="outcome-label">{outcome.label}</span>
    </div>
  );
}

export const OutcomeNode = memo(OutcomeNodeView);
