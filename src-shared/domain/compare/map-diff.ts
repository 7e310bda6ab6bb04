// What changed between two versions of a map, matched by id (a new version keeps the
// ids of what it copied): added, removed and changed objects, with layout-only moves
// kept apart so a leader sees what the team changed, not where a card was dragged.
import type { Action, ExitCriterion, MapDocument, Outcome, ProcessInputs, Stage, Transition } from '../map-document';

export type FieldValue = string | number | boolean | null;

export interface FieldChange {
  field: string;
  label: string;
  before: FieldValue;
  after: FieldValue;
}

interface ChangeBase {
  /** Stable within one comparison: the kind and the object's id. */
  key: string;
  /** The stage the change belongs to for grouping (a transition's source), or null for the whole map. */
  stageId: string | null;
  /** A card moved and nothing else: hidden by default. */
  layoutOnly: boolean;
}

export type MapChange = ChangeBase &
  (
    | { kind: 'stage-added' | 'stage-removed'; stageId: string; name: string }
    | { kind: 'stage-changed'; stageId: string; name: string; fields: FieldChange[] }
    | { kind: 'stage-moved' | 'outcome-moved'; id: string; name: string }
    | { kind: 'action-added' | 'action-removed'; stageId: string; actionId: string; text: string; actor: Action['actor'] }
    | { kind: 'action-changed'; stageId: string; actionId: string; text: string; fields: FieldChange[] }
    | { kind: 'exit-criterion-added' | 'exit-criterion-removed'; stageId: string; criterionId: string; text: string }
    | { kind: 'exit-criterion-changed'; stageId: string; criterionId: string; text: string; fields: FieldChange[] }
    | { kind: 'transition-added' | 'transition-removed'; transitionId: string; source: string; target: string; rate: number | null }
    | { kind: 'transition-changed'; transitionId: string; source: string; target: string; fields: FieldChange[] }
    | { kind: 'outcome-added' | 'outcome-removed'; outcomeId: string; name: string }
    | { kind: 'outcome-changed'; outcomeId: string; name: string; fields: FieldChange[] }
    | { kind: 'process-changed'; fields: FieldChange[] }
  );

export type MapChangeKind = MapChange['kind'];

const STAGE_FIELDS: [keyof Stage, string][] = [
  ['name', 'Name'],
  ['customerGoal', 'Customer goal'],
  ['daysPerVisit', 'Days per visit'],
  ['completeAndAccurate', '%C&A'],
  ['stakeholders', 'Stakeholders'],
  ['toolsAndContent', 'Tools and content'],
  ['painPoints', 'Pain points'],
  ['notes', 'Notes'],
];
const ACTION_FIELDS: [keyof Action, string][] = [
  ['text', 'Text'],
  ['actor', 'Actor'],
  ['leanClass', 'Lean class'],
  ['ownerRole', 'Owner role'],
  ['votes', 'Votes'],
  ['serves', 'Customer actions it helps'],
];
const TRANSITION_FIELDS: [keyof Transition, string][] = [
  ['target', 'Leads to'],
  ['conversionRate', 'Conversion'],
  ['label', 'Label'],
];
const OUTCOME_FIELDS: [keyof Outcome, string][] = [
  ['kind', 'Kind'],
  ['label', 'Label'],
];
const PROCESS_FIELDS: [keyof ProcessInputs, string][] = [
  ['entryStageId', 'Entry stage'],
  ['period', 'Period'],
  ['entriesPerPeriod', 'Buyers entering per period'],
  ['averageDealSize', 'Average deal size'],
  ['revenueTarget', 'Revenue target'],
  ['currency', 'Currency'],
];

const asValue = (v: unknown): FieldValue =>
  v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);

function fieldChanges<T>(before: T, after: T, fields: readonly [keyof T, string][]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, label] of fields) {
    const a = asValue(before[field]);
    const b = asValue(after[field]);
    if (a !== b) out.push({ field: String(field), label, before: a, after: b });
  }
  return out;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));
const moved = (a: { position: { x: number; y: number } }, b: { position: { x: number; y: number } }) =>
  a.position.x !== b.position.x || a.position.y !== b.position.y;

function diffItems<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  on: { added: (x: T) => void; removed: (x: T) => void; both: (a: T, b: T) => void },
): void {
  const old = byId(before);
  const next = byId(after);
  for (const x of before) if (!next.has(x.id)) on.removed(x);
  for (const x of after) {
    const a = old.get(x.id);
    if (a) on.both(a, x);
    else on.added(x);
  }
}

function diffStageContents(stageId: string, a: Stage, b: Stage, out: MapChange[]): void {
  diffItems<Action>(a.actions, b.actions, {
    added: (x) => out.push({ kind: 'action-added', key: `action:${x.id}`, stageId, layoutOnly: false, actionId: x.id, text: x.text, actor: x.actor }),
    removed: (x) => out.push({ kind: 'action-removed', key: `action:${x.id}`, stageId, layoutOnly: false, actionId: x.id, text: x.text, actor: x.actor }),
    both: (x, y) => {
      const fields = fieldChanges(x, y, ACTION_FIELDS);
      if (fields.length) out.push({ kind: 'action-changed', key: `action:${x.id}`, stageId, layoutOnly: false, actionId: x.id, text: y.text, fields });
    },
  });
  diffItems<ExitCriterion>(a.exitCriteria, b.exitCriteria, {
    added: (x) => out.push({ kind: 'exit-criterion-added', key: `criterion:${x.id}`, stageId, layoutOnly: false, criterionId: x.id, text: x.text }),
    removed: (x) => out.push({ kind: 'exit-criterion-removed', key: `criterion:${x.id}`, stageId, layoutOnly: false, criterionId: x.id, text: x.text }),
    both: (x, y) => {
      const fields = fieldChanges(x, y, [['text', 'Text']]);
      if (fields.length) out.push({ kind: 'exit-criterion-changed', key: `criterion:${x.id}`, stageId, layoutOnly: false, criterionId: x.id, text: y.text, fields });
    },
  });
}

/** Every change from `older` to `newer`, in the newer map's order (removed things where they were). */
export function diffMaps(older: MapDocument, newer: MapDocument): MapChange[] {
  const out: MapChange[] = [];
  diffItems<Stage>(older.stages, newer.stages, {
    added: (s) => out.push({ kind: 'stage-added', key: `stage:${s.id}`, stageId: s.id, layoutOnly: false, name: s.name }),
    removed: (s) => out.push({ kind: 'stage-removed', key: `stage:${s.id}`, stageId: s.id, layoutOnly: false, name: s.name }),
    both: (a, b) => {
      const fields = fieldChanges(a, b, STAGE_FIELDS);
      if (fields.length) out.push({ kind: 'stage-changed', key: `stage:${a.id}`, stageId: a.id, layoutOnly: false, name: b.name, fields });
      diffStageContents(a.id, a, b, out);
      if (moved(a, b)) out.push({ kind: 'stage-moved', key: `stage-moved:${a.id}`, stageId: a.id, layoutOnly: true, id: a.id, name: b.name });
    },
  });
  diffItems<Outcome>(older.outcomes, newer.outcomes, {
    added: (o) => out.push({ kind: 'outcome-added', key: `outcome:${o.id}`, stageId: null, layoutOnly: false, outcomeId: o.id, name: o.label }),
    removed: (o) => out.push({ kind: 'outcome-removed', key: `outcome:${o.id}`, stageId: null, layoutOnly: false, outcomeId: o.id, name: o.label }),
    both: (a, b) => {
      const fields = fieldChanges(a, b, OUTCOME_FIELDS);
      if (fields.length) out.push({ kind: 'outcome-changed', key: `outcome:${a.id}`, stageId: null, layoutOnly: false, outcomeId: a.id, name: b.label, fields });
      if (moved(a, b)) out.push({ kind: 'outcome-moved', key: `outcome-moved:${a.id}`, stageId: null, layoutOnly: true, id: a.id, name: b.label });
    },
  });
  diffItems<Transition>(older.transitions, newer.transitions, {
    added: (t) =>
      out.push({ kind: 'transition-added', key: `transition:${t.id}`, stageId: t.source, layoutOnly: false, transitionId: t.id, source: t.source, target: t.target, rate: t.conversionRate }),
    removed: (t) =>
      out.push({ kind: 'transition-removed', key: `transition:${t.id}`, stageId: t.source, layoutOnly: false, transitionId: t.id, source: t.source, target: t.target, rate: t.conversionRate }),
    both: (a, b) => {
      const fields = fieldChanges(a, b, TRANSITION_FIELDS);
      // A transition that now starts elsewhere is a different arrow: removed and added.
      if (a.source !== b.source) {
        out.push({ kind: 'transition-removed', key: `transition-removed:${a.id}`, stageId: a.source, layoutOnly: false, transitionId: a.id, source: a.source, target: a.target, rate: a.conversionRate });
        out.push({ kind: 'transition-added', key: `transition:${b.id}`, stageId: b.source, layoutOnly: false, transitionId: b.id, source: b.source, target: b.target, rate: b.conversionRate });
      } else if (fields.length) {
        out.push({ kind: 'transition-changed', key: `transition:${a.id}`, stageId: a.source, layoutOnly: false, transitionId: a.id, source: b.source, target: b.target, fields });
      }
    },
  });
  const processFields = fieldChanges(older.process, newer.process, PROCESS_FIELDS);
  if (processFields.length) out.push({ kind: 'process-changed', key: 'process', stageId: null, layoutOnly: false, fields: processFields });
  return out;
}
