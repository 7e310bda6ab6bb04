// Each change between two versions in a facilitator's words (what, old → new), the
// stage it is grouped under, and the marker it puts on the maps. One description is
// shared by the Compare view and the report, so they cannot word a change differently.
import { OUTCOME_LABELS, type MapDocument } from '../map-document';
import { formatNumber, formatPercent, formatPercentPoints } from '../number-format';
import type { Attribution } from './attribution';
import type { FieldChange, FieldValue, MapChange } from './map-diff';

/** What a change puts on the maps: shape and text as well as colour (+, −, Δ). */
export type ChangeMark = 'added' | 'removed' | 'changed';
export const MARK_BADGES: Record<ChangeMark, string> = { added: '+', removed: '−', changed: 'Δ' };
export const MARK_WORDS: Record<ChangeMark, string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

export interface ChangeDescription {
  key: string;
  mark: ChangeMark;
  /** "Stage", "Customer action", "Transition", … */
  subject: string;
  /** The thing's name or text as it reads on the newer map (or the older, when removed). */
  title: string;
  /** The stage it is grouped under, by name; "Whole map" when none. */
  stageName: string;
  /** The node or edge it marks on each map (null on the side where it is absent). */
  before: { target: string | null; text: string };
  after: { target: string | null; text: string };
  layoutOnly: boolean;
}

export const WHOLE_MAP = 'Whole map';

const SHARE_FIELDS = new Set(['completeAndAccurate', 'conversionRate']);
const DAY_FIELDS = new Set(['daysPerVisit']);

function nameOf(older: MapDocument, newer: MapDocument, id: string | null): string {
  if (id === null) return WHOLE_MAP;
  const stage = newer.stages.find((s) => s.id === id) ?? older.stages.find((s) => s.id === id);
  if (stage) return stage.name.trim() || 'Unnamed stage';
  const outcome = newer.outcomes.find((o) => o.id === id) ?? older.outcomes.find((o) => o.id === id);
  return outcome ? outcome.label.trim() || OUTCOME_LABELS[outcome.kind] : 'a removed node';
}

/** A field's value as a person reads it: rates and %C&A as percentages, days with their unit, blanks as "blank". */
export function fieldText(field: string, value: FieldValue, older?: MapDocument, newer?: MapDocument): string {
  if (value === null || value === '') return 'blank';
  if (typeof value === 'number') {
    if (SHARE_FIELDS.has(field)) return formatPercent(value);
    if (DAY_FIELDS.has(field)) return `${formatNumber(value, 1)} ${value === 1 ? 'day' : 'days'}`;
    return formatNumber(value, 2);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if ((field === 'target' || field === 'entryStageId') && older && newer) return nameOf(older, newer, value);
  return value;
}

const fieldsText = (fields: readonly FieldChange[], side: 'before' | 'after', older: MapDocument, newer: MapDocument) =>
  fields.map((f) => `${f.label}: ${fieldText(f.field, f[side], older, newer)}`).join('; ');

const rateText = (rate: number | null) => (rate === null ? 'no rate' : formatPercent(rate));
const ACTORS: Record<string, string> = { customer: 'Customer action', seller: 'Seller action' };
const actorSubject = (actor: string) => ACTORS[actor] ?? `${actor.charAt(0).toUpperCase()}${actor.slice(1)} action`;

/** One change in words. */
export function describeChange(change: MapChange, older: MapDocument, newer: MapDocument): ChangeDescription {
  const base = { key: change.key, layoutOnly: change.layoutOnly, stageName: nameOf(older, newer, change.stageId) };
  const none = { target: null, text: '' };
  // The three shapes every kind of change takes: something added, removed, or its fields changed.
  const added = (subject: string, title: string, target: string, text: string): ChangeDescription =>
    ({ ...base, mark: 'added', subject, title, before: none, after: { target, text } });
  const removed = (subject: string, title: string, target: string, text: string): ChangeDescription =>
    ({ ...base, mark: 'removed', subject, title, before: { target, text }, after: none });
  const changed = (subject: string, title: string, target: string | null, fields: readonly FieldChange[]): ChangeDescription => ({
    ...base,
    mark: 'changed',
    subject,
    title,
    before: { target, text: fieldsText(fields, 'before', older, newer) },
    after: { target, text: fieldsText(fields, 'after', older, newer) },
  });
  switch (change.kind) {
    case 'stage-added':
      return added('Stage', change.name, change.stageId, change.name);
    case 'stage-removed':
      return removed('Stage', change.name, change.stageId, change.name);
    case 'stage-changed':
      return changed('Stage', change.name, change.stageId, change.fields);
    case 'stage-moved':
    case 'outcome-moved':
      return { ...base, mark: 'changed', subject: change.kind === 'stage-moved' ? 'Stage card' : 'Outcome card', title: change.name, before: { target: change.id, text: 'Where it was' }, after: { target: change.id, text: 'Moved on the map' } };
    case 'action-added':
      return added(actorSubject(change.actor), change.text, change.stageId, change.text);
    case 'action-removed':
      return removed(actorSubject(change.actor), change.text, change.stageId, change.text);
    case 'action-changed':
      return changed('Action', change.text, change.stageId, change.fields);
    case 'exit-criterion-added':
      return added('Exit criterion', change.text, change.stageId, change.text);
    case 'exit-criterion-removed':
      return removed('Exit criterion', change.text, change.stageId, change.text);
    case 'exit-criterion-changed':
      return changed('Exit criterion', change.text, change.stageId, change.fields);
    case 'transition-added':
    case 'transition-removed': {
      const title = `${nameOf(older, newer, change.source)} → ${nameOf(older, newer, change.target)}`;
      const text = `${title}, ${rateText(change.rate)}`;
      return change.kind === 'transition-added' ? added('Transition', title, change.transitionId, text) : removed('Transition', title, change.transitionId, text);
    }
    case 'transition-changed': {
      const was = older.transitions.find((t) => t.id === change.transitionId);
      const title = `${nameOf(older, newer, was?.source ?? change.source)} → ${nameOf(older, newer, was?.target ?? change.target)}`;
      return changed('Transition', title, change.transitionId, change.fields);
    }
    case 'outcome-added':
      return added('Outcome', change.name, change.outcomeId, change.name);
    case 'outcome-removed':
      return removed('Outcome', change.name, change.outcomeId, change.name);
    case 'outcome-changed':
      return changed('Outcome', change.name, change.outcomeId, change.fields);
    case 'process-changed':
      return changed('Process inputs', 'Process inputs', null, change.fields);
  }
}

export interface ChangeGroup {
  stageName: string;
  changes: ChangeDescription[];
}

/** Changes grouped by stage in the order stages first appear; layout-only moves left out unless asked for. */
export function groupChanges(descriptions: readonly ChangeDescription[], options: { showLayout: boolean }): ChangeGroup[] {
  const groups = new Map<string, ChangeDescription[]>();
  for (const d of descriptions) {
    if (d.layoutOnly && !options.showLayout) continue;
    const list = groups.get(d.stageName) ?? [];
    list.push(d);
    groups.set(d.stageName, list);
  }
  return [...groups].map(([stageName, changes]) => ({ stageName, changes }));
}

/** The marks on each map, by node or transition id; the strongest mark wins where two changes meet (removed/added over changed). */
export function mapMarks(descriptions: readonly ChangeDescription[]): { before: Record<string, ChangeMark>; after: Record<string, ChangeMark> } {
  const before: Record<string, ChangeMark> = {};
  const after: Record<string, ChangeMark> = {};
  const put = (into: Record<string, ChangeMark>, id: string | null, mark: ChangeMark, structural: boolean) => {
    if (id === null) return;
    // An action added inside a stage marks the stage as changed, not the stage as added.
    const m: ChangeMark = structural ? mark : 'changed';
    if (into[id] === undefined || into[id] === 'changed') into[id] = m;
  };
  for (const d of descriptions) {
    if (d.layoutOnly) continue;
    const structural = d.subject === 'Stage' || d.subject === 'Transition' || d.subject === 'Outcome';
    put(before, d.before.target, d.mark, structural);
    put(after, d.after.target, d.mark, structural);
  }
  return { before, after };
}

/** The worth of each change by key, and the ranked order (valued first, by size of worth). */
export function worthByKey(attribution: Attribution): Map<string, { worth: number | null; rank: number; reason: string | null }> {
  return new Map(attribution.parts.map((p) => [p.key, { worth: p.worth, rank: p.rank, reason: p.reason }]));
}

/** A worth as text: "+1.2 wins per period", "−3 pts win rate", or "cannot compute" (never zero). */
export function worthText(worth: number | null, basis: Attribution['basis']): string {
  if (worth === null) return 'cannot compute';
  if (basis === 'win-rate') return `${formatPercentPoints(worth).replace('-', '−')} win rate`;
  const sign = worth > 0 ? '+' : worth < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(worth), 2)} wins per period`;
}
