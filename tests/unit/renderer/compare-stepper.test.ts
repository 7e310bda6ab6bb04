// The Compare view's logic: the stepper walking the changes (← / →) and the one view
// both maps share (fit, zoom about a point, focus on a card).
import { describe, expect, it } from 'vitest';
import { focusedKey, startStepper, stepLabel, stepper } from '../../../src-renderer/features/compare/stepper';
import { fitView, focusView, panBy, unionBox, zoomAt } from '../../../src-renderer/features/compare/view-sync';

const walk = (keys: string[], ...moves: ('next' | 'previous')[]) => moves.reduce((s, kind) => stepper(s, { kind }), startStepper(keys));

describe('the stepper', () => {
  it('starts before the first change and says how many there are', () => {
    const s = startStepper(['a', 'b', 'c']);
    expect(focusedKey(s)).toBeNull();
    expect(stepLabel(s)).toBe('3 changes');
  });

  it('walks forward and back and stops at both ends', () => {
    expect(focusedKey(walk(['a', 'b', 'c'], 'next'))).toBe('a');
    expect(focusedKey(walk(['a', 'b', 'c'], 'next', 'next', 'next', 'next'))).toBe('c');
    expect(stepLabel(walk(['a', 'b', 'c'], 'next', 'next', 'next', 'next'))).toBe('Change 3 of 3');
    expect(focusedKey(walk(['a', 'b', 'c'], 'next', 'next', 'previous', 'previous', 'previous'))).toBe('a');
    expect(focusedKey(walk(['a', 'b'], 'previous'))).toBe('a');
  });

  it('does nothing when there is nothing to walk', () => {
    const s = walk([], 'next', 'previous');
    expect(s.index).toBeNull();
    expect(stepLabel(s)).toBe('No changes');
  });

  it('jumps to a change picked in the list, and ignores one no longer there', () => {
    const s = stepper(startStepper(['a', 'b', 'c']), { kind: 'go', key: 'c' });
    expect(stepLabel(s)).toBe('Change 3 of 3');
    expect(stepper(s, { kind: 'go', key: 'gone' })).toBe(s);
  });

  it('keeps the focused change when the list changes under it (typing, the layout toggle), else starts over', () => {
    const s = walk(['a', 'b', 'c'], 'next', 'next');
    expect(focusedKey(stepper(s, { kind: 'reset', keys: ['x', 'b'] }))).toBe('b');
    expect(stepper(s, { kind: 'reset', keys: ['x', 'y'] }).index).toBeNull();
  });
});

describe('the shared view of both maps', () => {
  it('draws both maps in the box that holds them both', () => {
    expect(unionBox({ x: 0, y: 0, width: 100, height: 50 }, { x: -20, y: 10, width: 100, height: 100 })).toEqual({ x: -20, y: 0, width: 120, height: 110 });
  });

  it('fits the drawing in the pane, centred', () => {
    expect(fitView({ x: 0, y: 0, width: 1000, height: 500 }, { width: 524, height: 524 }, 12)).toEqual({ scale: 0.5, x: 12, y: 137 });
  });

  it('zooms about the pointer: the point under it stays put', () => {
    const v = zoomAt({ x: 10, y: 20, scale: 1 }, 2, { x: 110, y: 120 });
    expect(v).toEqual({ x: -90, y: -80, scale: 2 });
    expect(zoomAt({ x: 0, y: 0, scale: 3 }, 2, { x: 0, y: 0 }).scale).toBe(3);
    expect(panBy(v, 5, -5)).toEqual({ x: -85, y: -85, scale: 2 });
  });

  it('centres a focused card, zooming in to read it but never out', () => {
    const pane = { width: 800, height: 600 };
    const card = { x: 500, y: 100, width: 200, height: 300 };
    const v = focusView({ x: 0, y: 0, scale: 0.2 }, { x: 0, y: 0 }, card, pane);
    expect(v.scale).toBeCloseTo(1);
    expect([v.x + (600 * v.scale), v.y + 250 * v.scale]).toEqual([400, 300]);
    expect(focusView({ x: 0, y: 0, scale: 2 }, { x: 0, y: 0 }, card, pane).scale).toBe(2);
  });
});
