// The changes the facilitator makes to a workshop's facilitation records, as pure
// functions of the stored records: each returns the new records or a refusal in a
// facilitator's words, so the backend only loads, applies and stores.
import { reverse, strangers, supersede, type Decision } from './decisions';
import { moveParkingItem, type ParkingItem } from './parking-lot';
import type { DecisionAdd, ParkingAdd, ParkingMove, SessionPatch, SessionRecords, TimerAction, VoteOpen } from './session';
import { addTime, idleTimer, pauseTimer, resetTimer, startTimer } from './timer';
import { voteTargetProblem, type VoteWorld } from './vote-targets';
import { closeRound, setCount, type VotingRound } from './voting';

export interface SessionRefusal {
  refused: 'VALIDATION' | 'NOT_FOUND' | 'NOT_A_PARTICIPANT' | 'BAD_REFERENCE';
  message: string;
}
export type SessionResult = SessionRecords | SessionRefusal;

export const isRefusal = (r: SessionResult): r is SessionRefusal => 'refused' in r;

const invalid = (message: string): SessionRefusal => ({ refused: 'VALIDATION', message });
const missing = (message: string): SessionRefusal => ({ refused: 'NOT_FOUND', message });

/** Replaces the agenda, the current item or what the room sees. */
export function patchSession(s: SessionRecords, patch: SessionPatch): SessionResult {
  const agenda = patch.agenda ?? s.agenda;
  const ids = new Set(agenda.map((x) => x.id));
  if (ids.size !== agenda.length) return invalid('Two agenda items have the same id; reload the agenda and try again.');
  let currentItemId = patch.currentItemId === undefined ? s.currentItemId : patch.currentItemId;
  if (currentItemId !== null && !ids.has(currentItemId)) {
    // Removing the current item from the agenda leaves no item current; naming a missing one is refused.
    if (patch.currentItemId !== undefined) return missing('That agenda item is no longer on the agenda.');
    currentItemId = null;
  }
  return { ...s, agenda, currentItemId, audience: patch.audience ?? s.audience };
}

export function applyTimer(s: SessionRecords, { action, ms }: TimerAction, now: number): SessionResult {
  const t = s.timer;
  switch (action) {
    case 'start':
      return { ...s, timer: startTimer(t, now) };
    case 'pause':
      return { ...s, timer: pauseTimer(t, now) };
    case 'reset':
      return { ...s, timer: resetTimer(t) };
    case 'add':
      if (ms === undefined) return invalid('Say how much time to add.');
      return { ...s, timer: addTime(t, ms) };
    case 'set':
      if (ms === undefined || ms < 0) return invalid('Set the timer to a time of 0 minutes or more.');
      return { ...s, timer: idleTimer(ms) };
  }
}

/** `world`: the workshop's maps and improvements, when the targets are to be checked against them (the API does). */
export function openRound(s: SessionRecords, id: string, input: VoteOpen, world?: Omit<VoteWorld, 'parkingLot'>): SessionResult {
  const seen = new Set<string>();
  for (const t of input.targets) {
    if (seen.has(t.id)) return invalid(`"${t.label}" is listed twice in this round.`);
    seen.add(t.id);
  }
  const problem = world ? voteTargetProblem(input.targets, { ...world, parkingLot: s.parkingLot }) : null;
  if (problem) return { refused: 'BAD_REFERENCE', message: problem };
  const round: VotingRound = { id, ...input, counts: {}, status: 'open', revealed: false, results: null };
  return { ...s, rounds: [...s.rounds, round] };
}

function withRound(s: SessionRecords, roundId: string, change: (r: VotingRound) => VotingRound | { error: string }): SessionResult {
  const round = s.rounds.find((r) => r.id === roundId);
  if (!round) return missing('That voting round no longer exists.');
  const next = change(round);
  if ('error' in next) return invalid(next.error);
  return { ...s, rounds: s.rounds.map((r) => (r.id === roundId ? next : r)) };
}

export const countVotes = (s: SessionRecords, roundId: string, targetId: string, count: number) =>
  withRound(s, roundId, (r) => setCount(r, targetId, count));

export const closeVote = (s: SessionRecords, roundId: string) => withRound(s, roundId, closeRound);

/** The room sees a ranking only when the facilitator reveals it; hiding it again is allowed. */
export const revealVote = (s: SessionRecords, roundId: string, revealed: boolean) =>
  withRound(s, roundId, (r) => ({ ...r, revealed }));

export function addParking(s: SessionRecords, id: string, input: ParkingAdd, nowIso: string): SessionResult {
  const item: ParkingItem = { id, text: input.text, link: input.link, status: 'open', convertedTo: null, createdAt: nowIso };
  return { ...s, parkingLot: [...s.parkingLot, item] };
}

export function moveParking(s: SessionRecords, id: string, move: ParkingMove): SessionResult {
  const item = s.parkingLot.find((p) => p.id === id);
  if (!item) return missing('That parking-lot item no longer exists.');
  const next = moveParkingItem(item, move.status, move.convertedTo);
  if ('error' in next) return invalid(next.error);
  return { ...s, parkingLot: s.parkingLot.map((p) => (p.id === id ? next : p)) };
}

function byParticipants(by: readonly string[], participants: readonly string[]): SessionRefusal | null {
  const unknown = strangers(by, participants);
  if (unknown.length === 0) return null;
  const list = unknown.map((n) => `"${n.slice(0, 80)}"`).join(', ');
  return {
    refused: 'NOT_A_PARTICIPANT',
    message: `${list} ${unknown.length === 1 ? 'is not a participant' : 'are not participants'} of this workshop. Add them to the workshop details first, then log the decision.`,
  };
}

export function addDecision(s: SessionRecords, id: string, input: DecisionAdd, participants: readonly string[]): SessionResult {
  const refusal = byParticipants(input.by, participants);
  if (refusal) return refusal;
  const decision: Decision = { id, ...input, status: 'active', supersededBy: null };
  return { ...s, decisions: [...s.decisions, decision] };
}

function withDecision(s: SessionRecords, id: string, change: (d: Decision) => Decision | { error: string }): SessionResult {
  const d = s.decisions.find((x) => x.id === id);
  if (!d) return missing('That decision is not in the log.');
  const next = change(d);
  if ('error' in next) return invalid(next.error);
  return { ...s, decisions: s.decisions.map((x) => (x.id === id ? next : x)) };
}

/** A later decision (already logged) replaces an active one. */
export function supersedeDecision(s: SessionRecords, id: string, byId: string): SessionResult {
  if (!s.decisions.some((d) => d.id === byId)) return missing('The decision that replaces it is not in the log; log it first.');
  return withDecision(s, id, (d) => supersede(d, byId));
}

export const reverseDecision = (s: SessionRecords, id: string, reason: string) => withDecision(s, id, (d) => reverse(d, reason));
