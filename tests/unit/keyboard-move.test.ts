// Arrow-key moves of a card: every press is in the document (so it is saved), and
// a run of presses is one undo step once the keys are still (keyboard-move.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapVersion, WorkshopDetail } from '../../src-shared/api/contract';
import { KEY_MOVE_SETTLE_MS, KEY_MOVE_STEP, createKeyboardMove } from '../../src-renderer/canvas/keyboard-move';
import { createDocumentStore } from '../../src-renderer/store/document-store';
import { canUndo } from '../../src-renderer/store/history';
import { aChainMap } from '../fixtures/factories';

const right = { x: 1, y: 0 };
const down = { x: 0, y: 1 };

let map = createDocumentStore();

function open(signedOff = false) {
  map = createDocumentStore();
  const { doc, stages } = aChainMap(3);
  const version = { id: 'v1', workshopId: 'w1', name: 'Current state', revision: 1, signOff: signedOff ? { agreedBy: [], agreedAt: '2026-11-22' } : null, updatedAt: '2026-11-22T10:00:00.000Z', document: doc };
  map.getState().load({ id: 'w1' } as unknown as WorkshopDetail, version as unknown as MapVersion);
  return { doc, stages };
}
const positionOf = (id: string) => map.getState().history!.doc.stages.find((s) => s.id === id)!.position;
const history = () => map.getState().history!;

describe('moving a card with the arrow keys', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('moves the card in the document at every press (5 units, 20 with Shift)', () => {
    const { stages } = open();
    const move = createKeyboardMove(map);
    const id = stages[1]!.id;
    const start = positionOf(id);
    move.press([id], right, false);
    expect(positionOf(id)).toEqual({ x: start.x + KEY_MOVE_STEP, y: start.y });
    move.press([id], down, true);
    expect(positionOf(id)).toEqual({ x: start.x + KEY_MOVE_STEP, y: start.y + 4 * KEY_MOVE_STEP });
  });

  it('makes one undo step of a run of presses, once the keys have been still', () => {
    const { doc, stages } = open();
    const move = createKeyboardMove(map);
    const id = stages[0]!.id;
    for (let i = 0; i < 8; i++) {
      move.press([id], right, false);
      vi.advanceTimersByTime(KEY_MOVE_SETTLE_MS - 50); // held down: never still long enough
    }
    expect(history().past).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(history().past).toHaveLength(1);
    expect(history().checkpoint).toBe(history().doc);

    map.getState().undo();
    expect(history().doc).toBe(doc);
    expect(canUndo(history())).toBe(false);
  });

  it('undo in the middle of a run takes the whole run back, and the late settle changes nothing', () => {
    const { doc, stages } = open();
    const move = createKeyboardMove(map);
    const id = stages[2]!.id;
    move.press([id], right, false);
    move.press([id], right, false);
    map.getState().undo();
    expect(history().doc).toBe(doc);
    vi.advanceTimersByTime(KEY_MOVE_SETTLE_MS * 2);
    expect(history().doc).toBe(doc);
    expect(history().past).toHaveLength(0);
    expect(history().future).toHaveLength(1);
  });

  it('settles at once when the card loses focus, so the next edit is its own step', () => {
    const { stages } = open();
    const move = createKeyboardMove(map);
    move.press([stages[0]!.id], down, false);
    move.settle();
    expect(history().past).toHaveLength(1);
    vi.advanceTimersByTime(KEY_MOVE_SETTLE_MS);
    expect(history().past).toHaveLength(1);
  });

  it('moves every selected card together, and nothing on an agreed (read-only) map', () => {
    const { stages } = open();
    const move = createKeyboardMove(map);
    const [a, b] = [stages[0]!, stages[1]!];
    expect(move.press([a.id, b.id], down, false)).toBe(true);
    expect(positionOf(a.id).y).toBe(a.position.y + KEY_MOVE_STEP);
    expect(positionOf(b.id).y).toBe(b.position.y + KEY_MOVE_STEP);
    expect(move.press([], down, false)).toBe(false);

    const agreed = open(true);
    expect(move.press([agreed.stages[0]!.id], down, false)).toBe(false);
    expect(history().doc).toBe(agreed.doc);
  });
});
