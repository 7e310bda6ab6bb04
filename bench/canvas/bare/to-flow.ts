// The same map document the editor opens, as plain React Flow nodes and edges:
// positions as saved, an arrow per transition labelled with its label or its rate.
import { MarkerType, type Edge } from '@xyflow/react';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { BareOutcomeNode, BareStageNode } from './cards';

export function toFlow(doc: MapDocument): { nodes: (BareStageNode | BareOutcomeNode)[]; edges: Edge[] } {
  const stages: BareStageNode[] = doc.stages.map((s) => ({
    id: s.id,
    type: 'stage',
    position: s.position,
    data: { name: s.name, lines: s.actions.map((a) => a.text) },
  }));
  const outcomes: BareOutcomeNode[] = doc.outcomes.map((o) => ({ id: o.id, type: 'outcome', position: o.position, data: { label: o.label } }));
  const edges: Edge[] = doc.transitions.map((t) => ({
    id: t.id,
    source: t.source,
    target: t.target,
    label: t.label || (t.conversionRate === null ? undefined : `${Math.round(t.conversionRate * 100)} %`),
    markerEnd: { type: MarkerType.ArrowClosed, width: 22, height: 22 },
  }));
  return { nodes: [...stages, ...outcomes], edges };
}
