// How the arithmetic names stages, outcomes and transitions in its messages, so every
// missing input and every problem says in plain words which box or arrow it is about.
import { OUTCOME_LABELS, type MapDocument, type Transition } from '../map-document';

export function quoted(name: string, fallback: string): string {
  const trimmed = name.trim();
  return trimmed === '' ? fallback : `"${trimmed}"`;
}

/** Names any node of the map by id: a stage by its name, an outcome by its label. */
export function nodeName(doc: MapDocument, id: string): string {
  const stage = doc.stages.find((s) => s.id === id);
  if (stage) return quoted(stage.name, 'an unnamed stage');
  const outcome = doc.outcomes.find((o) => o.id === id);
  if (outcome) return quoted(outcome.label || OUTCOME_LABELS[outcome.kind], OUTCOME_LABELS[outcome.kind]);
  return 'a missing node';
}

export function transitionName(doc: MapDocument, t: Pick<Transition, 'source' | 'target'>): string {
  return `from ${nodeName(doc, t.source)} to ${nodeName(doc, t.target)}`;
}

/** A share in a message, as everywhere else (number-format.ts). */
export { formatPercent as percent } from '../number-format';
