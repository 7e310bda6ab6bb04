// Arrow labels during a drag: placed from the cards as they were before the drag
// (the same input on every frame), with the dragged cards' arrows riding at their
// middle, so React Flow gets no new edge list per frame.
import { describe, expect, it } from 'vitest';
import { changedCards, draggingKey, labelsWhileDragging, sameGeometry, settledArrows, settledCards } from '../../../src-renderer/canvas/drag-labels';

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

interface Card {
  id: string;
  type: string;
  position: { x: number; y: number };
  measured?: { width: number; height: number };
  initialWidth?: number;
  initialHeight?: number;
  parentId?: string;
  selected?: boolean;
  dragging?: boolean;
}
const card = (id: string, x: number, more: Partial<Card> = {}): Card => ({ id, type: 'stage', position: { x, y: 0 }, measured: { width: 380, height: 400 }, ...more });

describe('sameGeometry', () => {
  it('is the same while every card keeps its place and size, whatever else changed (selection, text)', () => {
    const before = [card('a', 0), card('b', 460)];
    expect(sameGeometry(before, before)).toBe(true);
    expect(sameGeometry(before, [{ ...before[0]!, selected: true }, before[1]!])).toBe(true);
    // An equal position in a new object (the document's, after a drop at the same spot).
    expect(sameGeometry(before, [card('a', 0), card('b', 460)])).toBe(true);
  });

  it('differs when a card moved, changed size, was added, removed or replaced, or became the child of another', () => {
    const before = [card('a', 0), card('b', 460)];
    expect(sameGeometry(before, [card('a', 0), card('b', 461)])).toBe(false);
    expect(sameGeometry(before, [card('a', 0), card('b', 460, { measured: { width: 380, height: 420 } })])).toBe(false);
    expect(sameGeometry(before, [card('a', 0), card('b', 460, { measured: undefined, initialWidth: 380, initialHeight: 400 })])).toBe(false);
    expect(sameGeometry(before, [card('a', 0)])).toBe(false);
    expect(sameGeometry(before, [card('a', 0), card('c', 460)])).toBe(false);
    expect(sameGeometry(before, [card('a', 0), card('b', 460, { parentId: 'a' })])).toBe(false);
  });
});

describe('changedCards', () => {
  it('names the cards that moved, changed size or are new, in the order of the cards now', () => {
    const before = [card('a', 0), card('b', 460), card('c', 920)];
    expect(changedCards(before, before)).toBe('');
    expect(changedCards(before, [card('a', 0), { ...before[1]!, selected: true }, card('c', 920)])).toBe('');
    expect(changedCards(before, [card('a', 5), card('b', 460), card('c', 920, { measured: { width: 380, height: 500 } }), card('d', 0)])).toBe('a\nc\nd');
    // A card that went is not named: its arrows went with it.
    expect(changedCards(before, [card('a', 0)])).toBe('');
  });
});

describe('settledCards', () => {
  it('gives the cards of the last frame without a drag for every frame of a drag, then the new cards after the drop', () => {
    const settle = settledCards<Card>();
    const before = [card('a', 0)];
    expect(settle(before, false)).toBe(before);
    expect(settle([card('a', 10, { dragging: true })], true)).toBe(before);
    expect(settle([card('a', 20, { dragging: true })], true)).toBe(before);
    const dropped = [card('a', 20)];
    expect(settle(dropped, false)).toBe(dropped);
  });

  it('keeps the previous cards while no box changed (a card selected), so the labels are not placed again', () => {
    const settle = settledCards<Card>();
    const before = [card('a', 0), card('b', 460)];
    expect(settle(before, false)).toBe(before);
    expect(settle([{ ...before[0]!, selected: true }, before[1]!], false)).toBe(before);
  });

  it('takes the first cards it sees when it first sees them mid-drag (nothing settled to hold)', () => {
    const settle = settledCards<Card>();
    const first = [card('a', 0, { dragging: true })];
    expect(settle(first, true)).toBe(first);
    expect(settle([card('a', 5, { dragging: true })], true)).toBe(first);
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

describe('settledArrows', () => {
  const arrow = (id: string, source: string, target: string, kind = 'forward', more: Record<string, unknown> = {}) => ({ id, source, target, data: { kind, exitMarker: false }, ...more });

  it('keeps the previous arrows while each joins the same cards the same way (a renamed stage’s arrows are new objects)', () => {
    const settle = settledArrows<ReturnType<typeof arrow>>();
    const before = [arrow('t1', 'a', 'b'), arrow('t2', 'b', 'c')];
    expect(settle(before)).toBe(before);
    expect(settle([arrow('t1', 'a', 'b', 'forward', { ariaLabel: 'renamed' }), before[1]!])).toBe(before);
  });

  it('takes the new arrows when one was added, removed, reconnected or became a loop', () => {
    const settle = settledArrows<ReturnType<typeof arrow>>();
    const before = [arrow('t1', 'a', 'b')];
    settle(before);
    for (const next of [[arrow('t1', 'a', 'c')], [arrow('t1', 'a', 'b', 'loop')], [], [arrow('t1', 'a', 'b'), arrow('t2', 'b', 'a')]]) {
      expect(settle(next)).toBe(next);
    }
  });
});
