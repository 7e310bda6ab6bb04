// What the room can vote on in a map (stages, actions, pain points, open parking-lot
// items; improvement ideas join when the map has them), and the votes each object got,
// for listing beside it in the report.
import type { MapDocument } from '../map-document';
import type { ParkingItem } from './parking-lot';
import type { VoteTarget, VotingRound } from './voting';

/** Pain points are a stage's text, so their target id is derived from the stage's. */
export const painPointTargetId = (stageId: string): string => `pain-${stageId}`.slice(0, 64);

const label = (text: string, fallback: string) => (text.trim() || fallback).slice(0, 500);

export function voteCandidates(doc: MapDocument, parkingLot: readonly ParkingItem[] = []): VoteTarget[] {
  const out: VoteTarget[] = [];
  doc.stages.forEach((stage, i) => {
    const stageName = label(stage.name, `Stage ${i + 1}`);
    out.push({ kind: 'stage', id: stage.id, label: stageName });
    for (const action of stage.actions) {
      if (action.text.trim()) out.push({ kind: 'action', id: action.id, label: label(`${stageName}: ${action.text}`, stageName) });
    }
    if (stage.painPoints.trim()) out.push({ kind: 'pain-point', id: painPointTargetId(stage.id), label: label(`${stageName}: ${stage.painPoints}`, stageName) });
  });
  for (const item of parkingLot) if (item.status === 'open') out.push({ kind: 'parking-item', id: item.id, label: label(item.text, 'Parked item') });
  return out;
}

/**
 * Votes per voted object over the closed rounds (their frozen results), so a stage or
 * action listed in the report shows the votes it got; open rounds are not counted yet.
 */
export function votesByTarget(rounds: readonly VotingRound[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const round of rounds) {
    for (const row of round.results ?? []) totals.set(row.target.id, (totals.get(row.target.id) ?? 0) + row.votes);
  }
  return totals;
}
