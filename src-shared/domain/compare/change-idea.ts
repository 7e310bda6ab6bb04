// A change between two versions turned into an improvement idea in one step: what it
// addresses, the idea in words and its expected effect pre-filled from the change's
// numbers, stated against the older map (the idea is to make this change there).
import type { ExpectedEffect } from '../analytics/effects';
import type { ImprovementFields, ImprovementTarget } from '../improvement';
import type { MapDocument } from '../map-document';
import { describeChange } from './change-text';
import type { MapChange } from './map-diff';

const IDEA_MAX = 500;

function addresses(change: MapChange, older: MapDocument): ImprovementTarget {
  const stageExists = (id: string | null) => id !== null && older.stages.some((s) => s.id === id);
  switch (change.kind) {
    case 'transition-changed':
    case 'transition-removed':
      return { kind: 'transition', transitionId: change.transitionId };
    case 'action-changed':
    case 'action-removed':
      return { kind: 'action', stageId: change.stageId, actionId: change.actionId };
    default:
      return stageExists(change.stageId) ? { kind: 'stage', stageId: change.stageId! } : { kind: 'process' };
  }
}

/** The numbers the change moves, as effects on the older map; none for changes of words or structure. */
export function effectsOfChange(change: MapChange, older: MapDocument, newer: MapDocument): ExpectedEffect[] {
  if (change.kind === 'transition-changed') {
    const next = newer.transitions.find((t) => t.id === change.transitionId);
    const rate = change.fields.find((f) => f.field === 'conversionRate');
    return next && rate && typeof rate.after === 'number' && older.transitions.some((t) => t.id === next.id)
      ? [{ kind: 'conversion', transitionId: next.id, rate: rate.after }]
      : [];
  }
  if (change.kind === 'stage-changed') {
    const out: ExpectedEffect[] = [];
    for (const f of change.fields) {
      if (typeof f.after !== 'number') continue;
      if (f.field === 'daysPerVisit') out.push({ kind: 'days-per-visit', stageId: change.stageId, days: f.after });
      if (f.field === 'completeAndAccurate') out.push({ kind: 'complete-and-accurate', stageId: change.stageId, share: f.after });
    }
    return out;
  }
  return [];
}

/** The fields of a new improvement idea made from one change. */
export function ideaFromChange(change: MapChange, older: MapDocument, newer: MapDocument, newerName: string): ImprovementFields {
  const d = describeChange(change, older, newer);
  const what = d.before.text && d.after.text ? `${d.before.text} → ${d.after.text}` : d.mark === 'added' ? 'add it' : 'remove it';
  const idea = `${d.subject} “${d.title}”: ${what}`;
  return {
    addresses: addresses(change, older),
    problem: `From the comparison with “${newerName}”.`.slice(0, 1000),
    idea: idea.length > IDEA_MAX ? `${idea.slice(0, IDEA_MAX - 1)}…` : idea,
    metricId: null,
    impact: null,
    effort: null,
    votes: 0,
    ownerRole: '',
    dueDate: null,
    effects: effectsOfChange(change, older, newer),
    trialStart: null,
    reviewDate: null,
    pdca: { plan: '', do: '', check: '', act: '' },
    result: '',
  };
}
