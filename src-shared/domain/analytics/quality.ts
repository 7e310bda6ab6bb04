// How good the work in the journey is, beside how much of it converts: rolled %C&A
// along the main path (the chance a deal gets through without rework) and the
// value-added ratio of the actions.
import type { LeanClass, MapDocument } from '../map-document';
import { resolveEntry } from './flow';
import { completeAndAccurateLabel, type Figure, type InputUsed, type MissingInput } from './figures';
import { resolveRates } from './rates';

export interface MainPath {
  /** Stages from the entry along the main path, in order. */
  stageIds: string[];
  /** The Won outcome the path ends at, or null when it stops short (no way on to a new stage or to Won). */
  wonOutcomeId: string | null;
}

/**
 * The main path: from the entry, take the transition with the highest rate that leads
 * on to a stage not yet on the path or to a Won outcome, until a Won outcome. Exits to
 * Lost or No decision are never taken: the main path is how a deal is won. A blank rate
 * ranks below every typed one and a 0 % transition is never taken; equal rates go by
 * transition order.
 */
export function mainPath(doc: MapDocument): MainPath | null {
  const entry = resolveEntry(doc);
  if (!entry.ok) return null;
  const rates = resolveRates(doc);
  const wonIds = new Set(doc.outcomes.filter((o) => o.kind === 'won').map((o) => o.id));
  const stageIds = [entry.entryStageId];
  const visited = new Set(stageIds);
  for (;;) {
    const here = stageIds[stageIds.length - 1]!;
    const candidates = rates
      .get(here)!
      .outgoing.filter((r) => r.rate !== 0 && (r.targetIsOutcome ? wonIds.has(r.target) : !visited.has(r.target)));
    // reduce keeps the first of equal rates: transition order breaks ties.
    const best = candidates.reduce<(typeof candidates)[number] | null>((a, r) => (a === null || (r.rate ?? -1) > (a.rate ?? -1) ? r : a), null);
    if (best === null) return { stageIds, wonOutcomeId: null };
    if (best.targetIsOutcome) return { stageIds, wonOutcomeId: best.target };
    stageIds.push(best.target);
    visited.add(best.target);
  }
}

export interface RolledCompleteAndAccurate {
  path: MainPath | null;
  /** Product of %C&A over the stages on the main path. */
  figure: Figure;
}

export function rolledCompleteAndAccurate(doc: MapDocument): RolledCompleteAndAccurate {
  const path = mainPath(doc);
  if (path === null) {
    const entry = resolveEntry(doc);
    return { path, figure: { status: 'blocked', problems: entry.ok ? [] : [entry.problem] } };
  }
  const byId = new Map(doc.stages.map((s) => [s.id, s]));
  const inputs: InputUsed[] = [];
  const missing: MissingInput[] = [];
  let product = 1;
  for (const stageId of path.stageIds) {
    const value = byId.get(stageId)!.completeAndAccurate;
    if (value === null) missing.push({ kind: 'complete-and-accurate', stageId, label: completeAndAccurateLabel(doc, stageId) });
    else {
      inputs.push({ kind: 'complete-and-accurate', stageId, value });
      product *= value;
    }
  }
  if (missing.length > 0) return { path, figure: { status: 'missing', missing } };
  return {
    path,
    figure: {
      status: 'ok',
      value: product,
      formula: 'Product of %C&A over the stages of the main path: the chance a deal passes every stage without rework',
      inputs,
    },
  };
}

export interface ActionClassCounts {
  value: number;
  necessary: number;
  waste: number;
  /** Actions nobody has classified yet; they count in `total`. */
  unclassified: number;
  total: number;
  /** value ÷ total (all actions, classified or not); null without actions. */
  ratio: number | null;
}

export interface ValueAddedRatio {
  stages: ({ stageId: string } & ActionClassCounts)[];
  overall: ActionClassCounts;
}

function count(classes: readonly (LeanClass | null)[]): ActionClassCounts {
  let value = 0;
  let necessary = 0;
  let waste = 0;
  let unclassified = 0;
  for (const k of classes) {
    if (k === 'value') value++;
    else if (k === 'necessary') necessary++;
    else if (k === 'waste') waste++;
    else unclassified++;
  }
  const total = classes.length;
  return { value, necessary, waste, unclassified, total, ratio: total === 0 ? null : value / total };
}

/** Value actions ÷ all actions, per stage (map order) and over the whole map, every actor counted. */
export function valueAddedRatio(doc: MapDocument): ValueAddedRatio {
  return {
    stages: doc.stages.map((s) => ({ stageId: s.id, ...count(s.actions.map((a) => a.leanClass)) })),
    overall: count(doc.stages.flatMap((s) => s.actions.map((a) => a.leanClass))),
  };
}
