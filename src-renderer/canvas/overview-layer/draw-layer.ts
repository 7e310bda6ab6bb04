// Draws the overview layer: each arrow's path is parsed once per map change; a frame
// picks the boxes and arrows on screen, groups them into one Path2D per colour, and
// fills and strokes those, then writes the names that fit (layer-names.ts). Colours
// are styles.css's.
import type { ArrowTone, Bounds, LayerBox, LayerScene, OutcomeKind, Transform } from './layer-scene';
import { arrowInView, boxInView, viewBounds } from './layer-scene';
import { NAME_LINE_PX, NAME_PX, placeNames } from './layer-names';

const FAMILY = "'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const NAME_FONT = `800 ${NAME_PX}px ${FAMILY}`;
const INK = '#111827';
const INK_SOFT = '#374151';
const FOCUS = '#f59e0b';
const BOTTLENECK = '#ea580c';
const OUTCOME_COLOUR: Record<OutcomeKind, { line: string; fill: string; text: string }> = {
  won: { line: '#15803d', fill: '#f0fdf4', text: '#15803d' },
  lost: { line: '#b91c1c', fill: '#fef2f2', text: '#b91c1c' },
  no_decision: { line: '#a16207', fill: '#fffbeb', text: '#78350f' },
  disqualified: { line: '#4b5563', fill: '#f3f4f6', text: '#374151' },
};
const ARROW_COLOUR: Record<ArrowTone, string> = {
  forward: INK_SOFT,
  loop: '#6d28d9',
  'exit-won': OUTCOME_COLOUR.won.line,
  'exit-lost': OUTCOME_COLOUR.lost.line,
  'exit-disqualified': OUTCOME_COLOUR.lost.line,
  'exit-no_decision': OUTCOME_COLOUR.no_decision.line,
};

export interface PreparedScene {
  scene: LayerScene;
  /** One Path2D per arrow of the scene (same order), parsed once per map change. */
  arrowPaths: Path2D[];
}

/** The arrowhead's length in map units at this zoom: as in the DOM view, but never under 7 px on screen. */
const headLength = (zoom: number) => Math.max(14, 7 / zoom);

function pathFor<K>(map: Map<K, Path2D>, key: K): Path2D {
  let path = map.get(key);
  if (!path) map.set(key, (path = new Path2D()));
  return path;
}

export function prepareScene(scene: LayerScene): PreparedScene {
  return { scene, arrowPaths: scene.arrows.map((a) => new Path2D(a.path)) };
}

/** What is on screen this frame, grouped by colour: a frame costs what it shows, not the map's size. */
function onScreen(prepared: PreparedScene, view: Bounds, zoom: number) {
  const stages = new Path2D();
  const outcomes = new Map<OutcomeKind, Path2D>();
  const markers = new Map<OutcomeKind, Path2D>();
  const boxes: LayerBox[] = [];
  const marked: LayerBox[] = [];
  for (const b of prepared.scene.boxes) {
    if (!boxInView(b, view)) continue;
    boxes.push(b);
    if (b.kind === 'stage') stages.rect(b.x, b.y, b.width, b.height);
    else pathFor(b.kind === 'outcome' ? outcomes : markers, b.outcome ?? 'lost').rect(b.x, b.y, b.width, b.height);
    if (b.selected || b.bottleneck) marked.push(b);
  }
  const arrows = new Map<ArrowTone, Path2D>();
  const heads = new Map<ArrowTone, Path2D>();
  const selected = new Path2D();
  const bottleneck = new Path2D();
  const length = headLength(zoom);
  const half = length * 0.45;
  prepared.scene.arrows.forEach((a, i) => {
    if (!arrowInView(a, view)) return;
    const path = prepared.arrowPaths[i]!;
    pathFor(arrows, a.tone).addPath(path);
    if (a.selected) selected.addPath(path);
    if (a.bottleneck) bottleneck.addPath(path);
    const { x, y, dx, dy } = a.tip;
    const head = pathFor(heads, a.tone);
    head.moveTo(x, y);
    head.lineTo(x - dx * length - dy * half, y - dy * length + dx * half);
    head.lineTo(x - dx * length + dy * half, y - dy * length - dx * half);
    head.closePath();
  });
  return { stages, outcomes, markers, boxes, marked, arrows, heads, selected, bottleneck };
}

export interface Frame {
  transform: Transform;
  width: number;
  height: number;
  dpr: number;
}

const wordWidths = new Map<string, number>();

export function drawLayer(ctx: CanvasRenderingContext2D, prepared: PreparedScene, frame: Frame): void {
  const { transform: t, width, height, dpr } = frame;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  // A few pixels beyond the pane, so a line's width or an arrowhead at the edge is not cut.
  const shown = onScreen(prepared, viewBounds(t, { width, height }, 16), t.zoom);
  ctx.setTransform(dpr * t.zoom, 0, 0, dpr * t.zoom, dpr * t.x, dpr * t.y);
  // Lines at least a pixel and a half wide on screen, however far out.
  const px = 1 / t.zoom;
  const line = (mapUnits: number, minPx: number) => Math.max(mapUnits, minPx * px);

  // Arrows under the cards, as in the DOM view.
  ctx.lineJoin = 'round';
  for (const [tone, path] of shown.arrows) {
    ctx.strokeStyle = ARROW_COLOUR[tone];
    ctx.lineWidth = line(3, 1.5);
    ctx.setLineDash(tone === 'loop' ? [line(10, 5), line(6, 3)] : []);
    ctx.stroke(path);
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = BOTTLENECK;
  ctx.lineWidth = line(7, 3);
  ctx.stroke(shown.bottleneck);
  ctx.strokeStyle = FOCUS;
  ctx.lineWidth = line(5, 3);
  ctx.stroke(shown.selected);
  for (const [tone, path] of shown.heads) {
    ctx.fillStyle = ARROW_COLOUR[tone];
    ctx.fill(path);
  }

  ctx.fillStyle = '#ffffff';
  ctx.fill(shown.stages);
  ctx.strokeStyle = INK_SOFT;
  ctx.lineWidth = line(3, 1);
  ctx.stroke(shown.stages);
  for (const [kind, path] of shown.outcomes) {
    ctx.fillStyle = OUTCOME_COLOUR[kind].fill;
    ctx.fill(path);
    ctx.strokeStyle = OUTCOME_COLOUR[kind].line;
    ctx.lineWidth = line(4, 1.5);
    ctx.stroke(path);
  }
  // The exits' outcome markers: a bar in the outcome's colour above their stage.
  for (const [kind, path] of shown.markers) {
    ctx.fillStyle = OUTCOME_COLOUR[kind].line;
    ctx.fill(path);
  }
  for (const b of shown.marked) {
    ctx.strokeStyle = b.selected ? FOCUS : BOTTLENECK;
    ctx.lineWidth = line(b.selected ? 8 : 5, b.selected ? 4 : 3);
    ctx.strokeRect(b.x, b.y, b.width, b.height);
  }

  // Names in screen pixels: 18 px or none.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = NAME_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const measure = (word: string) => {
    let w = wordWidths.get(word);
    if (w === undefined) {
      w = ctx.measureText(word).width;
      if (wordWidths.size > 20_000) wordWidths.clear();
      wordWidths.set(word, w);
    }
    return w;
  };
  for (const name of placeNames(shown.boxes, t, measure)) {
    ctx.fillStyle = name.box.outcome ? OUTCOME_COLOUR[name.box.outcome].text : INK;
    name.lines.forEach((text, i) => ctx.fillText(text, name.x, name.y + i * NAME_LINE_PX + (NAME_LINE_PX - NAME_PX) / 2));
  }
}
