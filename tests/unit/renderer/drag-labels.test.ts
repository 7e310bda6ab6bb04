// Arrow labels during a drag: placed from the cards as they were before the drag
// (the same input on every frame), with the dragged cards' arrows riding at their
// middle, so React Flow gets no new edge list per frame.
import { describe, expect, it } from 'vitest';
import { draggingKey, labelsWhileDragging, settledCards } from '../../../src-renderer/canvas/drag-labels';

const arrows = [
  { id: 'a→b', source: 'a', target: 'b' },
  { id: 'b→c', source: 'b', target: 'c' },
  { id: 'c→d', source: 'c', target: 'd' },
];
const placed = new Map([
  ['a→b', { x: 1, y: 1 }],
  ['b→c', { x: 2, y: 2 }],
  ['c→d', { x: 3, y: 3 }],
]);

describe('draggingKey', () => {
  it('is empty when no card is dragged, and names the dragged cards in map order', () => {
    expect(draggingKey([{ id: 'a' }, { id: 'b', dragging: false }])).toBe('');
    expect(draggingKey([{ id: 'a', dragging: true }, { id: 'b' }, { id: 'c', dragging: true }])).toBe('a\nc');
  });
});

describe('settledCards', () => {
  it('gives the cards of the last frame without a drag for every frame of a drag, then the new cards after the drop', () => {
    const settle = settledCards<string[]>();
    const before = ['before'];
    expect(settle(before, false)).toBe(before);
    expect(settle(['frame 1'], true)).toBe(before);
    expect(settle(['frame 2'], true)).toBe(before);
    const dropped = ['dropped'];
    expect(settle(dropped, false)).toBe(dropped);
  });

  it('takes the first cards it sees when it first sees them mid-drag (nothing settled to hold)', () => {
    const settle = settledCards<string[]>();
    const first = ['frame 1'];
    expect(settle(first, true)).toBe(first);
    expect(settle(['frame 2'], true)).toBe(first);
  });
});

describe('labelsWhileDragging', () => {
  it('is the settled placement itself when nothing is dragged', () => {
    expect(labelsWhileDragging(placed, arrows, '')).toBe(placed);
  });

  it('lets go of the labels of arrows into or out of a dragged card, keeping the others where they were', () => {
    const during = labelsWhileDragging(placed, arrows, 'b');
    expect([...during]).toEqual([['c→d', { x: 3, y: 3 }]]);
    // The settled placement is not changed: it is drawn again after the drop if nothing moved.
    expect(placed.size).toBe(3);
    expect([...labelsWhileDragging(placed, arrows, 'a\nd').keys()]).toEqual(['b→c']);
  });

  it('is the settled placement itself when no placed label touches the dragged cards', () => {
    expect(labelsWhileDragging(placed, arrows, 'x')).toBe(placed);
    expect(labelsWhileDragging(new Map([['c→d', { x: 3, y: 3 }]]), arrows, 'a')).toEqual(new Map([['c→d', { x: 3, y: 3 }]]));
  });
});
