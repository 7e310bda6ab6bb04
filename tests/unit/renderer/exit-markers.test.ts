// Exits drawn beside their stage: one outcome marker per exit, stacked up from the
// card's top, and the room tidy layout leaves for them (src-renderer/canvas/exit-markers.ts).
import { describe, expect, it } from 'vitest';
import { EXIT_MARKER, exitCounts, exitMarkerId, exitMarkerPosition, exitMarkerSpots, exitStackHeight, isExitMarkerId } from '../../../src-renderer/canvas/exit-markers';
import { aMapDocument, aStage, aTransition, anOutcome } from '../../fixtures/factories';

describe('exit markers', () => {
  it('stacks a stage’s markers up from its card: 18 px clear of the top, 44 px each, 8 px apart', () => {
    expect(EXIT_MARKER).toMatchObject({ height: 44, gap: 8, lead: 18, indent: 52 });
    expect(exitMarkerPosition(0)).toEqual({ x: 52, y: -62 });
    expect(exitMarkerPosition(1)).toEqual({ x: 52, y: -114 });
    // The room above the card reaches exactly the top of the highest marker.
    expect(exitStackHeight(0)).toBe(0);
    expect(exitStackHeight(1)).toBe(62);
    expect(exitStackHeight(2)).toBe(114);
  });

  it('gives every exit from a stage its own marker, in the order of the transitions, and nothing else', () => {
    const a = aStage({ name: 'Qualify' });
    const b = aStage({ name: 'Compare' });
    const won = anOutcome('won');
    const lost = anOutcome('lost');
    const stalled = anOutcome('no_decision');
    const forward = aTransition(a, b);
    const aLost = aTransition(a, lost);
    const bWon = aTransition(b, won);
    const aStalled = aTransition(a, stalled);
    const doc = aMapDocument({ stages: [a, b], outcomes: [won, lost, stalled], transitions: [forward, aLost, bWon, aStalled] });
    expect(exitMarkerSpots(doc).map((s) => [s.transitionId, s.stageId, s.outcomeId, s.index, s.position.y])).toEqual([
      [aLost.id, a.id, lost.id, 0, -62],
      [bWon.id, b.id, won.id, 0, -62],
      [aStalled.id, a.id, stalled.id, 1, -114],
    ]);
    expect(exitCounts(doc)).toEqual(new Map([[a.id, 2], [b.id, 1]]));
  });

  it('names a marker after its exit, and tells marker ids from card ids', () => {
    expect(exitMarkerId('t1')).toBe('exit-marker:t1');
    expect(isExitMarkerId('exit-marker:t1')).toBe(true);
    expect(isExitMarkerId('t1')).toBe(false);
  });
});

describe('the boxes labels keep clear of', () => {
  it('puts a marker where it is drawn: its stage’s corner plus its own offset; a marker of an unknown stage has no box', async () => {
    const { cardBoxes } = await import('../../../src-renderer/canvas/use-label-placement');
    const boxes = cardBoxes([
      { id: 's', type: 'stage', position: { x: 100, y: 300 }, measured: { width: 380, height: 400 }, data: {} },
      { id: 'm', type: 'exitMarker', parentId: 's', position: exitMarkerPosition(0), initialWidth: 150, initialHeight: 44, data: {} },
      { id: 'lost', type: 'exitMarker', parentId: 'gone', position: { x: 0, y: 0 }, initialWidth: 150, initialHeight: 44, data: {} },
      { id: 'unsized', type: 'outcome', position: { x: 0, y: 0 }, data: {} },
    ] as never);
    expect([...boxes]).toEqual([
      ['s', { x: 100, y: 300, width: 380, height: 400 }],
      ['m', { x: 152, y: 238, width: 150, height: 44 }],
    ]);
  });
});
