// The map's arrows (toEdges) worked out again only when something they show changed.
// Dropping a card changes the document but none of its arrows: classifying every
// transition and building every edge again took a good part of the drop frame at
// 1,000 stages, only for every edge to be found unchanged.
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { StageRates } from '../../src-shared/domain/analytics';
import { toEdges } from './flow-adapters';
import type { TransitionFlowEdge } from './flow-types';

/**
 * Whether two documents have the same arrows as toEdges draws them: the same
 * transitions and outcomes (the lists, compared by identity: edits replace them), the
 * same entry (it decides loops), and the same stages in the same order with the same
 * names (the arrows' spoken labels name both ends). Positions and texts do not count.
 */
export function sameArrowInputs(a: MapDocument, b: MapDocument): boolean {
  if (a === b) return true;
  if (a.transitions !== b.transitions || a.outcomes !== b.outcomes || a.process.entryStageId !== b.process.entryStageId) return false;
  if (a.stages === b.stages) return true;
  if (a.stages.length !== b.stages.length) return false;
  for (let i = 0; i < a.stages.length; i++) {
    const x = a.stages[i]!;
    const y = b.stages[i]!;
    if (x !== y && (x.id !== y.id || x.name !== y.name)) return false;
  }
  return true;
}

type Build = typeof toEdges;

/** toEdges, returning the previous list while the arrows' inputs are the same. */
export function cachedEdges(build: Build = toEdges) {
  let last: { doc: MapDocument; selectedId: string | null; rates: ReadonlyMap<string, StageRates>; bottlenecks: ReadonlyMap<string, number>; edges: TransitionFlowEdge[] } | null =
    null;
  return (doc: MapDocument, selectedId: string | null, rates: ReadonlyMap<string, StageRates>, bottlenecks: ReadonlyMap<string, number>): TransitionFlowEdge[] => {
    if (last && last.selectedId === selectedId && last.rates === rates && last.bottlenecks === bottlenecks && sameArrowInputs(last.doc, doc)) {
      last = { ...last, doc };
      return last.edges;
    }
    last = { doc, selectedId, rates, bottlenecks, edges: build(doc, selectedId, rates, bottlenecks) };
    return last.edges;
  };
}
