// Pure, immutable edits of a map document. Each returns a new document (or the
// same one when nothing changed) so the renderer can keep undo snapshots cheaply
// and React can skip unchanged stages by identity.
import { newId } from './ids';
import { classifyTransitions } from './transition-kind';
import {
  OUTCOME_LABELS,
  type Action,
  type Actor,
  type ExitCriterion,
  type MapDocument,
  type Outcome,
  type OutcomeKind,
  type Position,
  type ProcessInputs,
  type Stage,
  type Transition,
} from './map-document';

export type StageFields = Pick<
  Stage,
  'name' | 'customerGoal' | 'stakeholders' | 'toolsAndContent' | 'painPoints' | 'notes'
>;
export type ActionFields = Pick<Action, 'text' | 'actor' | 'leanClass' | 'ownerRole' | 'votes'>;

export function newStage(position: Position, name = 'New stage'): Stage {
  return {
    id: newId(),
    name,
    customerGoal: '',
    actions: [],
    exitCriteria: [],
    stakeholders: '',
    toolsAndContent: '',
    painPoints: '',
    notes: '',
    position,
    daysPerVisit: null,
    completeAndAccurate: null,
  };
}

export function newAction(actor: Actor, text = ''): Action {
  return { id: newId(), text, actor, leanClass: null, ownerRole: '', votes: 0, serves: [] };
}

export function isStage(doc: MapDocument, id: string): boolean {
  return doc.stages.some((s) => s.id === id);
}

export function findStage(doc: MapDocument, id: string): Stage | undefined {
  return doc.stages.find((s) => s.id === id);
}

export function addStage(doc: MapDocument, stage: Stage): MapDocument {
  return { ...doc, stages: [...doc.stages, stage] };
}

/** Where a new stage goes: right of the right-most stage, on the same row as the first one. */
/** Room a stage card takes on the canvas (cards grow with their lines; this is a typical size). */
export const STAGE_FOOTPRINT = { width: 400, height: 460 };
const OUTCOME_FOOTPRINT = { width: 240, height: 100 };

/** Moves a new stage's spot down until it covers no card or outcome. */
export function freeStagePosition(doc: MapDocument, wanted: Position): Position {
  const boxes = [
    ...doc.stages.map((s) => ({ ...s.position, ...STAGE_FOOTPRINT })),
    ...doc.outcomes.map((o) => ({ ...o.position, ...OUTCOME_FOOTPRINT })),
  ];
  const overlaps = (p: Position) =>
    boxes.some((b) => p.x < b.x + b.width && b.x < p.x + STAGE_FOOTPRINT.width && p.y < b.y + b.height && b.y < p.y + STAGE_FOOTPRINT.height);
  let p = wanted;
  for (let i = 0; i < 1000 && overlaps(p); i++) p = { x: p.x, y: p.y + STAGE_FOOTPRINT.height / 2 };
  return p;
}

/** Where a new stage goes: right of the right-most stage, on the first stage's row, clear of other cards. */
export function nextStagePosition(doc: MapDocument): Position {
  if (doc.stages.length === 0) return { x: 0, y: 0 };
  const maxX = Math.max(...doc.stages.map((s) => s.position.x));
  return freeStagePosition(doc, { x: maxX + 460, y: doc.stages[0]!.position.y });
}

/** Horizontal distance from one stage column to the next (a card and room for arrow labels). */
export const STAGE_STRIDE = 460;

/**
 * Inserts a stage right after another in the journey (N with a stage selected).
 * A→B becomes A→new→B: the arrow that left A forward now ends at the new stage and
 * keeps its id, label and conversion (the share of A's buyers who move on does not
 * change; they move on to the new stage), and new→B starts with an unknown
 * conversion. With no forward arrow out of A, A→new is added (conversion unknown).
 * Exits and loops of A stay as they are. The new stage takes A's row, one column to
 * the right; every card right of A moves right as far as needed to stay clear of it.
 */
export function insertStageAfter(doc: MapDocument, afterId: string, stage: Stage): MapDocument {
  const after = findStage(doc, afterId);
  if (!after || isStage(doc, stage.id)) return doc;
  const position = { x: after.position.x + STAGE_STRIDE, y: after.position.y };
  const isLater = (p: Position) => p.x > after.position.x;
  const laterXs = [...doc.stages, ...doc.outcomes].map((n) => n.position).filter(isLater).map((p) => p.x);
  const shift = laterXs.length === 0 ? 0 : Math.max(0, position.x + STAGE_STRIDE - Math.min(...laterXs));
  const moved = <T extends { position: Position }>(n: T): T =>
    shift > 0 && isLater(n.position) ? { ...n, position: { x: n.position.x + shift, y: n.position.y } } : n;

  const kinds = classifyTransitions(doc);
  const onward = doc.transitions.find((t) => t.source === afterId && kinds.get(t.id) === 'forward');
  const link = (source: string, target: string): Transition => ({ id: newId(), source, target, label: '', conversionRate: null });
  const transitions = onward
    ? doc.transitions.flatMap((t) => (t === onward ? [{ ...t, target: stage.id }, link(stage.id, t.target)] : [t]))
    : [...doc.transitions, link(afterId, stage.id)];
  return {
    ...doc,
    stages: [...doc.stages.map(moved), { ...stage, position }],
    outcomes: doc.outcomes.map(moved),
    transitions,
  };
}

function mapStage(doc: MapDocument, stageId: string, fn: (s: Stage) => Stage): MapDocument {
  let changed = false;
  const stages = doc.stages.map((s) => {
    if (s.id !== stageId) return s;
    const next = fn(s);
    if (next !== s) changed = true;
    return next;
  });
  return changed ? { ...doc, stages } : doc;
}

export function updateStage(doc: MapDocument, stageId: string, fields: Partial<StageFields>): MapDocument {
  return mapStage(doc, stageId, (s) => {
    const keys = Object.keys(fields) as (keyof StageFields)[];
    return keys.some((k) => s[k] !== fields[k]) ? { ...s, ...fields } : s;
  });
}

export function updateStageNumbers(
  doc: MapDocument,
  stageId: string,
  numbers: Partial<Pick<Stage, 'daysPerVisit' | 'completeAndAccurate'>>,
): MapDocument {
  return mapStage(doc, stageId, (s) => {
    const next = { ...s, ...numbers };
    return next.daysPerVisit === s.daysPerVisit && next.completeAndAccurate === s.completeAndAccurate ? s : next;
  });
}

export function updateProcessInputs(doc: MapDocument, inputs: Partial<ProcessInputs>): MapDocument {
  const next = { ...doc.process, ...inputs };
  const keys = Object.keys(next) as (keyof ProcessInputs)[];
  return keys.every((k) => next[k] === doc.process[k]) ? doc : { ...doc, process: next };
}

/** Moves nodes (stages or outcomes) to new positions; unknown ids are ignored. */
export function moveNodes(doc: MapDocument, positions: ReadonlyMap<string, Position>): MapDocument {
  if (positions.size === 0) return doc;
  const same = (a: Position, b: Position) => a.x === b.x && a.y === b.y;
  // A list with no card moved keeps its identity: what is cached on it (the rates, the
  // canvas's arrows) stays valid when only stages moved.
  const moved = <T extends { id: string; position: Position }>(items: T[]): T[] => {
    let changed = false;
    const next = items.map((item) => {
      const p = positions.get(item.id);
      if (!p || same(p, item.position)) return item;
      changed = true;
      return { ...item, position: { x: p.x, y: p.y } };
    });
    return changed ? next : items;
  };
  const stages = moved(doc.stages);
  const outcomes = moved(doc.outcomes);
  return stages !== doc.stages || outcomes !== doc.outcomes ? { ...doc, stages, outcomes } : doc;
}

/** Removes stages and outcomes with every transition that touches them. */
export function removeNodes(doc: MapDocument, ids: ReadonlySet<string>): MapDocument {
  if (!doc.stages.some((s) => ids.has(s.id)) && !doc.outcomes.some((o) => ids.has(o.id))) return doc;
  return {
    ...doc,
    stages: doc.stages.filter((s) => !ids.has(s.id)),
    outcomes: doc.outcomes.filter((o) => !ids.has(o.id)),
    transitions: doc.transitions.filter((t) => !ids.has(t.source) && !ids.has(t.target)),
    process:
      doc.process.entryStageId !== null && ids.has(doc.process.entryStageId) ? { ...doc.process, entryStageId: null } : doc.process,
  };
}

export function addAction(doc: MapDocument, stageId: string, action: Action): MapDocument {
  return mapStage(doc, stageId, (s) => ({ ...s, actions: [...s.actions, action] }));
}

export function updateAction(
  doc: MapDocument,
  stageId: string,
  actionId: string,
  fields: Partial<ActionFields>,
): MapDocument {
  return mapStage(doc, stageId, (s) => {
    const target = s.actions.find((a) => a.id === actionId);
    if (!target) return s;
    const keys = Object.keys(fields) as (keyof ActionFields)[];
    if (!keys.some((k) => target[k] !== fields[k])) return s;
    const updated: Action = { ...target, ...fields };
    // An action that stops being a customer action can no longer be served;
    // one that stops being a seller-side action serves nothing.
    const actions = s.actions.map((a) => {
      if (a.id === actionId) return updated.actor === 'customer' ? { ...updated, serves: [] } : updated;
      if (updated.actor !== 'customer' && a.serves.includes(actionId)) {
        return { ...a, serves: a.serves.filter((id) => id !== actionId) };
      }
      return a;
    });
    return { ...s, actions };
  });
}

export function removeAction(doc: MapDocument, stageId: string, actionId: string): MapDocument {
  return mapStage(doc, stageId, (s) => {
    if (!s.actions.some((a) => a.id === actionId)) return s;
    const actions = s.actions
      .filter((a) => a.id !== actionId)
      .map((a) => (a.serves.includes(actionId) ? { ...a, serves: a.serves.filter((id) => id !== actionId) } : a));
    return { ...s, actions };
  });
}

/** Moves an item up (-1) or down (+1) among the items of the same group in its list. */
function moveWithin<T extends { id: string }>(
  items: readonly T[],
  id: string,
  delta: -1 | 1,
  sameGroup: (a: T, b: T) => boolean = () => true,
): readonly T[] {
  const from = items.findIndex((i) => i.id === id);
  if (from < 0) return items;
  const item = items[from]!;
  let to = from + delta;
  while (to >= 0 && to < items.length && !sameGroup(items[to]!, item)) to += delta;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  next[from] = items[to]!;
  next[to] = item;
  return next;
}

/** Reorders an action among the actions of the same actor in its stage. */
export function moveAction(doc: MapDocument, stageId: string, actionId: string, delta: -1 | 1): MapDocument {
  return mapStage(doc, stageId, (s) => {
    const actions = moveWithin(s.actions, actionId, delta, (a, b) => a.actor === b.actor);
    return actions === s.actions ? s : { ...s, actions: [...actions] };
  });
}

export function setServes(doc: MapDocument, stageId: string, actionId: string, serves: string[]): MapDocument {
  return mapStage(doc, stageId, (s) => {
    const customerIds = new Set(s.actions.filter((a) => a.actor === 'customer').map((a) => a.id));
    const valid = [...new Set(serves)].filter((id) => customerIds.has(id));
    const target = s.actions.find((a) => a.id === actionId);
    if (!target || target.actor === 'customer') return s;
    if (target.serves.length === valid.length && target.serves.every((id, i) => id === valid[i])) return s;
    return { ...s, actions: s.actions.map((a) => (a.id === actionId ? { ...a, serves: valid } : a)) };
  });
}

export function addExitCriterion(doc: MapDocument, stageId: string, text = ''): MapDocument {
  const criterion: ExitCriterion = { id: newId(), text };
  return mapStage(doc, stageId, (s) => ({ ...s, exitCriteria: [...s.exitCriteria, criterion] }));
}

export function updateExitCriterion(doc: MapDocument, stageId: string, id: string, text: string): MapDocument {
  return mapStage(doc, stageId, (s) => {
    const c = s.exitCriteria.find((e) => e.id === id);
    if (!c || c.text === text) return s;
    return { ...s, exitCriteria: s.exitCriteria.map((e) => (e.id === id ? { ...e, text } : e)) };
  });
}

export function removeExitCriterion(doc: MapDocument, stageId: string, id: string): MapDocument {
  return mapStage(doc, stageId, (s) =>
    s.exitCriteria.some((e) => e.id === id) ? { ...s, exitCriteria: s.exitCriteria.filter((e) => e.id !== id) } : s,
  );
}

export function moveExitCriterion(doc: MapDocument, stageId: string, id: string, delta: -1 | 1): MapDocument {
  return mapStage(doc, stageId, (s) => {
    const exitCriteria = moveWithin(s.exitCriteria, id, delta);
    return exitCriteria === s.exitCriteria ? s : { ...s, exitCriteria: [...exitCriteria] };
  });
}

export function newOutcome(kind: OutcomeKind, position: Position): Outcome {
  return { id: newId(), kind, label: OUTCOME_LABELS[kind], position };
}

export function addOutcome(doc: MapDocument, outcome: Outcome): MapDocument {
  return { ...doc, outcomes: [...doc.outcomes, outcome] };
}

export function updateOutcome(
  doc: MapDocument,
  outcomeId: string,
  fields: Partial<Pick<Outcome, 'label' | 'kind'>>,
): MapDocument {
  let changed = false;
  const outcomes = doc.outcomes.map((o) => {
    if (o.id !== outcomeId) return o;
    if ((fields.label ?? o.label) === o.label && (fields.kind ?? o.kind) === o.kind) return o;
    changed = true;
    return { ...o, ...fields };
  });
  return changed ? { ...doc, outcomes } : doc;
}

export type ConnectResult = { ok: true; doc: MapDocument; transition: Transition } | { ok: false; reason: string };

/** Adds a transition, refusing what the map cannot mean (from an outcome, to itself, twice). */
export function connect(doc: MapDocument, source: string, target: string, label = ''): ConnectResult {
  if (!isStage(doc, source)) return { ok: false, reason: 'A transition must start at a stage, not at an outcome.' };
  const targetExists = isStage(doc, target) || doc.outcomes.some((o) => o.id === target);
  if (!targetExists) return { ok: false, reason: 'That transition has nowhere to go.' };
  if (source === target) return { ok: false, reason: 'A stage cannot lead to itself.' };
  if (doc.transitions.some((t) => t.source === source && t.target === target)) {
    return { ok: false, reason: 'These two are already connected.' };
  }
  const transition: Transition = { id: newId(), source, target, label, conversionRate: null };
  return { ok: true, doc: { ...doc, transitions: [...doc.transitions, transition] }, transition };
}

export function updateTransition(
  doc: MapDocument,
  transitionId: string,
  fields: Partial<Pick<Transition, 'label' | 'conversionRate'>>,
): MapDocument {
  let changed = false;
  const transitions = doc.transitions.map((t) => {
    if (t.id !== transitionId) return t;
    const next = { ...t, ...fields };
    if (next.label === t.label && next.conversionRate === t.conversionRate) return t;
    changed = true;
    return next;
  });
  return changed ? { ...doc, transitions } : doc;
}

export function removeTransitions(doc: MapDocument, ids: ReadonlySet<string>): MapDocument {
  if (!doc.transitions.some((t) => ids.has(t.id))) return doc;
  return { ...doc, transitions: doc.transitions.filter((t) => !ids.has(t.id)) };
}
