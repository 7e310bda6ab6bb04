// A big map's first frame draws only what is in and around the view it opens at: the
// stages there, every outcome (a handful, and exits point at them) and the arrows
// between those. The whole map follows right after that frame is painted. On a
// 1,000-stage map most of what React Flow and the canvas do before the first paint
// grows with the number of cards (their sizes from their text, React Flow taking in
// every card and arrow), while the room sees a screenful of them.
import type { Viewport } from '@xyflow/react';
import type { MapDocument } from '../../src-shared/domain/map-document';

/** Maps with fewer stages are drawn whole at once: the first frame would save little. */
export const FIRST_VIEW_MIN_STAGES = 150;

/** A stage's box for deciding what is near before it has a size: a stage card's width, and taller than most. */
const NEAR_CARD = { width: 380, height: 700 };

/**
 * The part of `doc` a first frame at `viewport` on `screen` (px) needs: the stages whose
 * card may reach into the view widened by a screen on every side, every outcome, and
 * the transitions between those. Null for a map small enough to draw whole.
 */
export function nearFirstView(doc: MapDocument, viewport: Viewport, screen: { width: number; height: number }): MapDocument | null {
  if (doc.stages.length < FIRST_VIEW_MIN_STAGES || !(viewport.zoom > 0)) return null;
  const left = (-viewport.x - screen.width) / viewport.zoom;
  const top = (-viewport.y - screen.height) / viewport.zoom;
  const right = left + (3 * screen.width) / viewport.zoom;
  const bottom = top + (3 * screen.height) / viewport.zoom;
  const stages = doc.stages.filter(
    (s) => s.position.x + NEAR_CARD.width >= left && s.position.x <= right && s.position.y + NEAR_CARD.height >= top && s.position.y <= bottom,
  );
  if (stages.length === doc.stages.length) return null;
  const kept = new Set([...stages.map((s) => s.id), ...doc.outcomes.map((o) => o.id)]);
  return { ...doc, stages, transitions: doc.transitions.filter((t) => kept.has(t.source) && kept.has(t.target)) };
}
