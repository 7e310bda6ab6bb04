// The rules behind running the room: a timer stored as an end time, vote tallies that
// never rank people, the parking lot's way out, the decision log, and the agenda.
import { describe, expect, it } from 'vitest';
import {
  addTime,
  agendaMinutes,
  closeRound,
  formatClock,
  idleTimer,
  moveParkingItem,
  overCount,
  pauseTimer,
  resetTimer,
  reverse,
  schedule,
  setCount,
  standardAgenda,
  startTimer,
  strangers,
  supersede,
  tally,
  TimerSchema,
  viewTimer,
  VoteTargetSchema,
  type Decision,
  type ParkingItem,
  type VotingRound,
} from '../../../src-shared/domain/facilitation';

const T0 = Date.parse('2027-03-01T09:00:00.000Z');
const MIN = 60_000;

describe('the timer, stored as an end time', () => {
  it('counts down from the end time, so any window computes the same time left', () => {
    const running = startTimer(idleTimer(10 * MIN), T0);
    expect(running).toEqual({ status: 'running', durationMs: 10 * MIN, endsAt: '2027-03-01T09:10:00.000Z' });
    expect(viewTimer(running, T0 + 4 * MIN)).toMatchObject({ leftMs: 6 * MIN, overrunMs: 0, usedShare: 0.4, ended: false });
    expect(TimerSchema.parse(JSON.parse(JSON.stringify(running)))).toEqual(running);
  });

  it('keeps what was left across a pause, and counts on from there when resumed', () => {
    const paused = pauseTimer(startTimer(idleTimer(10 * MIN), T0), T0 + 3 * MIN);
    expect(paused).toEqual({ status: 'paused', durationMs: 10 * MIN, remainingMs: 7 * MIN });
    // An hour of lunch later, still 7 minutes.
    expect(viewTimer(paused, T0 + 63 * MIN).leftMs).toBe(7 * MIN);
    const resumed = startTimer(paused, T0 + 63 * MIN);
    expect(resumed).toMatchObject({ endsAt: '2027-03-01T10:10:00.000Z' });
  });

  it('adds time to a running, paused or idle timer and grows the time box with it', () => {
    const running = startTimer(idleTimer(10 * MIN), T0);
    expect(viewTimer(addTime(running, 5 * MIN), T0 + 12 * MIN)).toMatchObject({ leftMs: 3 * MIN, ended: false });
    expect(addTime(running, 5 * MIN).durationMs).toBe(15 * MIN);
    expect(addTime(pauseTimer(running, T0 + MIN), 2 * MIN)).toEqual({ status: 'paused', durationMs: 12 * MIN, remainingMs: 11 * MIN });
    expect(addTime(idleTimer(5 * MIN), -10 * MIN)).toEqual({ status: 'idle', durationMs: 0 });
  });

  it('shows the overrun after the end instead of stopping at zero', () => {
    const running = startTimer(idleTimer(10 * MIN), T0);
    expect(viewTimer(running, T0 + 12 * MIN + 30_000)).toMatchObject({ leftMs: 0, overrunMs: 2.5 * MIN, usedShare: 1, ended: true });
  });

  it('resets to its time box, and survives a restart because only facts are stored', () => {
    const running = addTime(startTimer(idleTimer(10 * MIN), T0), MIN);
    expect(resetTimer(running)).toEqual({ status: 'idle', durationMs: 11 * MIN });
    const restored = TimerSchema.parse(JSON.parse(JSON.stringify(running)));
    expect(viewTimer(restored, T0 + MIN).leftMs).toBe(10 * MIN);
  });

  it('reads like a clock, rounding up so 0:00 is the end', () => {
    expect(formatClock(5 * MIN)).toBe('5:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(62 * MIN + 5000)).toBe('1:02:05');
  });
});

describe('voting rounds', () => {
  const round = (counts: Record<string, number>): VotingRound => ({
    id: 'r1',
    question: 'Where do we lose most buyers?',
    votesPerPerson: 3,
    targets: [
      { kind: 'stage', id: 'a', label: 'Compare options' },
      { kind: 'pain-point', id: 'b', label: 'Pricing is unclear' },
      { kind: 'improvement', id: 'c', label: 'Cost calculator' },
      { kind: 'parking-item', id: 'd', label: 'Legal review' },
    ],
    counts,
    status: 'open',
    revealed: false,
    results: null,
  });

  it('ranks by votes with shared ranks for ties, keeping the listed order among equals', () => {
    expect(tally(round({ a: 4, b: 7, c: 4 })).map((r) => [r.target.id, r.votes, r.rank])).toEqual([
      ['b', 7, 1],
      ['a', 4, 2],
      ['c', 4, 2],
      ['d', 0, 4],
    ]);
  });

  it('takes hand counts while open, refuses them once closed, and keeps the results snapshot', () => {
    const counted = setCount(round({}), 'b', 5);
    if ('error' in counted) throw new Error(counted.error);
    const closed = closeRound(counted);
    expect(closed.results?.[0]).toMatchObject({ votes: 5, rank: 1 });
    expect(setCount(closed, 'a', 1)).toEqual({ error: 'This round is closed; open a new round to vote again.' });
    expect(setCount(counted, 'zz', 1)).toEqual({ error: 'That is not one of the things this round votes on.' });
    expect(setCount(counted, 'a', -1)).toEqual({ error: 'Type a whole number of votes, 0 or more.' });
  });

  it('flags more votes than the room has', () => {
    expect(overCount({ votesPerPerson: 3, counts: { a: 10, b: 6 } }, 5)).toBe('16 votes are counted, but 5 people with 3 votes each have only 15. Check the counts.');
    expect(overCount({ votesPerPerson: 3, counts: { a: 10, b: 5 } }, 5)).toBeNull();
  });

  it('never votes on people: a participant is not a kind of target', () => {
    expect(VoteTargetSchema.safeParse({ kind: 'participant', id: 'p1', label: 'Anna' }).success).toBe(false);
  });
});

describe('the parking lot', () => {
  const item: ParkingItem = { id: 'p1', text: 'Legal review takes weeks', link: null, status: 'open', convertedTo: null, createdAt: '2027-03-01T09:00:00.000Z' };

  it('converts an open item into an idea or an action, and says what it became', () => {
    expect(moveParkingItem(item, 'converted')).toEqual({ error: 'Say what the item was converted into: an improvement idea or a stage action.' });
    expect(moveParkingItem(item, 'converted', { kind: 'improvement', id: 'i1' })).toMatchObject({ status: 'converted', convertedTo: { kind: 'improvement', id: 'i1' } });
  });

  it('reopens before it moves again', () => {
    const resolved = moveParkingItem(item, 'resolved') as ParkingItem;
    expect(moveParkingItem(resolved, 'discarded')).toEqual({ error: 'Reopen the item first.' });
    expect(moveParkingItem(resolved, 'open')).toMatchObject({ status: 'open', convertedTo: null });
  });
});

describe('the decision log', () => {
  const decision: Decision = { id: 'd1', what: 'Introduce finance in stage 3', date: '2027-03-01', by: ['Anna'], links: [], status: 'active', supersededBy: null, reason: '' };

  it('names who is not a participant of the workshop', () => {
    expect(strangers(['anna ', 'Bob'], ['Anna', 'Chris'])).toEqual(['Bob']);
  });

  it('supersedes or reverses an active decision, keeping the reason', () => {
    expect(supersede(decision, 'd2')).toMatchObject({ status: 'superseded', supersededBy: 'd2' });
    expect(reverse(decision, ' ')).toEqual({ error: 'Say why the decision is reversed; the reason is kept with it.' });
    const reversed = reverse(decision, 'Finance is not ready');
    expect(reversed).toMatchObject({ status: 'reversed', reason: 'Finance is not ready' });
    expect(supersede(reversed as Decision, 'd3')).toEqual({ error: 'Only an active decision can be superseded.' });
  });
});

describe('the agenda', () => {
  it('starts from the kaizen-event agenda and schedules it from the start time', () => {
    let n = 0;
    const agenda = standardAgenda(() => `a${++n}`);
    expect(agenda.map((x) => x.title)[0]).toBe('Outcomes and scope');
    expect(agenda.at(-1)!.title).toBe('Agree the process');
    expect(agendaMinutes(agenda)).toBe(250);
    const times = schedule(agenda, 9 * 60);
    expect(times[1]).toEqual({ id: 'a2', startMinute: 9 * 60 + 20, endMinute: 10 * 60 + 20 });
    expect(times.at(-1)!.endMinute).toBe(9 * 60 + 250);
  });
});
