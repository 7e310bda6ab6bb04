// The bare page's cards: memoised, a stage's name and its ten actions (one line
// each), with React Flow's plain handles. Nothing else, to show what React Flow
// itself costs for the same graph.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';

export type BareStageNode = Node<{ name: string; lines: string[] }, 'stage'>;
export type BareOutcomeNode = Node<{ label: string }, 'outcome'>;

export const BareStage = memo(function BareStage({ data }: NodeProps<BareStageNode>) {
  return (
    <div className="bare-card">
      <Handle type="target" position={Position.Left} />
      <h3>{data.name}</h3>
      {data.lines.map((line, i) => <p key={i}>{line}</p>)}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

export const BareOutcome = memo(function BareOutcome({ data }: NodeProps<BareOutcomeNode>) {
  return (
    <div className="bare-outcome">
      <Handle type="target" position={Position.Left} />
      {data.label}
    </div>
  );
});
