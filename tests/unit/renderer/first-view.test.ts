// A big map's first frame draws the stages in and around the view it opens at, every
// outcome and the arrows between those (first-view.ts); a small map, or one whose
// stages are all near, is drawn whole at once.
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_MIN_STAGES, nearFirstView } from '../../../src-renderer/canvas/first-view';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { aMapDocument, anOutcome, aStage, aTransition } from '../../fixtures/factories';

/** `count` stages in one row, 500 apart from x = 0, each to the next; the last to Won, every stage also to Lost; a loop from the last to the first. */
function aRow(count: number): MapDocument {
  const stages = Array.from({ length: count }, (_, i) => aStage({ name: `S${i}`, position: { x: i * 500, y: 0 } }));
  const won = anOutcome('won', { position: { x: count * 500, y: 0 } });
  const lost = anOutcome('lost', { position: { x: count * 500, y: 800 } });
  const transitions = [
    ...stages.slice(1).map((s, i) => aTransition(stages[i]!, s)),
    aTransition(stages[count - 1]!, won),
    ...stages.map((s) => aTransition(s, lost)),
    aTransition(stages[count - 1]!, stages[0]!),
  ];
  return aMapDocument({ stages, outcomes: [won, lost], transitions });
}

const screen = { width: 1000, height: 800 };

describe('the first frame of a big map', () => {
  it('keeps the stages within a screen of the view on every side, every outcome, and the arrows between them', () => {
    const doc = aRow(FIRST_VIEW_MIN_STAGES);
    // At zoom 1 from x = 0: the view is 0..1000, widened to -1000..2000; a card 380 wide reaches in from x > -1380.
    const near = nearFirstView(doc, { x: 0, y: 0, zoom: 1 }, screen)!;
    expect(near.stages.map((s) => s.name)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    expect(near.outcomes).toEqual(doc.outcomes);
    const ids = new Set([...near.stages, ...near.outcomes].map((n) => n.id));
    expect(near.transitions.every((t) => ids.has(t.source) && ids.has(t.target))).toBe(true);
    // S0→S1 … S3→S4, and S0…S4 → Lost; not S4→S5, not the loop from the last stage, not the last to Won.
    expect(near.transitions).toHaveLength(4 + 5);
    expect(near.process).toEqual(doc.process);
  });

  it('follows the view: panned and zoomed out, other stages are near', () => {
    const doc = aRow(FIRST_VIEW_MIN_STAGES);
    // At zoom 0.5 with x = -25000: the view is 50000..52000 in map units, widened to 48000..54000.
    const near = nearFirstView(doc, { x: -25_000, y: 0, zoom: 0.5 }, screen)!;
    expect(near.stages.map((s) => s.name)).toEqual(Array.from({ length: 13 }, (_, i) => `S${96 + i}`));
  });

  it('leaves out stages far above or below the view', () => {
    const doc = aRow(FIRST_VIEW_MIN_STAGES);
    const moved = { ...doc, stages: doc.stages.map((s, i) => (i === 1 ? { ...s, position: { x: 500, y: 5000 } } : s)) };
    expect(nearFirstView(moved, { x: 0, y: 0, zoom: 1 }, screen)!.stages.map((s) => s.name)).toEqual(['S0', 'S2', 'S3', 'S4']);
  });

  it('draws a map under the size limit whole, and one whose stages are all near', () => {
    expect(nearFirstView(aRow(FIRST_VIEW_MIN_STAGES - 1), { x: 0, y: 0, zoom: 1 }, screen)).toBeNull();
    expect(nearFirstView(aRow(FIRST_VIEW_MIN_STAGES), { x: 0, y: 0, zoom: 0.01 }, screen)).toBeNull();
  });

  it('draws the map whole for a view it cannot read', () => {
    const doc = aRow(FIRST_VIEW_MIN_STAGES);
    for (const zoom of [0, -1, Number.NaN]) expect(nearFirstView(doc, { x: 0, y: 0, zoom }, screen)).toBeNull();
  });
});
