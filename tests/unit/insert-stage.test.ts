// N with a stage selected: the new stage goes right after it in the journey, the
// arrow that left it is re-wired through the new stage, and nothing is covered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MapDocumentSchema } from '../../src-shared/domain/map-document';
import { STAGE_FOOTPRINT, STAGE_STRIDE, insertStageAfter, newStage } from '../../src-shared/domain/map-ops';
import { aChainMap, aMapDocument, aStage, aTransition, anOutcome } from '../fixtures/factories';

describe('inserting a stage after another', () => {
  it('turns A→B into A→new→B; A→new keeps the id, label and conversion of A→B, new→B starts unknown', () => {
    const a = aStage({ name: 'A', position: { x: 0, y: 0 } });
    const b = aStage({ name: 'B', position: { x: 460, y: 0 } });
    const ab = aTransition(a, b, { label: 'qualified', conversionRate: 0.4 });
    const doc = aMapDocument({ stages: [a, b], transitions: [ab] });
    const added = newStage({ x: 0, y: 0 }, 'New stage');

    const next = insertStageAfter(doc, a.id, added);

    expect(next.transitions).toHaveLength(2);
    expect(next.transitions[0]).toEqual({ ...ab, target: added.id });
    expect(next.transitions[1]).toMatchObject({ source: added.id, target: b.id, label: '', conversionRate: null });
    expect(next.transitions[1]!.id).not.toBe(ab.id);
    expect(MapDocumentSchema.safeParse(next).success).toBe(true);
  });

  it('places the new stage one column right of A, on its row, and moves later cards right to make room', () => {
    const { doc, stages, won } = aChainMap(3); // x = 0, 420, 840; Won at 0
    const wonAt = { x: 1400, y: 300 };
    const placed = { ...doc, outcomes: [{ ...won, position: wonAt }] };
    const added = newStage({ x: 0, y: 0 });

    const next = insertStageAfter(placed, stages[0]!.id, added);

    const at = (id: string) => [...next.stages, ...next.outcomes].find((n) => n.id === id)!.position;
    expect(at(added.id)).toEqual({ x: STAGE_STRIDE, y: 0 });
    // The closest later card (x 420) now stands one stride right of the new stage; all later cards moved alike.
    const shift = 2 * STAGE_STRIDE - 420;
    expect(at(stages[1]!.id)).toEqual({ x: 420 + shift, y: 0 });
    expect(at(stages[2]!.id)).toEqual({ x: 840 + shift, y: 0 });
    expect(at(won.id)).toEqual({ x: wonAt.x + shift, y: wonAt.y });
    expect(at(stages[0]!.id)).toEqual({ x: 0, y: 0 });
  });

  it('moves nothing when the later cards are already far enough away', () => {
    const a = aStage({ position: { x: 0, y: 0 } });
    const far = aStage({ position: { x: 2000, y: 0 } });
    const doc = aMapDocument({ stages: [a, far], transitions: [aTransition(a, far)] });
    const next = insertStageAfter(doc, a.id, newStage({ x: 0, y: 0 }));
    expect(next.stages.find((s) => s.id === far.id)!.position).toEqual({ x: 2000, y: 0 });
  });

  it('adds A→new when no arrow leads forward from A, and leaves its exits and loops alone', () => {
    const a = aStage({ name: 'A' });
    const b = aStage({ name: 'B', position: { x: 460, y: 0 } });
    const lost = anOutcome('lost', { position: { x: 900, y: 0 } });
    const ab = aTransition(a, b);
    const exit = aTransition(b, lost, { conversionRate: 0.3 });
    const loop = aTransition(b, a);
    const doc = aMapDocument({ stages: [a, b], outcomes: [lost], transitions: [ab, exit, loop] });
    const added = newStage({ x: 0, y: 0 });

    const next = insertStageAfter(doc, b.id, added);

    expect(next.transitions.slice(0, 3)).toEqual([ab, exit, loop]);
    expect(next.transitions[3]).toMatchObject({ source: b.id, target: added.id, conversionRate: null });
  });

  it('changes nothing for an unknown stage or a stage id already on the map', () => {
    const { doc, stages } = aChainMap(2);
    expect(insertStageAfter(doc, 'nowhere', newStage({ x: 0, y: 0 }))).toBe(doc);
    expect(insertStageAfter(doc, stages[0]!.id, stages[1]!)).toBe(doc);
  });

  it('never leaves the new stage covering another card (any map, any stage)', () => {
    const positions = fc.array(fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }) }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(positions, fc.nat(), (spots, pick) => {
        // Cards anywhere, even on top of each other: the new one still lands clear of all of them.
        const stages = spots.map((p) => aStage({ position: p }));
        const doc = aMapDocument({ stages });
        const after = stages[pick % stages.length]!;
        const added = newStage({ x: 0, y: 0 });
        const next = insertStageAfter(doc, after.id, added);
        const box = next.stages.find((s) => s.id === added.id)!.position;
        for (const s of next.stages) {
          if (s.id === added.id) continue;
          const overlaps =
            s.position.x < box.x + STAGE_FOOTPRINT.width &&
            box.x < s.position.x + STAGE_FOOTPRINT.width &&
            s.position.y < box.y + STAGE_FOOTPRINT.height &&
            box.y < s.position.y + STAGE_FOOTPRINT.height;
          expect(overlaps).toBe(false);
        }
      }),
    );
  });
});
