// The workshop's improvements ranked for the screen: each idea's effects modelled on the
// open map (the same chain model as Figures), ranked by extra wins (ties: impact ÷ effort,
// then votes); an idea that cannot be modelled says what is missing.
import type { PlanImprovement } from '../../../src-shared/api/contract';
import { effectFigures, modelEffects, type ModelledGain } from '../../../src-shared/domain/analytics/effects';
import { rankImprovements } from '../../../src-shared/domain/improvement';
import type { MapDocument } from '../../../src-shared/domain/map-document';

export interface RankedImprovement {
  id: string;
  item: PlanImprovement;
  modelled: ModelledGain | null;
  gain: number | null;
  impact: number | null;
  effort: number | null;
  votes: number;
  rank: number;
  /** What keeps the idea from being ranked by wins, in a facilitator's words; null when nothing. */
  missing: string | null;
}

function missingOf(item: PlanImprovement, modelled: ModelledGain | null): string | null {
  if (item.effects.length === 0) return 'No expected effect yet: say which conversion, days per visit or %C&A it changes.';
  if (modelled && modelled.problems.length > 0 && modelled.gain === null) return modelled.problems[0]!.message;
  if (modelled && modelled.gain === null) return 'The map cannot compute a win rate yet: fill in the blank rates first.';
  return modelled?.problems[0]?.message ?? null;
}

export function rankForView(doc: MapDocument, items: readonly PlanImprovement[]): RankedImprovement[] {
  const before = effectFigures(doc);
  const rows = items.map((item) => {
    const modelled = item.effects.length === 0 ? null : modelEffects(doc, item.effects, before);
    return {
      id: item.id,
      item,
      modelled,
      gain: modelled?.gain ?? null,
      impact: item.impact,
      effort: item.effort,
      votes: item.votes,
      missing: missingOf(item, modelled),
    };
  });
  return rankImprovements(rows);
}

/** The two improvements in focus (planned or on trial), best ranked first. */
export function inFocus(ranked: readonly RankedImprovement[]): RankedImprovement[] {
  return ranked.filter((r) => r.item.status === 'planned' || r.item.status === 'trial').slice(0, 2);
}
