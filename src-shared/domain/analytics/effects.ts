// What an improvement idea would be worth: its expected effect stated as changes to the
// map's numbers, applied to a copy of the map and run through the same chain model as
// Figures, so an idea and the bottleneck ranking can never disagree about a transition.
import type { MapDocument } from '../map-document';
import { withImprovedTransition } from './bottlenecks';
import { computeProcessFigures, type Figure } from './figures';
import { rolledCompleteAndAccurate } from './quality';
import { resolveRates } from './rates';

/** One change to the map's numbers an improvement expects to make. Rates and %C&A are shares 0..1. */
export type ExpectedEffect =
  | { kind: 'conversion'; transitionId: string; rate: number }
  | { kind: 'days-per-visit'; stageId: string; days: number }
  | { kind: 'complete-and-accurate'; stageId: string; share: number };

/** The figures an effect is judged on; null where the map cannot compute one. */
export interface EffectFigures {
  winRate: number | null;
  noDecisionShare: number | null;
  winsPerPeriod: number | null;
  revenuePerPeriod: number | null;
  revenueGap: number | null;
  daysToWin: number | null;
  rolledCompleteAndAccurate: number | null;
}

export type EffectFigureName = keyof EffectFigures;
export const EFFECT_FIGURE_NAMES: readonly EffectFigureName[] = [
  'winRate',
  'noDecisionShare',
  'winsPerPeriod',
  'revenuePerPeriod',
  'revenueGap',
  'daysToWin',
  'rolledCompleteAndAccurate',
];

/** Why an effect could not be applied as stated. */
export interface EffectProblem {
  effect: ExpectedEffect;
  message: string;
}

export interface ModelledGain {
  before: EffectFigures;
  after: EffectFigures;
  /** after − before per figure; null when either side is unknown. */
  delta: { [K in EffectFigureName]: number | null };
  /**
   * What ranks the idea, in the bottleneck ranking's units: extra wins per period when
   * buyers entering per period are known, else the change in win rate. null when the
   * win rate cannot be computed on either side.
   */
  gain: number | null;
  basis: 'wins-per-period' | 'win-rate';
  /** Effects that name something no longer on the map, or a rate its stage cannot give. */
  problems: EffectProblem[];
}

const valueOf = (f: Figure): number | null => (f.status === 'ok' ? f.value : null);

/** The figures an effect is judged on, for one map. */
export function effectFigures(doc: MapDocument): EffectFigures {
  const figures = computeProcessFigures(doc);
  return {
    winRate: valueOf(figures.winRate),
    noDecisionShare: valueOf(figures.noDecisionShare),
    winsPerPeriod: valueOf(figures.winsPerPeriod),
    revenuePerPeriod: valueOf(figures.revenuePerPeriod),
    revenueGap: valueOf(figures.revenueGap),
    daysToWin: valueOf(figures.daysToWin),
    rolledCompleteAndAccurate: valueOf(rolledCompleteAndAccurate(doc).figure),
  };
}

/**
 * A transition's conversion set to `rate`. A rise is taken from the stage's losses in
 * proportion (exactly as the bottleneck ranking raises a rate), capped at what the stage
 * loses today; a fall leaves the difference to the stage's "rest" exit or to Stalled.
 */
function withConversion(doc: MapDocument, transitionId: string, rate: number): { doc: MapDocument; problem: string | null } {
  const t = doc.transitions.find((x) => x.id === transitionId);
  if (!t) return { doc, problem: 'The transition it changes is no longer on this map.' };
  const current = resolveRates(doc)
    .get(t.source)
    ?.outgoing.find((r) => r.transitionId === transitionId)?.rate;
  if (current === undefined || current === null) {
    return { doc, problem: 'The stage this transition leaves has rates still blank, so the change cannot be modelled yet.' };
  }
  if (rate <= current) {
    return { doc: { ...doc, transitions: doc.transitions.map((x) => (x.id === transitionId ? { ...x, conversionRate: rate } : x)) }, problem: null };
  }
  const raised = withImprovedTransition(doc, transitionId, rate - current);
  if (!raised) return { doc, problem: 'The rates out of this stage add up to more than 100 %, so the change cannot be modelled.' };
  const reached = current + raised.increase;
  const problem =
    reached + 1e-9 < rate
      ? `The stage loses only ${Math.round(raised.headroom * 1000) / 10} points today, so this transition can reach at most ${Math.round(reached * 1000) / 10} %.`
      : null;
  return { doc: raised.doc, problem };
}

/** The map with every effect applied in order; effects that cannot apply are reported and skipped. */
export function applyEffects(doc: MapDocument, effects: readonly ExpectedEffect[]): { doc: MapDocument; problems: EffectProblem[] } {
  let current = doc;
  const problems: EffectProblem[] = [];
  for (const effect of effects) {
    if (effect.kind === 'conversion') {
      const next = withConversion(current, effect.transitionId, effect.rate);
      current = next.doc;
      if (next.problem) problems.push({ effect, message: next.problem });
      continue;
    }
    const stage = current.stages.find((s) => s.id === effect.stageId);
    if (!stage) {
      problems.push({ effect, message: 'The stage it changes is no longer on this map.' });
      continue;
    }
    const changed = effect.kind === 'days-per-visit' ? { ...stage, daysPerVisit: effect.days } : { ...stage, completeAndAccurate: effect.share };
    current = { ...current, stages: current.stages.map((s) => (s.id === stage.id ? changed : s)) };
  }
  return { doc: current, problems };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** What the effects are worth on this map: the figures before and after, and the gain that ranks the idea. */
export function modelEffects(doc: MapDocument, effects: readonly ExpectedEffect[], before: EffectFigures = effectFigures(doc)): ModelledGain {
  const applied = applyEffects(doc, effects);
  const after = effectFigures(applied.doc);
  const delta = Object.fromEntries(EFFECT_FIGURE_NAMES.map((name) => [name, minus(after[name], before[name])])) as ModelledGain['delta'];
  const entries = doc.process.entriesPerPeriod;
  const basis = entries === null ? 'win-rate' : 'wins-per-period';
  const deltaWinRate = delta.winRate;
  const gain = deltaWinRate === null ? null : entries === null ? deltaWinRate : entries * deltaWinRate;
  return { before, after, delta, gain, basis, problems: applied.problems };
}
