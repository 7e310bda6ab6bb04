// Built-in starting maps. The B2B buying-journey template is written by us and
// kept as JSON in resources/; it gets fresh ids each time it is used.
import b2bBuyingJourney from '../../resources/templates/b2b-buying-journey.json';
import { newId } from './ids';
import { MapDocumentSchema, emptyDocument, type MapDocument } from './map-document';
import type { TemplateId } from './workshop';

export const TEMPLATE_LABELS: Record<TemplateId, string> = {
  blank: 'Blank map',
  'b2b-buying-journey': 'B2B buying journey (5 stages, Won / Lost / No decision)',
};

/** Gives every stage, action, criterion, outcome and transition a new id, keeping all links. */
export function withFreshIds(doc: MapDocument): MapDocument {
  const ids = new Map<string, string>();
  const fresh = (old: string) => {
    let next = ids.get(old);
    if (!next) {
      next = newId();
      ids.set(old, next);
    }
    return next;
  };
  return {
    ...doc,
    stages: doc.stages.map((s) => ({
      ...s,
      id: fresh(s.id),
      actions: s.actions.map((a) => ({ ...a, id: fresh(a.id), serves: a.serves.map(fresh) })),
      exitCriteria: s.exitCriteria.map((e) => ({ ...e, id: fresh(e.id) })),
    })),
    outcomes: doc.outcomes.map((o) => ({ ...o, id: fresh(o.id) })),
    transitions: doc.transitions.map((t) => ({ ...t, id: fresh(t.id), source: fresh(t.source), target: fresh(t.target) })),
    process: { ...doc.process, entryStageId: doc.process.entryStageId === null ? null : fresh(doc.process.entryStageId) },
  };
}

export function templateDocument(template: TemplateId): MapDocument {
  if (template === 'blank') return emptyDocument();
  // Parsed (not cast) so a broken template fails loudly in tests, not in a workshop.
  return withFreshIds(MapDocumentSchema.parse(b2bBuyingJourney));
}
