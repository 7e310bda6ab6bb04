// Where a new stage lands: to the right of the map, never on top of another card.
import { describe, expect, it } from 'vitest';
import { STAGE_FOOTPRINT, freeStagePosition, nextStagePosition } from '../../src-shared/domain/map-ops';
import { aMapDocument, aStage, anOutcome } from '../fixtures/factories';

describe('placing a new stage', () => {
  it('goes right of the right-most stage, on the first stage row', () => {
    const doc = aMapDocument({ stages: [aStage({ position: { x: 0, y: 40 } }), aStage({ position: { x: 460, y: 300 } })] });
    expect(nextStagePosition(doc)).toEqual({ x: 920, y: 40 });
  });

  it('moves down when an outcome stands where it would go', () => {
    const doc = aMapDocument({ stages: [aStage({ position: { x: 0, y: 0 } })], outcomes: [anOutcome('won', { position: { x: 500, y: 20 } })] });
    const p = nextStagePosition(doc);
    expect(p.x).toBe(460);
    expect(p.y).toBeGreaterThanOrEqual(20 + 100);
  });

  it('keeps the wanted spot when it is free, and clears every card when not', () => {
    const doc = aMapDocument({ stages: [aStage({ position: { x: 0, y: 0 } }), aStage({ position: { x: 0, y: STAGE_FOOTPRINT.height } })] });
    expect(freeStagePosition(doc, { x: 1000, y: 0 })).toEqual({ x: 1000, y: 0 });
    const p = freeStagePosition(doc, { x: 10, y: 10 });
    expect(p.y).toBeGreaterThanOrEqual(2 * STAGE_FOOTPRINT.height);
  });
});
