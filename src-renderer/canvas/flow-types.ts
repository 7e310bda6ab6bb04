// Typed React Flow nodes and edges for the journey map. Data is serialisable:
// the domain object itself, never callbacks.
import type { Edge, Node } from '@xyflow/react';
import type { Outcome, Stage } from '../../src-shared/domain/map-document';
import type { TransitionKind } from '../../src-shared/domain/transition-kind';

export type StageNodeData = { stage: Stage; readOnly: boolean };
export type OutcomeNodeData = { outcome: Outcome };
export type StageFlowNode = Node<StageNodeData, 'stage'>;
export type OutcomeFlowNode = Node<OutcomeNodeData, 'outcome'>;
export type MapFlowNode = StageFlowNode | OutcomeFlowNode;

export type TransitionEdgeData = { kind: TransitionKind; label: string; outcomeKind: Outcome['kind'] | null };
export type TransitionFlowEdge = Edge<TransitionEdgeData, 'transition'>;
