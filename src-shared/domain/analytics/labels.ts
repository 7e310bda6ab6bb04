// How the arithmetic names stages, outcomes and transitions in its messages, so every
// missing input and every problem says in plain words which box or arrow it is about.
import { OUTCOME_LABELS, type MapDocument, type Outcome, type Stage, type Transition } from '../map-document';

export function quoted(name: string, fallback: string): string {
  const trimmed = name.trim();
  return trimmed === '' ? fallback : `"${trimmed}"`;
}

interface NodeIndex {
  stages: readonly Stage[];
  outcomes: readonly Outcome[];
  stageCount: number;
  outcomeCount: number;
  byId: Map<string, Stage | Outcome>;
}

// One index per document, built on first use: the analysis names a node for every
// arrow and input, and a search through the stages each time made naming O(n²).
// Documents are replaced, not changed in place; the arrays' identity and length are
// checked anyway, so an edited array is re-indexed. Names are read from the node at call time.
const indexes = new WeakMap<MapDocument, NodeIndex>();

function nodeIndex(doc: MapDocument): NodeIndex {
  const cached = indexes.get(doc);
  if (cached && cached.stages === doc.stages && cached.outcomes === doc.outcomes && cached.stageCount === doc.stages.length && cached.outcomeCount === doc.outcomes.length) {
    return cached;
  }
  const byId = new Map<string, Stage | Outcome>();
  // Reverse, so the first of two equal ids wins, as a search from the front would find it.
  for (let i = doc.outcomes.length - 1; i >= 0; i--) byId.set(doc.outcomes[i]!.id, doc.outcomes[i]!);
  for (let i = doc.stages.length - 1; i >= 0; i--) byId.set(doc.stages[i]!.id, doc.stages[i]!);
  const index = { stages: doc.stages, outcomes: doc.outcomes, stageCount: doc.stages.length, outcomeCount: doc.outcomes.length, byId };
  indexes.set(doc, index);
  return index;
}

/** Names any node of the map by id: a stage by its name, an outcome by its label. */
export function nodeName(doc: MapDocument, id: string): string {
  const node = nodeIndex(doc).byId.get(id);
  if (node === undefined) return 'a missing node';
  if ('kind' in node) return quoted(node.label || OUTCOME_LABELS[node.kind], OUTCOME_LABELS[node.kind]);
  return quoted(node.name, 'an unnamed stage');
}

export function transitionName(doc: MapDocument, t: Pick<Transition, 'source' | 'target'>): string {
  return `from ${nodeName(doc, t.source)} to ${nodeName(doc, t.target)}`;
}

/** A share in a message, as everywhere else (number-format.ts). */
export { formatPercent as percent } from '../number-format';
