// Where the exits to outcomes are drawn: not as long arrows across the map to the
// shared outcome cards, but as a short arrow from the top of their stage into an
// outcome marker stacked just above it ("Lost · Chose another supplier · 10 %").
// The room reads each exit next to its stage, no line crosses the map, and the
// canvas draws only what is on screen. Pure geometry in map units.
import type { MapDocument } from '../../src-shared/domain/map-document';

/** Sizes of the marker stack (map units); the CSS of .exit-marker uses the same height. */
export const EXIT_MARKER = {
  height: 44,
  /** Up to 60 px past the card's right side, short of the next card's markers (a longer label is cut, in full in the inspector). */
  maxWidth: 388,
  /** Between two markers of one stage. */
  gap: 8,
  /** Between the card's top and the lowest marker. */
  lead: 18,
  /** The markers' left side, from the card's left side. */
  indent: 52,
  /** Where the exit arrows leave the card's top (the spine they share), from its left side. */
  spine: 26,
} as const;

/** The marker node of an exit (one per transition to an outcome). */
export const exitMarkerId = (transitionId: string) => `exit-marker:${transitionId}`;
export const isExitMarkerId = (id: string) => id.startsWith('exit-marker:');

export interface ExitMarkerSpot {
  transitionId: string;
  stageId: string;
  outcomeId: string;
  /** 0 for the marker nearest the card. */
  index: number;
  /** Relative to the stage card's top left corner. */
  position: { x: number; y: number };
}

/** The marker's top left, relative to its stage card: the index-th marker up from the card. */
export function exitMarkerPosition(index: number): { x: number; y: number } {
  return { x: EXIT_MARKER.indent, y: -EXIT_MARKER.lead - (index + 1) * EXIT_MARKER.height - index * EXIT_MARKER.gap };
}

/** Room a stage needs above its card for this many exit markers (0 when it has none). */
export function exitStackHeight(count: number): number {
  return count === 0 ? 0 : EXIT_MARKER.lead + count * EXIT_MARKER.height + (count - 1) * EXIT_MARKER.gap;
}

/** The exits of the map (stage → outcome), in transition order, each with its spot above its stage. */
export function exitMarkerSpots(doc: MapDocument): ExitMarkerSpot[] {
  const stageIds = new Set(doc.stages.map((s) => s.id));
  const outcomeIds = new Set(doc.outcomes.map((o) => o.id));
  const count = new Map<string, number>();
  const spots: ExitMarkerSpot[] = [];
  for (const t of doc.transitions) {
    if (!stageIds.has(t.source) || !outcomeIds.has(t.target)) continue;
    const index = count.get(t.source) ?? 0;
    count.set(t.source, index + 1);
    spots.push({ transitionId: t.id, stageId: t.source, outcomeId: t.target, index, position: exitMarkerPosition(index) });
  }
  return spots;
}

/** How many exit markers each stage carries. */
export function exitCounts(doc: MapDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const spot of exitMarkerSpots(doc)) counts.set(spot.stageId, (counts.get(spot.stageId) ?? 0) + 1);
  return counts;
}
