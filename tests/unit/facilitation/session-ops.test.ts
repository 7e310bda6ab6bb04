// The facilitator's changes to the stored records, as pure functions: each gives the
// new records or a refusal in a facilitator's words, and a refusal changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecision,
  addParking,
  applyTimer,
  closeVote,
  countVotes,
  initialSession,
  isRefusal,
  moveParking,
  openRound,
  painPointTargetId,
  patchSession,
  revealVote,
  reverseDecision,
  supersedeDecision,
  voteCandidates,
  votesByTarget,
  type SessionRecords,
  type SessionResult,
} from '../../../src-shared/domain/facilitation';
import { aMapDocument, aStage, aCustomerAction } from '../../fixtures/factories';

let n = 0;
const ids = () => `id-${++n}`;
const T0 = Date.parse('2027-03-01T09:00:00.000Z');
const ok = (r: SessionResult): SessionRecords => {
  if (isRefusal(r)) throw new Error(`refused: ${r.message}`);
  return r;
};
const fresh = () => initialSession(ids);
const target = (id: string, label = id) => ({ kind: 'stage' as const, id, label });

describe('the agenda and what the room sees', () => {
  it('starts with the standard agenda, nothing current, the first time box on an idle timer', () => {
    const s = fresh();
    expect(s.agenda).toHaveLength(8);
    expect(s.currentItemId).toBeNull();
    expect(s.timer).toEqual({ status: 'idle', durationMs: 20 * 60_000 });
  });

  it('moves to an agenda item and refuses one that is not on the agenda', () => {
    const s = fresh();
    expect(ok(patchSession(s, { currentItemId: s.agenda[2]!.id })).currentItemId).toBe(s.agenda[2]!.id);
    expect(patchSession(s, { currentItemId: 'gone' })).toMatchObject({ refused: 'NOT_FOUND' });
  });

  it('leaves nothing current when the current item is taken off the agenda', () => {
    const start = fresh();
    const s = ok(patchSession(start, { currentItemId: start.agenda[1]!.id }));
    const after = ok(patchSession(s, { agenda: s.agenda.filter((a) => a.id !== s.agenda[1]!.id) }));
    expect(after.currentItemId).toBeNull();
    expect(after.agenda).toHaveLength(7);
  });
});

describe('the timer, driven by actions with the backend clock', () => {
  it('sets, starts, adds five minutes while running and pauses with the time left', () => {
    let s = ok(applyTimer(fresh(), { action: 'set', ms: 5 * 60_000 }, T0));
    s = ok(applyTimer(s, { action: 'start' }, T0));
    s = ok(applyTimer(s, { action: 'add', ms: 5 * 60_000 }, T0 + 60_000));
    expect(s.timer).toEqual({ status: 'running', durationMs: 10 * 60_000, endsAt: '2027-03-01T09:10:00.000Z' });
    s = ok(applyTimer(s, { action: 'pause' }, T0 + 11 * 60_000));
    expect(s.timer).toEqual({ status: 'paused', durationMs: 10 * 60_000, remainingMs: -60_000 });
  });

  it('refuses to add or set without an amount', () => {
    expect(applyTimer(fresh(), { action: 'add' }, T0)).toMatchObject({ refused: 'VALIDATION', message: 'Say how much time to add.' });
    expect(applyTimer(fresh(), { action: 'set', ms: -1 }, T0)).toMatchObject({ refused: 'VALIDATION' });
  });
});

describe('voting rounds', () => {
  it('opens a round closed to the room, counts hands, closes with a frozen ranking and reveals it', () => {
    let s = ok(openRound(fresh(), 'r1', { question: 'Worst stage?', votesPerPerson: 3, targets: [target('a', 'Aware'), target('b', 'Buy')] }));
    s = ok(countVotes(s, 'r1', 'a', 1));
    s = ok(countVotes(s, 'r1', 'b', 4));
    s = ok(closeVote(s, 'r1'));
    expect(s.rounds[0]!.results!.map((r) => [r.target.id, r.votes, r.rank])).toEqual([['b', 4, 1], ['a', 1, 2]]);
    expect(s.rounds[0]!.revealed).toBe(false);
    expect(ok(revealVote(s, 'r1', true)).rounds[0]!.revealed).toBe(true);
  });

  it('refuses a target listed twice and a count for a round that does not exist', () => {
    expect(openRound(fresh(), 'r1', { question: 'Q', votesPerPerson: 1, targets: [target('a', 'Aware'), target('a', 'Aware')] })).toMatchObject({
      refused: 'VALIDATION',
      message: '"Aware" is listed twice in this round.',
    });
    expect(countVotes(fresh(), 'nope', 'a', 1)).toMatchObject({ refused: 'NOT_FOUND' });
  });

  it('sums the frozen results of closed rounds per voted object, never counting an open round', () => {
    let s = ok(openRound(fresh(), 'r1', { question: 'Q1', votesPerPerson: 2, targets: [target('a'), target('b')] }));
    s = ok(closeVote(ok(countVotes(s, 'r1', 'a', 3)), 'r1'));
    s = ok(openRound(s, 'r2', { question: 'Q2', votesPerPerson: 2, targets: [target('a')] }));
    s = ok(closeVote(ok(countVotes(s, 'r2', 'a', 2)), 'r2'));
    s = ok(openRound(s, 'r3', { question: 'Q3', votesPerPerson: 2, targets: [target('b')] }));
    s = ok(countVotes(s, 'r3', 'b', 9));
    expect(Object.fromEntries(votesByTarget(s.rounds))).toEqual({ a: 5, b: 0 });
  });

  it('a refused count leaves the records exactly as they were (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'zzz'), (count, targetId) => {
        const s = ok(closeVote(ok(openRound(fresh(), 'r1', { question: 'Q', votesPerPerson: 1, targets: [target('a')] })), 'r1'));
        const copy = structuredClone(s);
        const result = countVotes(s, 'r1', targetId, count);
        expect(isRefusal(result)).toBe(true);
        expect(s).toEqual(copy);
      }),
    );
  });
});

describe('what can be voted on', () => {
  it('lists stages, their actions with text, pain points and open parking-lot items, never people', () => {
    const stage = aStage({ id: 's1', name: 'Compare options', painPoints: 'Slow legal review', actions: [aCustomerAction('Reads reviews', { id: 'a1' })] });
    const doc = aMapDocument({ stages: [stage] });
    const parked = ok(addParking(fresh(), 'p1', { text: 'Pricing page', link: null }, '2027-03-01T09:00:00.000Z')).parkingLot;
    const candidates = voteCandidates(doc, parked);
    expect(candidates.map((c) => [c.kind, c.id, c.label])).toEqual([
      ['stage', 's1', 'Compare options'],
      ['action', 'a1', 'Compare options: Reads reviews'],
      ['pain-point', painPointTargetId('s1'), 'Compare options: Slow legal review'],
      ['parking-item', 'p1', 'Pricing page'],
    ]);
  });
});

describe('the parking lot and the decision log', () => {
  it('converts a parked item into a stage action and refuses to move a converted one again', () => {
    let s = ok(addParking(fresh(), 'p1', { text: 'Trial too short', link: { kind: 'stage', id: 's1' } }, '2027-03-01T09:00:00.000Z'));
    s = ok(moveParking(s, 'p1', { status: 'converted', convertedTo: { kind: 'action', id: 'a9' } }));
    expect(s.parkingLot[0]).toMatchObject({ status: 'converted', convertedTo: { kind: 'action', id: 'a9' } });
    expect(moveParking(s, 'p1', { status: 'discarded', convertedTo: null })).toMatchObject({ refused: 'VALIDATION', message: 'Reopen the item first.' });
  });

  it('logs a decision by participants (any case), refuses strangers by name, supersedes and reverses', () => {
    const people = ['Ana Silva', 'Ben Okoro'];
    expect(addDecision(fresh(), 'd0', { what: 'X', date: '2027-03-01', by: ['Zed', 'Ana Silva'], links: [], reason: '' }, people)).toMatchObject({
      refused: 'NOT_A_PARTICIPANT',
      message: '"Zed" is not a participant of this workshop. Add them to the workshop details first, then log the decision.',
    });
    let s = ok(addDecision(fresh(), 'd1', { what: 'Three questions', date: '2027-03-01', by: ['ana silva'], links: [], reason: '' }, people));
    s = ok(addDecision(s, 'd2', { what: 'Two questions', date: '2027-03-01', by: ['Ben Okoro'], links: [], reason: '' }, people));
    expect(supersedeDecision(s, 'd1', 'nope')).toMatchObject({ refused: 'NOT_FOUND' });
    s = ok(supersedeDecision(s, 'd1', 'd2'));
    s = ok(reverseDecision(s, 'd2', 'Legal needs three'));
    expect(s.decisions.map((d) => [d.id, d.status])).toEqual([['d1', 'superseded'], ['d2', 'reversed']]);
  });
});
