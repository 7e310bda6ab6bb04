// The workshop's improvements ranked for the screen (rankWorkshopImprovements: modelled on
// the open map, or the prediction frozen at planning), each kept with its stored record.
import type { PlanImprovement } from '../../../src-shared/api/contract';
import type { ModelledGain } from '../../../src-shared/domain/analytics/effects';
import { rankWorkshopImprovements } from '../../../src-shared/domain/improvement-ranking';
import type { MapDocument } from '../../../src-shared/domain/map-document';

export interface RankedImprovement {
  id: string;
  item: PlanImprovement;
  modelled: ModelledGain | null;
  gain: number | null;
  /** The figures are the prediction frozen when it was planned, not today's map. */
  frozen: boolean;
  impact: number | null;
  effort: number | null;
  votes: number;
  rank: number;
  /** What keeps the idea from being ranked by wins, in a facilitator's words; null when nothing. */
  missing: string | null;
}

export function rankForView(doc: MapDocument, items: readonly PlanImprovement[]): RankedImprovement[] {
  const byId = new Map(items.map((x) => [x.id, x]));
  return rankWorkshopImprovements(doc, items).map((r) => ({
    id: r.id,
    item: byId.get(r.id)!,
    modelled: r.modelled,
    gain: r.gain,
    frozen: r.frozen,
    impact: r.impact,
    effort: r.effort,
    votes: r.votes,
    rank: r.rank,
    missing: r.missing ?? r.modelled?.problems[0]?.message ?? null,
  }));
}
