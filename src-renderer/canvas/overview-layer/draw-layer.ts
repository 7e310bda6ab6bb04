// Draws the overview layer: the scene's boxes and arrows grouped into one Path2D per
// colour once per map change, so a frame is a transform, a few fills and strokes, and
// the names that fit (layer-names.ts). Colours are styles.css's.
import type { ArrowTone, LayerBox, LayerScene, OutcomeKind, Transform } from './layer-scene';
import { visibleBoxes } from './layer-scene';
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
  stages: Path2D;
  outcomes: Map<OutcomeKind, Path2D>;
  markers: Map<OutcomeKind, Path2D>;
  arrows: Map<ArrowTone, Path2D>;
  /** Selected or bottleneck arrows, drawn again on top. */
  marked: { selected: Path2D; bottleneck: Path2D };
  markedBoxes: LayerBox[];
}

/** The arrowhead's length in map units at this zoom: as in the DOM view, but never under 7 px on screen. */
const headLength = (zoom: number) => Math.max(14, 7 / zoom);

function pathFor<K>(map: Map<K, Path2D>, key: K): Path2D {
  let path = map.get(key);
  if (!path) map.set(key, (path = new Path2D()));
  return path;
}

export function prepareScene(scene: LayerScene): PreparedScene {
  const stages = new Path2D();
  const outcomes = new Map<OutcomeKind, Path2D>();
  const markers = new Map<OutcomeKind, Path2D>();
  const markedBoxes: LayerBox[] = [];
  for (const b of scene.boxes) {
    if (b.kind === 'stage') stages.rect(b.x, b.y, b.width, b.height);
    else pathFor(b.kind === 'outcome' ? outcomes : markers, b.outcome ?? 'lost').rect(b.x, b.y, b.width, b.height);
    if (b.selected || b.bottleneck) markedBoxes.push(b);
  }
  const arrows = new Map<ArrowTone, Path2D>();
  const selected = new Path2D();
  const bottleneck = new Path2D();
  for (const a of scene.arrows) {
    const path = new Path2D(a.path);
    pathFor(arrows, a.tone).addPath(path);
    if (a.selected) selected.addPath(path);
    if (a.bottleneck) bottleneck.addPath(path);
  }
  return { scene, stages, outcomes, markers, arrows, marked: { selected, bottleneck }, markedBoxes };
}

/** Arrowheads depend on the zoom (a minimum size on screen), so they are built per frame: a triangle per arrow. */
function heads(scene: LayerScene, zoom: number): Map<ArrowTone, Path2D> {
  const length = headLength(zoom);
  const half = length * 0.45;
  const byTone = new Map<ArrowTone, Path2D>();
  for (const a of scene.arrows) {
    const { x, y, dx, dy } = a.tip;
    const path = pathFor(byTone, a.tone);
    path.moveTo(x, y);
    path.lineTo(x - dx * length - dy * half, y - dy * length + dx * half);
    path.lineTo(x - dx * length + dy * half, y - dy * length - dx * half);
    path.closePath();
  }
  return byTone;
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
  ctx.setTransform(dpr * t.zoom, 0, 0, dpr * t.zoom, dpr * t.x, dpr * t.y);
  // Lines at least a pixel and a half wide on screen, however far out.
  const px = 1 / t.zoom;
  const line = (mapUnits: number, minPx: number) => Math.max(mapUnits, minPx * px);

  // Arrows under the cards, as in the DOM view.
  ctx.lineJoin = 'round';
  for (const [tone, path] of prepared.arrows) {
    ctx.strokeStyle = ARROW_COLOUR[tone];
    ctx.lineWidth = line(3, 1.5);
    ctx.setLineDash(tone === 'loop' ? [line(10, 5), line(6, 3)] : []);
    ctx.stroke(path);
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = BOTTLENECK;
  ctx.lineWidth = line(7, 3);
  ctx.stroke(prepared.marked.bottleneck);
  ctx.strokeStyle = FOCUS;
  ctx.lineWidth = line(5, 3);
  ctx.stroke(prepared.marked.selected);
  for (const [tone, path] of heads(prepared.scene, t.zoom)) {
    ctx.fillStyle = ARROW_COLOUR[tone];
    ctx.fill(path);
  }

  ctx.fillStyle = '#ffffff';
  ctx.fill(prepared.stages);
  ctx.strokeStyle = INK_SOFT;
  ctx.lineWidth = line(3, 1);
  ctx.stroke(prepared.stages);
  for (const [kind, path] of prepared.outcomes) {
    ctx.fillStyle = OUTCOME_COLOUR[kind].fill;
    ctx.fill(path);
    ctx.strokeStyle = OUTCOME_COLOUR[kind].line;
    ctx.lineWidth = line(4, 1.5);
    ctx.stroke(path);
  }
  // The exits' outcome markers: a bar in the outcome's colour above their stage.
  for (const [kind, path] of prepared.markers) {
    ctx.fillStyle = OUTCOME_COLOUR[kind].line;
    ctx.fill(path);
  }
  for (const b of prepared.markedBoxes) {
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
  for (const name of placeNames(visibleBoxes(prepared.scene, t, { width, height }), t, measure)) {
    ctx.fillStyle = name.box.outcome ? OUTCOME_COLOUR[name.box.outcome].text : INK;
    name.lines.forEach((text, i) => ctx.fillText(text, name.x, name.y + i * NAME_LINE_PX + (NAME_LINE_PX - NAME_PX) / 2));
  }
}
