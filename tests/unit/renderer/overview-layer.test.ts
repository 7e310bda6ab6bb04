// The overview layer's geometry: the boxes and arrows it draws for the map as React Flow
// holds it (same handle spots as the DOM cards), which box a click lands on at a given
// pan and zoom, which names fit at 18 px, and when the layer takes over from the cards.
import { describe, expect, it } from 'vitest';
import { reconcileNodes, toEdges } from '../../../src-renderer/canvas/flow-adapters';
import type { MapFlowNode } from '../../../src-renderer/canvas/flow-types';
import { arrowInView, buildScene, handlePoint, hitTest, pathBounds, viewBounds, visibleBoxes, type LayerScene } from '../../../src-renderer/canvas/overview-layer/layer-scene';
import { fitName, placeNames } from '../../../src-renderer/canvas/overview-layer/layer-names';
import { LAYER_MIN_CARDS, LAYER_ZOOM, layerShown } from '../../../src-renderer/canvas/overview-layer/layer-zoom';
import { minimapViewBox, sceneBounds, viewRect } from '../../../src-renderer/canvas/overview-layer/minimap-frame';
import { aMapDocument, aStage, aTransition, anOutcome } from '../../fixtures/factories';

/** Two stages (A → B), B loops back to A, A exits to Lost, B to Won; every card 300 × 200, the markers 200 × 44. */
function aSmallMap() {
  const a = aStage({ name: 'Recognise the need', position: { x: 0, y: 0 } });
  const b = aStage({ name: 'Compare options', position: { x: 500, y: 0 } });
  const won = anOutcome('won', { position: { x: 1000, y: 0 } });
  const lost = anOutcome('lost', { position: { x: 1000, y: 400 } });
  const forward = aTransition(a, b);
  const loop = aTransition(b, a);
  const exit = aTransition(a, lost);
  const toWon = aTransition(b, won);
  const doc = aMapDocument({ stages: [a, b], outcomes: [won, lost], transitions: [forward, loop, exit, toWon] });
  const edges = toEdges(doc, exit.id, undefined, new Map([[forward.id, 1]]));
  const nodes = reconcileNodes([], doc, false, new Map(), edges).map(
    (n) => ({ ...n, selected: n.id === b.id, measured: n.type === 'exitMarker' ? { width: 200, height: 44 } : { width: 300, height: 200 } }) as MapFlowNode,
  );
  return { a, b, won, lost, forward, loop, exit, toWon, nodes, edges, scene: buildScene(nodes, edges) };
}

describe('buildScene', () => {
  it('makes a box per card at its measured size, the exit markers last, at their stage plus their offset', () => {
    const { scene, a, b, won, lost, exit } = aSmallMap();
    expect(scene.boxes.map((box) => [box.kind, box.name, box.x, box.y, box.width, box.height])).toEqual([
      ['stage', 'Recognise the need', 0, 0, 300, 200],
      ['stage', 'Compare options', 500, 0, 300, 200],
      ['outcome', won.label, 1000, 0, 300, 200],
      ['outcome', lost.label, 1000, 400, 300, 200],
      // exit-markers.ts: 52 in from the card's left, 18 + 44 above its top.
      ['exit', `→ ${lost.label}`, 52, -62, 200, 44],
      ['exit', `→ ${won.label}`, 552, -62, 200, 44],
    ]);
    const marker = scene.boxes[4]!;
    expect(marker.select).toEqual({ kind: 'transition', id: exit.id });
    expect(marker.outcome).toBe('lost');
    expect(marker.selected).toBe(true);
    expect(scene.boxes.map((box) => box.select.id).slice(0, 2)).toEqual([a.id, b.id]);
    expect(scene.boxes[1]!.selected).toBe(true);
  });

  it('uses the estimated size of a card never drawn', () => {
    const { nodes, edges } = aSmallMap();
    const unmeasured = nodes.map((n, i) => (i === 0 ? ({ ...n, measured: undefined, initialWidth: 380, initialHeight: 420 } as MapFlowNode) : n));
    expect(buildScene(unmeasured, edges).boxes[0]).toMatchObject({ width: 380, height: 420 });
  });

  it('draws each arrow from the handle the DOM card has, tinted by what it means', () => {
    const { scene, forward, loop, exit, toWon } = aSmallMap();
    const byId = new Map(scene.arrows.map((arrow) => [arrow.id, arrow]));
    // Forward: from A's right middle (300, 100) into B's left middle (500, 100), pointing right.
    expect(byId.get(forward.id)!.path.startsWith('M300,100')).toBe(true);
    expect(byId.get(forward.id)).toMatchObject({ tone: 'forward', tip: { x: 500, y: 100, dx: 1, dy: 0 }, bottleneck: true, selected: false });
    // Loop back: from B's bottom at 70 % (710, 200) into A's bottom at 30 % (90, 200), pointing up.
    expect(byId.get(loop.id)!.path.startsWith('M710 200') || byId.get(loop.id)!.path.startsWith('M710,200')).toBe(true);
    expect(byId.get(loop.id)).toMatchObject({ tone: 'loop', tip: { x: 90, y: 200, dx: 0, dy: -1 } });
    // Exit: up from A's top at the spine (26, 0) into its marker's left middle (52, -40).
    expect(byId.get(exit.id)).toMatchObject({ tone: 'exit-lost', tip: { x: 52, y: -40, dx: 1, dy: 0 }, selected: true });
    expect(byId.get(toWon.id)!.tone).toBe('exit-won');
  });

  it('leaves out an arrow whose card is missing', () => {
    const { nodes, edges, b } = aSmallMap();
    const scene = buildScene(
      nodes.filter((n) => n.id !== b.id),
      edges,
    );
    expect(scene.arrows.every((arrow) => edges.find((e) => e.id === arrow.id)!.source !== b.id && edges.find((e) => e.id === arrow.id)!.target !== b.id)).toBe(true);
    expect(scene.arrows).toHaveLength(1);
  });
});

describe('handlePoint', () => {
  it('puts the handles where StageNode has them', () => {
    const rect = { x: 10, y: 20, width: 100, height: 50 };
    expect(handlePoint(rect, 'in')).toMatchObject({ x: 10, y: 45 });
    expect(handlePoint(rect, 'out')).toMatchObject({ x: 110, y: 45 });
    expect(handlePoint(rect, 'loop-out')).toMatchObject({ x: 80, y: 70 });
    expect(handlePoint(rect, 'loop-in')).toMatchObject({ x: 40, y: 70 });
    expect(handlePoint(rect, 'exit-out')).toMatchObject({ x: 36, y: 20 });
  });
});

describe('hitTest', () => {
  // Zoom 0.1, the map's origin 100 px right and 50 px down on the pane.
  const t = { x: 100, y: 50, zoom: 0.1 };

  it('finds the card under a point of the pane', () => {
    const { scene, b } = aSmallMap();
    // B spans map x 500–800, y 0–200: screen x 150–180, y 50–70.
    expect(hitTest(scene, t, { x: 165, y: 60 })?.id).toBe(b.id);
    expect(hitTest(scene, t, { x: 140, y: 60 })).toBeNull();
  });

  it('prefers the exit marker drawn over its stage, and selects its exit', () => {
    const { scene, exit } = aSmallMap();
    // The marker spans map x 52–252, y -62 to -18: screen x 105.2–125.2, y 43.8–48.2.
    expect(hitTest(scene, t, { x: 110, y: 46 })?.select).toEqual({ kind: 'transition', id: exit.id });
  });

  it('takes a click a few pixels beside a small box as on it', () => {
    const { scene, won } = aSmallMap();
    // Won spans screen x 200–230: 2 px right of it counts, 5 px does not.
    expect(hitTest(scene, t, { x: 232, y: 60 })?.id).toBe(won.id);
    expect(hitTest(scene, t, { x: 235, y: 60 })).toBeNull();
  });
});

describe('visibleBoxes', () => {
  it('keeps the boxes that overlap the pane', () => {
    const { scene, a, b } = aSmallMap();
    // Zoom 1 at the origin on a 600 × 300 pane: A (0–300) and B (500–800) overlap it; the outcomes (from 1000)
    // and the markers above the cards (y −62 to −18) do not.
    const ids = visibleBoxes(scene, { x: 0, y: 0, zoom: 1 }, { width: 600, height: 300 }).map((box) => box.id);
    expect(ids).toEqual([a.id, b.id]);
    // 100 px further down the map, both markers show too.
    expect(visibleBoxes(scene, { x: 0, y: 100, zoom: 1 }, { width: 600, height: 300 })).toHaveLength(4);
  });
});

/** Ten pixels per character, spaces included. */
const tenPerChar = (word: string) => word.length * 10;

describe('what a frame draws', () => {
  it('bounds a path by its end and control points', () => {
    expect(pathBounds('M300,100 C400,100 400,100 500,100')).toEqual({ left: 300, top: 100, right: 500, bottom: 100 });
    // A loop back: down from (710, 200) to 260, across, and up into (90, 200).
    expect(pathBounds('M710 200L 710,244Q 710,260 694,260L 106,260Q 90,260 90,244L90 200')).toEqual({ left: 90, top: 200, right: 710, bottom: 260 });
    expect(pathBounds('M26 0L 26,-32Q 26,-40 34,-40L52 -40')).toEqual({ left: 26, top: -40, right: 52, bottom: 0 });
  });

  it('draws only the arrows that cross the view, margin included', () => {
    const { scene, forward, toWon } = aSmallMap();
    // Zoom 1, panned 820 px left: the view is map x 820–1020 on a 200 px pane; with a 10 px margin, 810–1030.
    const view = viewBounds({ x: -820, y: 0, zoom: 1 }, { width: 200, height: 300 }, 10);
    expect(view).toEqual({ left: 810, top: -10, right: 1030, bottom: 310 });
    const shown = scene.arrows.filter((a) => arrowInView(a, view)).map((a) => a.id);
    // Forward A → B ends at 500; the exit to Won goes up from B's top at 526 into its marker at 552.
    expect(shown).not.toContain(forward.id);
    expect(shown).not.toContain(toWon.id);
    expect(scene.arrows.filter((a) => arrowInView(a, viewBounds({ x: -400, y: 0, zoom: 1 }, { width: 200, height: 300 }))).map((a) => a.id)).toContain(forward.id);
  });
});

describe('fitName', () => {
  it('wraps a name onto the lines the card has room for', () => {
    // Inner width 100 − 8 = 92: "Compare" (70) and "options" (70) do not share a line; height 60 holds two lines of 20.
    expect(fitName('Compare options', 100, 60, tenPerChar)).toEqual(['Compare', 'options']);
    expect(fitName('Compare options', 200, 60, tenPerChar)).toEqual(['Compare options']);
  });

  it('writes nothing when a word is wider than the card or the lines are more than it holds', () => {
    expect(fitName('Compare options', 70, 60, tenPerChar)).toBeNull();
    expect(fitName('Compare options', 100, 40, tenPerChar)).toBeNull();
    expect(fitName('   ', 100, 60, tenPerChar)).toBeNull();
  });
});

describe('placeNames', () => {
  it('centres the fitting names in their cards and writes none on exit markers', () => {
    const scene: LayerScene = aSmallMap().scene;
    // Zoom 0.5: a card is 150 × 100 px; "Compare options" (150 wide) takes two lines in 142.
    const placed = placeNames(scene.boxes, { x: 10, y: 20, zoom: 0.5 }, tenPerChar);
    expect(placed.every((p) => p.box.kind !== 'exit')).toBe(true);
    const b = placed.find((p) => p.box.name === 'Compare options')!;
    expect(b.lines).toEqual(['Compare', 'options']);
    // Card B on screen: x 260–410, y 20–120; two lines of 20 px centred: top at 20 + (100 − 40) / 2.
    expect([b.x, b.y]).toEqual([335, 50]);
  });

  it('leaves every card a plain box when too small for an 18 px word', () => {
    expect(placeNames(aSmallMap().scene.boxes, { x: 0, y: 0, zoom: 0.1 }, tenPerChar)).toEqual([]);
  });
});

describe('layerShown', () => {
  it('takes over below the zoom where the DOM cards’ names fall under 18 px, on maps of enough cards', () => {
    expect(LAYER_ZOOM * 54).toBeCloseTo(18);
    expect(layerShown(0.33, LAYER_MIN_CARDS)).toBe(true);
    expect(layerShown(LAYER_ZOOM, LAYER_MIN_CARDS)).toBe(false);
    expect(layerShown(0.1, LAYER_MIN_CARDS - 1)).toBe(false);
  });
});

describe('the minimap frame while the layer draws', () => {
  it('bounds every card of the scene, markers included', () => {
    expect(sceneBounds(aSmallMap().scene)).toEqual({ x: 0, y: -62, width: 1300, height: 662 });
    expect(sceneBounds({ boxes: [], arrows: [] })).toBeNull();
  });

  it('reads the view from React Flow’s transform', () => {
    // Pan (−100, 50) at zoom 0.5 on an 800 × 600 pane: map x 200–1800, y −100–1100.
    expect(viewRect([-100, 50, 0.5], { width: 800, height: 600 })).toEqual({ x: 200, y: -100, width: 1600, height: 1200 });
  });

  it('frames the cards and the view together in the panel’s 4:3, centred, with a margin of five panel pixels', () => {
    // Cards 0–1200 × 0–300, view 0–600 × 0–900: together 1200 × 900, exactly 4:3 at 6 map units a pixel; margin 30.
    expect(minimapViewBox({ x: 0, y: 0, width: 1200, height: 300 }, { x: 0, y: 0, width: 600, height: 900 })).toEqual({ x: -30, y: -30, width: 1260, height: 960 });
    // A wide map alone: 2000 × 300 is 10 map units a pixel; the 1500 high frame is centred on its 300.
    expect(minimapViewBox(null, { x: 0, y: 0, width: 2000, height: 300 })).toEqual({ x: -50, y: -650, width: 2100, height: 1600 });
  });
});
