// Undo history with commit points: live edits (typing, drag frames) change the
// document at once, but only a commit makes an undo step; undo and redo move whole
// steps; the history keeps a bounded number of steps.
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, change, commitPoint, HISTORY_LIMIT, redo, startHistory, undo } from '../../../src-renderer/store/history';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { aMapDocument, aStage } from '../../fixtures/factories';

const named = (name: string): MapDocument => aMapDocument({ stages: [aStage({ id: 'stage-1', name })] });
const nameOf = (doc: MapDocument) => doc.stages[0]?.name;

describe('change and commit points', () => {
  it('a live change shows at once but is not yet an undo step; the commit makes it one', () => {
    const a = named('A');
    let h = startHistory(a);
    expect(canUndo(h)).toBe(false);
    h = change(h, named('AB'), false);
    expect(nameOf(h.doc)).toBe('AB');
    expect(h.past).toHaveLength(0);
    expect(canUndo(h)).toBe(true); // the uncommitted edit can already be undone
    h = commitPoint(h);
    expect(h.past).toEqual([a]);
    expect(h.checkpoint).toBe(h.doc);
  });

  it('many live changes and one commit are one step (a drag, a typed word)', () => {
    const a = named('A');
    let h = startHistory(a);
    for (const name of ['A1', 'A12', 'A123']) h = change(h, named(name), false);
    h = change(h, named('A1234'), true);
    expect(h.past).toEqual([a]);
    expect(nameOf(undo(h).doc)).toBe('A');
  });

  it('the same document without commit changes nothing; a commit with nothing new adds no step', () => {
    const h = startHistory(named('A'));
    expect(change(h, h.doc, false)).toBe(h);
    expect(commitPoint(h)).toBe(h);
    expect(change(h, h.doc, true).past).toHaveLength(0);
  });

  it('a new commit after an undo drops the redo steps', () => {
    let h = change(startHistory(named('A')), named('B'), true);
    h = undo(h);
    expect(canRedo(h)).toBe(true);
    h = change(h, named('C'), true);
    expect(canRedo(h)).toBe(false);
    expect(h.past.map(nameOf)).toEqual(['A']);
  });
});

describe('undo and redo', () => {
  it('walk back and forth through the committed steps', () => {
    let h = startHistory(named('A'));
    h = change(h, named('B'), true);
    h = change(h, named('C'), true);
    h = undo(h);
    expect(nameOf(h.doc)).toBe('B');
    h = undo(h);
    expect(nameOf(h.doc)).toBe('A');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toEqual(h); // nothing further back
    h = redo(h);
    h = redo(h);
    expect(nameOf(h.doc)).toBe('C');
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toEqual(h);
  });

  it('undo first commits a pending live change, so it undoes exactly that edit', () => {
    let h = change(startHistory(named('A')), named('B'), true);
    h = change(h, named('B-typing'), false);
    h = undo(h);
    expect(nameOf(h.doc)).toBe('B');
    h = redo(h);
    expect(nameOf(h.doc)).toBe('B-typing');
  });

  it('redo after a live change on top of an undo has nothing to redo (the edit is a new step)', () => {
    let h = change(startHistory(named('A')), named('B'), true);
    h = undo(h);
    h = change(h, named('A-typed'), false);
    h = redo(h);
    expect(nameOf(h.doc)).toBe('A-typed');
    expect(h.past.map(nameOf)).toEqual(['A']);
  });

  it('returns the very documents it was given (the saver compares by identity)', () => {
    const a = named('A');
    const b = named('B');
    let h = change(startHistory(a), b, true);
    h = undo(h);
    expect(h.doc).toBe(a);
    expect(redo(h).doc).toBe(b);
  });
});

describe('limits', () => {
  it(`keeps the last ${HISTORY_LIMIT} steps and drops the oldest`, () => {
    let h = startHistory(named('0'));
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h = change(h, named(String(i)), true);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(nameOf(h.past[0]!)).toBe('5');
    for (let i = 0; i < HISTORY_LIMIT; i++) h = undo(h);
    expect(nameOf(h.doc)).toBe('5');
    expect(canUndo(h)).toBe(false);
  });
});
