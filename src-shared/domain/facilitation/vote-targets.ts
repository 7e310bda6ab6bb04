// What the room can vote on in a map (stages, actions, pain points, improvement ideas,
// open parking-lot items), whether a round's targets are still there, and the votes
// each object got, for listing beside it in the report.
import type { MapDocument } from '../map-document';
import type { ParkingItem } from './parking-lot';
import type { VoteTarget, VotingRound } from './voting';

/** Pain points are a stage's text, so their target id is derived from the stage's. */
export const painPointTargetId = (stageId: string): string => `pain-${stageId}`.slice(0, 64);

/** What a vote needs of an improvement: only ideas are voted on (planned ones were already chosen). */
export interface VotableIdea {
  id: string;
  idea: string;
  status: string;
}

const label = (text: string, fallback: string) => (text.trim() || fallback).slice(0, 500);

export function voteCandidates(doc: MapDocument, parkingLot: readonly ParkingItem[] = [], ideas: readonly VotableIdea[] = []): VoteTarget[] {
  const out: VoteTarget[] = [];
  doc.stages.forEach((stage, i) => {
    const stageName = label(stage.name, `Stage ${i + 1}`);
    out.push({ kind: 'stage', id: stage.id, label: stageName });
    for (const action of stage.actions) {
      if (action.text.trim()) out.push({ kind: 'action', id: action.id, label: label(`${stageName}: ${action.text}`, stageName) });
    }
    if (stage.painPoints.trim()) out.push({ kind: 'pain-point', id: painPointTargetId(stage.id), label: label(`${stageName}: ${stage.painPoints}`, stageName) });
  });
  out.push(...ideaCandidates(ideas));
  for (const item of parkingLot) if (item.status === 'open') out.push({ kind: 'parking-item', id: item.id, label: label(item.text, 'Parked item') });
  return out;
}

/** The improvement ideas a round can vote on, in the order given. */
export function ideaCandidates(ideas: readonly VotableIdea[]): VoteTarget[] {
  return ideas.filter((x) => x.status === 'idea').map((x) => ({ kind: 'improvement', id: x.id, label: label(x.idea, 'Unnamed idea') }));
}

/** What a workshop holds that a round may name: its maps (any version), its improvements and its parking lot. */
export interface VoteWorld {
  maps: readonly Pick<MapDocument, 'stages'>[];
  improvementIds: ReadonlySet<string>;
  parkingLot: readonly Pick<ParkingItem, 'id'>[];
}

const KIND_WORDS: Record<VoteTarget['kind'], string> = {
  stage: 'stage',
  action: 'action',
  'pain-point': 'pain point',
  improvement: 'improvement idea',
  'parking-item': 'parking-lot item',
};

function exists(target: VoteTarget, world: VoteWorld): boolean {
  switch (target.kind) {
    case 'stage':
      return world.maps.some((m) => m.stages.some((s) => s.id === target.id));
    case 'action':
      return world.maps.some((m) => m.stages.some((s) => s.actions.some((a) => a.id === target.id)));
    case 'pain-point':
      return world.maps.some((m) => m.stages.some((s) => painPointTargetId(s.id) === target.id));
    case 'improvement':
      return world.improvementIds.has(target.id);
    case 'parking-item':
      return world.parkingLot.some((p) => p.id === target.id);
  }
}

/** Why a round cannot vote on these targets (the first one that is not in the workshop), or null. */
export function voteTargetProblem(targets: readonly VoteTarget[], world: VoteWorld): string | null {
  const missing = targets.find((t) => !exists(t, world));
  if (!missing) return null;
  return `The ${KIND_WORDS[missing.kind]} "${missing.label.slice(0, 80)}" is not in this workshop (it may have been deleted in another window). Pick again from what is listed.`;
}

/**
 * Votes per voted object over the closed rounds (their frozen results), so a stage,
 * action or idea listed in the report shows the votes it got; open rounds are not counted yet.
 */
export function votesByTarget(rounds: readonly VotingRound[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const round of rounds) {
    for (const row of round.results ?? []) totals.set(row.target.id, (totals.get(row.target.id) ?? 0) + row.votes);
  }
  return totals;
}
