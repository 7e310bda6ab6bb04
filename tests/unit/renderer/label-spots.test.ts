// The labels' places reach the arrows apart from React Flow's edge list: only the
// arrows whose label moved, appeared or went are told.
import { describe, expect, it, vi } from 'vitest';
import { createLabelSpots } from '../../../src-renderer/canvas/label-spots';

describe('createLabelSpots', () => {
  it('gives each arrow its placed centre, or null for the arrow’s middle', () => {
    const spots = createLabelSpots();
    expect(spots.get('t1')).toBeNull();
    spots.set(new Map([['t1', { x: 4, y: 5 }]]));
    expect(spots.get('t1')).toEqual({ x: 4, y: 5 });
    expect(spots.get('t2')).toBeNull();
  });

  it('tells only the arrows whose label moved, appeared or went, and keeps the object of one that stayed', () => {
    const spots = createLabelSpots();
    const heard = { t1: vi.fn(), t2: vi.fn(), t3: vi.fn(), t4: vi.fn() };
    for (const [id, fn] of Object.entries(heard)) spots.subscribe(id, fn);
    spots.set(new Map([['t1', { x: 1, y: 1 }], ['t2', { x: 2, y: 2 }]]));
    expect([heard.t1, heard.t2, heard.t3, heard.t4].map((f) => f.mock.calls.length)).toEqual([1, 1, 0, 0]);
    const t1 = spots.get('t1');
    // Placed again: t1 at the same spot (a new but equal point), t2 moved, t2 gone… t3 appears.
    spots.set(new Map([['t1', { x: 1, y: 1 }], ['t3', { x: 3, y: 3 }]]));
    expect(spots.get('t1')).toBe(t1);
    expect([heard.t1, heard.t2, heard.t3, heard.t4].map((f) => f.mock.calls.length)).toEqual([1, 2, 1, 0]);
    spots.set(new Map([['t1', { x: 1, y: 9 }], ['t3', { x: 3, y: 3 }]]));
    expect([heard.t1, heard.t2, heard.t3, heard.t4].map((f) => f.mock.calls.length)).toEqual([2, 2, 1, 0]);
  });

  it('stops telling an arrow once it unsubscribed (unmounted), and the same placement twice tells nobody', () => {
    const spots = createLabelSpots();
    const heard = vi.fn();
    const stop = spots.subscribe('t1', heard);
    const placement = new Map([['t1', { x: 1, y: 1 }]]);
    spots.set(placement);
    spots.set(placement);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    spots.set(new Map([['t1', { x: 2, y: 2 }]]));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
