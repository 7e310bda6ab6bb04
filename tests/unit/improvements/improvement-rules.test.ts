// The rules of the kaizen cycle: ranking by modelled gain with its tie-breaks, the
// focus limit of two, status moves, review dates, and the review of readings.
import { describe, expect, it } from 'vitest';
import { compareReadings, effectsWithObserved } from '../../../src-shared/domain/improvement-review';
import { addDays, canMove, checkFocusLimit, rankImprovements, reviewState, type FocusItem } from '../../../src-shared/domain/improvement';

const idea = (id: string, over: Partial<{ impact: number | null; effort: number | null; votes: number; gain: number | null }> = {}) => ({
  id,
  impact: 3,
  effort: 3,
  votes: 0,
  gain: null,
  ...over,
});

describe('ranking improvement ideas', () => {
  it('puts the largest modelled gain first', () => {
    const ranked = rankImprovements([idea('a', { gain: 1.5 }), idea('b', { gain: 7.6 }), idea('c', { gain: 3 })]);
    expect(ranked.map((x) => [x.id, x.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('breaks a tie in gain by impact ÷ effort, then by votes, then by the order given', () => {
    const ranked = rankImprovements([
      idea('low-leverage', { gain: 2, impact: 2, effort: 4, votes: 9 }),
      idea('few-votes', { gain: 2, impact: 4, effort: 2, votes: 1 }),
      idea('many-votes', { gain: 2, impact: 4, effort: 2, votes: 5 }),
      idea('first-of-equals', { gain: 2, impact: 2, effort: 4, votes: 9 }),
    ]);
    expect(ranked.map((x) => x.id)).toEqual(['many-votes', 'few-votes', 'low-leverage', 'first-of-equals']);
  });

  it('treats round-off differences in gain as ties', () => {
    const ranked = rankImprovements([idea('a', { gain: 0.1 + 0.2, votes: 1 }), idea('b', { gain: 0.3, votes: 2 })]);
    expect(ranked.map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('ranks ideas without a stated effect after every idea with one, even a zero gain', () => {
    const ranked = rankImprovements([idea('none', { gain: null, impact: 5, effort: 1, votes: 20 }), idea('zero', { gain: 0 })]);
    expect(ranked.map((x) => x.id)).toEqual(['zero', 'none']);
  });
});

describe('the focus limit', () => {
  const items: FocusItem[] = [
    { id: 'a', idea: 'Share a cost calculator', status: 'planned' },
    { id: 'b', idea: 'Introduce finance early', status: 'trial' },
    { id: 'c', idea: 'Send references before the demo', status: 'idea' },
  ];

  it('refuses a third improvement in progress and names the two already in progress', () => {
    const decision = checkFocusLimit(items, 'c', 'planned');
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.inProgress.map((x) => x.id)).toEqual(['a', 'b']);
    expect(decision.message).toBe(
      'Focus on two at a time: "Share a cost calculator" and "Introduce finance early" are already planned or on trial. Adopt or drop one of them first, or record why this one cannot wait.',
    );
  });

  it('lets a third through only with a reason, and says it was an override', () => {
    expect(checkFocusLimit(items, 'c', 'planned', '   ').ok).toBe(false);
    expect(checkFocusLimit(items, 'c', 'planned', 'The CEO asked for it before the board meeting')).toEqual({ ok: true, override: true });
  });

  it('never counts a move within progress or out of it', () => {
    expect(checkFocusLimit(items, 'a', 'trial')).toEqual({ ok: true, override: false });
    expect(checkFocusLimit(items, 'c', 'dropped')).toEqual({ ok: true, override: false });
    expect(checkFocusLimit(items.slice(0, 1).concat(items[2]!), 'c', 'planned')).toEqual({ ok: true, override: false });
  });
});

describe('status moves and review dates', () => {
  it('follows idea → planned → trial → adopted | dropped', () => {
    expect(canMove('idea', 'planned')).toBe(true);
    expect(canMove('planned', 'trial')).toBe(true);
    expect(canMove('trial', 'adopted')).toBe(true);
    expect(canMove('trial', 'dropped')).toBe(true);
    expect(canMove('idea', 'adopted')).toBe(false);
    expect(canMove('idea', 'trial')).toBe(false);
  });

  it('reviews 60 days after the trial starts by default, across month and leap-year ends', () => {
    expect(addDays('2027-01-15', 60)).toBe('2027-03-16');
    expect(addDays('2028-01-15', 60)).toBe('2028-03-15');
    expect(reviewState({ status: 'trial', trialStart: '2027-01-15', reviewDate: null }, '2027-03-01')).toEqual({ kind: 'running', daysLeft: 15 });
    expect(reviewState({ status: 'trial', trialStart: '2027-01-15', reviewDate: null }, '2027-03-16')).toEqual({ kind: 'due' });
    expect(reviewState({ status: 'trial', trialStart: '2027-01-15', reviewDate: '2027-02-01' }, '2027-02-11')).toEqual({ kind: 'overdue', daysOver: 10 });
    expect(reviewState({ status: 'planned', trialStart: null, reviewDate: null }, '2027-02-11')).toEqual({ kind: 'not-started' });
    expect(reviewState({ status: 'adopted', trialStart: '2027-01-15', reviewDate: null }, '2027-05-01')).toEqual({ kind: 'closed' });
  });
});

describe('the review of readings around the trial start', () => {
  const plan = { baseline: 40, target: 55 };
  const r = (date: string, value: number) => ({ date, value });

  it('claims nothing with no readings at all', () => {
    const review = compareReadings([], '2027-02-01', plan);
    expect(review.change).toEqual({
      kind: 'too-few',
      message: 'Only 0 readings before the trial started and 0 readings since it started: at least 2 are needed on each side before a change can be claimed.',
    });
    expect(review.observed).toBeNull();
    expect(review.targetMet).toBeNull();
  });

  it('claims nothing with one reading on a side, but shows the value observed', () => {
    const review = compareReadings([r('2027-01-10', 38), r('2027-01-20', 42), r('2027-02-15', 56)], '2027-02-01', plan);
    expect(review.before.count).toBe(2);
    expect(review.after.count).toBe(1);
    expect(review.change.kind).toBe('too-few');
    expect(review.change.kind === 'too-few' && review.change.message).toBe(
      'Only 1 reading since it started: at least 2 are needed on each side before a change can be claimed.',
    );
    expect(review.observed).toBe(56);
    expect(review.targetMet).toBe(true);
  });

  // Before: 38, 42 → 40. After (on or after the start): 50, 54, 58 → 54. Change +14. Target 55 not met.
  it('measures the change between the means with several readings on each side', () => {
    const review = compareReadings([r('2027-01-10', 38), r('2027-02-01', 50), r('2027-01-20', 42), r('2027-03-01', 54), r('2027-03-20', 58)], '2027-02-01', plan);
    expect(review.change).toEqual({ kind: 'measured', before: 40, after: 54, change: 14 });
    expect(review.after.latest).toEqual({ date: '2027-03-20', value: 58 });
    expect(review.targetMet).toBe(false);
  });

  it('reads a target below the baseline as "lower is better"', () => {
    const review = compareReadings([r('2027-02-10', 20), r('2027-02-20', 24)], '2027-02-01', { baseline: 30, target: 25 });
    expect(review.observed).toBe(22);
    expect(review.targetMet).toBe(true);
  });

  it('re-runs the map with the observed conversion when the metric measures the changed transition', () => {
    const effects = [{ kind: 'conversion' as const, transitionId: 't1', rate: 0.7 }];
    expect(effectsWithObserved(effects, { attachTo: { kind: 'transition', transitionId: 't1' }, unit: 'percent' }, 62)).toEqual({
      effects: [{ kind: 'conversion', transitionId: 't1', rate: 0.62 }],
    });
    expect(effectsWithObserved(effects, { attachTo: { kind: 'process' }, unit: 'count' }, 62)).toHaveProperty('reason');
  });
});
