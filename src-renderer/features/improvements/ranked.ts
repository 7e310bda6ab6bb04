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
  /** Typed on the idea plus the room's votes in closed rounds. */
  votes: number;
  rank: number;
  /** What keeps the idea from being ranked by wins, in a facilitator's words; null when nothing. */
  missing: string | null;
}

/**
 * `roomVotes`: each idea's votes in closed voting rounds, added to the votes typed on it
 * (as the report adds them) for the ranking; `item` stays the stored record.
 */
export function rankForView(doc: MapDocument, items: readonly PlanImprovement[], roomVotes: ReadonlyMap<string, number> = new Map()): RankedImprovement[] {
  const byId = new Map(items.map((x) => [x.id, x]));
  const counted = items.map((x) => ({ ...x, votes: x.votes + (roomVotes.get(x.id) ?? 0) }));
  return rankWorkshopImprovements(doc, counted).map((r) => ({
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
