// Typed React Flow nodes and edges for the journey map. Data is serialisable:
// the domain object itself, never callbacks.
import type { Edge, Node } from '@xyflow/react';
import type { Outcome, Stage } from '../../src-shared/domain/map-document';
import type { TransitionKind } from '../../src-shared/domain/transition-kind';

/** What the arithmetic says about a stage, shown on its card. */
export type StageFlags = { ratesExceed: boolean; rateSum: number };
export type StageNodeData = { stage: Stage; readOnly: boolean; flags: StageFlags };
export type OutcomeNodeData = { outcome: Outcome };
export type StageFlowNode = Node<StageNodeData, 'stage'>;
export type OutcomeFlowNode = Node<OutcomeNodeData, 'outcome'>;
/** An exit's outcome marker above its stage (exit-markers.ts): what the exit says, and where it ends. */
export type ExitMarkerNodeData = { transitionId: string; outcome: Outcome; exit: TransitionEdgeData; selected: boolean };
export type ExitMarkerFlowNode = Node<ExitMarkerNodeData, 'exitMarker'>;
export type MapFlowNode = StageFlowNode | OutcomeFlowNode | ExitMarkerFlowNode;

export type TransitionEdgeData = {
  kind: TransitionKind;
  label: string;
  outcomeKind: Outcome['kind'] | null;
  /** The conversion used by the figures (entered, or the derived rest), or null when missing. */
  rate: number | null;
  rateIsRest: boolean;
  /** 1 or 2 for the two transitions whose improvement adds the most wins. */
  bottleneckRank: number | null;
  /** An exit from a stage, drawn as a short arrow into its outcome marker (which shows the label). */
  exitMarker?: boolean;
};
export type TransitionFlowEdge = Edge<TransitionEdgeData, 'transition'>;
