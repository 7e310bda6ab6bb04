// The workshop's improvements ranked by what they are worth on the map in front of the
// team: ideas are modelled on the current map; once planned, an item keeps the prediction
// frozen then, so a later map change never rewrites what the team committed to.
import { EFFECT_FIGURE_NAMES, modelEffects, type ExpectedEffect, type ModelledGain } from './analytics/effects';
import { rankImprovements, type FrozenPrediction, type ImprovementStatus } from './improvement';
import type { MapDocument } from './map-document';

/** What ranking needs of an improvement (a PlanImprovement has all of it). */
export interface RankingInput {
  id: string;
  status: ImprovementStatus;
  impact: number | null;
  effort: number | null;
  votes: number;
  effects: readonly ExpectedEffect[];
  prediction: FrozenPrediction | null;
}

/** An item with what ranking adds to it. */
export type RankedImprovement<T extends RankingInput> = T & {
  /** The modelled change, or null when the idea states no effect. */
  modelled: ModelledGain | null;
  /** What ranks it (ModelledGain.gain); null when nothing can be modelled. */
  gain: number | null;
  /** True when the figures are the prediction frozen at planning, not the current map's. */
  frozen: boolean;
  rank: number;
  /** What the facilitator still has to say for the idea to be ranked by its worth, or null. */
  missing: string | null;
};

export const MISSING_EFFECT = 'Say what it would change: a conversion, days or %C&A.';
export const MISSING_NUMBERS = 'The map cannot compute a win rate yet: fill in the blank conversions, then it is ranked by extra wins.';

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The prediction a later review is held to: the modelled gain on this map on `frozenAt`. */
export function freezePrediction(
  doc: MapDocument,
  on: { versionId: string; revision: number },
  effects: readonly ExpectedEffect[],
  frozenAt: string,
): FrozenPrediction {
  const m = modelEffects(doc, effects);
  return { frozenAt, versionId: on.versionId, revision: on.revision, effects: [...effects], before: m.before, after: m.after, gain: m.gain, basis: m.basis };
}

/** The frozen prediction in the shape of a ModelledGain, so views treat both alike. */
export function modelledFromPrediction(p: FrozenPrediction): ModelledGain {
  const delta = Object.fromEntries(EFFECT_FIGURE_NAMES.map((name) => [name, minus(p.after[name], p.before[name])])) as ModelledGain['delta'];
  return { before: p.before, after: p.after, delta, gain: p.gain, basis: p.basis, problems: [] };
}

/**
 * Every item with its modelled gain and rank (1 = most extra wins; ties by impact ÷ effort,
 * then votes, then the order given), best first. Items without an effect come last and say
 * what is missing.
 */
export function rankWorkshopImprovements<T extends RankingInput>(doc: MapDocument, items: readonly T[]): RankedImprovement<T>[] {
  const modelled = items.map((item) => {
    if (item.status !== 'idea' && item.prediction !== null) {
      return { item, modelled: modelledFromPrediction(item.prediction), frozen: true };
    }
    if (item.effects.length === 0) return { item, modelled: null, frozen: false };
    return { item, modelled: modelEffects(doc, item.effects), frozen: false };
  });
  const ranked = rankImprovements(
    modelled.map((m, k) => ({
      id: String(k),
      impact: m.item.impact,
      effort: m.item.effort,
      votes: m.item.votes,
      gain: m.modelled?.gain ?? null,
    })),
  );
  return ranked.map((r) => {
    const m = modelled[Number(r.id)]!;
    const missing =
      m.modelled === null ? MISSING_EFFECT : m.modelled.gain === null ? (m.modelled.problems[0]?.message ?? MISSING_NUMBERS) : null;
    return { ...m.item, modelled: m.modelled, gain: m.modelled?.gain ?? null, frozen: m.frozen, rank: r.rank, missing };
  });
}
