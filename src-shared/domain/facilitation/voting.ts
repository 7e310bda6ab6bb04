// Dot-vote rounds: the room votes on map objects and ideas, never on people. The
// facilitator types hand counts; a closed round keeps its results snapshot even if the
// map changes later, and the room sees the ranking only when it is revealed.
import { z } from 'zod';
import { IdSchema } from '../map-document';

/** What can be voted on. Participants are deliberately not a kind: a process is measured, people are never ranked. */
export const VOTE_TARGET_KINDS = ['stage', 'action', 'pain-point', 'improvement', 'parking-item'] as const;
/** Said whenever a round names something else, above all a person (participant, owner, seller). */
export const NOT_A_VOTE_TARGET =
  'A round votes on stages, actions, pain points, improvement ideas or parking-lot items, never on people: participants cannot be voted on.';
export const VoteTargetSchema = z.strictObject({
  kind: z.enum(VOTE_TARGET_KINDS, { error: NOT_A_VOTE_TARGET }),
  id: IdSchema,
  /** The label as the room saw it when the round opened. */
  label: z.string().trim().min(1).max(500),
});
export type VoteTarget = z.infer<typeof VoteTargetSchema>;

export const VotingRoundSchema = z.strictObject({
  id: IdSchema,
  question: z.string().trim().min(1, 'Say what the room is voting on').max(300),
  votesPerPerson: z.number().int().min(1).max(20),
  targets: z.array(VoteTargetSchema).min(1).max(200),
  /** Hand counts by target id. */
  counts: z.record(IdSchema, z.number().int().min(0).max(10_000)),
  status: z.enum(['open', 'closed']),
  /** Whether the room may see the ranking. */
  revealed: z.boolean(),
  /** Frozen when the round closes. */
  results: z.array(z.strictObject({ target: VoteTargetSchema, votes: z.number().int().min(0), rank: z.number().int().min(1) })).nullable(),
});
export type VotingRound = z.infer<typeof VotingRoundSchema>;

export interface TallyRow {
  target: VoteTarget;
  votes: number;
  /** Competition ranking: equal votes share a rank (1, 2, 2, 4). */
  rank: number;
}

/** The ranking of a round: most votes first, ties share a rank and keep the order the targets were listed. */
export function tally(round: Pick<VotingRound, 'targets' | 'counts'>): TallyRow[] {
  const rows = round.targets.map((target, order) => ({ target, votes: round.counts[target.id] ?? 0, order }));
  rows.sort((a, b) => b.votes - a.votes || a.order - b.order);
  let rank = 0;
  return rows.map((row, k) => {
    if (k === 0 || row.votes !== rows[k - 1]!.votes) rank = k + 1;
    return { target: row.target, votes: row.votes, rank };
  });
}

/** More votes counted than the room has is a typo worth flagging, not blocking. */
export function overCount(round: Pick<VotingRound, 'counts' | 'votesPerPerson'>, people: number): string | null {
  const cast = Object.values(round.counts).reduce((s, n) => s + n, 0);
  const available = round.votesPerPerson * people;
  if (people <= 0 || cast <= available) return null;
  return `${cast} votes are counted, but ${people} people with ${round.votesPerPerson} votes each have only ${available}. Check the counts.`;
}

export function setCount(round: VotingRound, targetId: string, count: number): VotingRound | { error: string } {
  if (round.status !== 'open') return { error: 'This round is closed; open a new round to vote again.' };
  if (!round.targets.some((t) => t.id === targetId)) return { error: 'That is not one of the things this round votes on.' };
  if (!Number.isInteger(count) || count < 0) return { error: 'Type a whole number of votes, 0 or more.' };
  return { ...round, counts: { ...round.counts, [targetId]: count } };
}

export function closeRound(round: VotingRound): VotingRound {
  if (round.status === 'closed') return round;
  return { ...round, status: 'closed', results: tally(round) };
}
