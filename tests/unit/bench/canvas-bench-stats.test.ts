// The canvas benchmark's arithmetic: nearest-rank p95 of frame gaps, medians over
// runs that may have failed, and the rotated order the subjects are measured in.
import { describe, expect, it } from 'vitest';
import { max, median, percentile, rotated, round } from '../../../bench/canvas/stats';

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ceil(p × n) of the sorted values', () => {
    // 20 frames: 19 of 16.7 ms and one of 50 ms; p95 is rank 19 → 16.7, p100 the 50 ms frame.
    const gaps = [...Array<number>(19).fill(16.7), 50];
    expect(percentile(gaps, 95)).toBe(16.7);
    expect(percentile(gaps, 100)).toBe(50);
    // Two slow frames in 20: rank 19 is the first slow one.
    expect(percentile([...Array<number>(18).fill(16.7), 50, 66.7], 95)).toBe(50);
  });

  it('does not depend on the order of the values, and is empty for none', () => {
    expect(percentile([33, 17, 100, 16], 50)).toBe(17);
    expect(percentile([], 95)).toBeNull();
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves out runs where the step failed', () => {
    expect(median([null, 10, 30])).toBe(20);
    expect(median([null, null])).toBeNull();
  });
});

describe('round and max', () => {
  it('rounds to the digits asked for and keeps a missing figure missing', () => {
    expect(round(16.6666)).toBe(16.7);
    expect(round(0.13333, 3)).toBe(0.133);
    expect(round(null)).toBeNull();
    expect(max([1, 7, 3])).toBe(7);
    expect(max([])).toBeNull();
  });
});

describe('rotated', () => {
  it('starts one further on per offset, wrapping round', () => {
    const subjects = ['leanmap', 'bare', 'bare_culled'];
    expect(rotated(subjects, 0)).toEqual(['leanmap', 'bare', 'bare_culled']);
    expect(rotated(subjects, 1)).toEqual(['bare', 'bare_culled', 'leanmap']);
    expect(rotated(subjects, 5)).toEqual(['bare_culled', 'leanmap', 'bare']);
  });
});
