// The map picture as a list of plain shapes (rectangles, paths, lines, circles and
// measured text), drawn from the report's map model in the app's colours. Every
// renderer draws the same scene: the SVG writer serialises it (HTML, SVG file, PNG),
// the PDF paints it with pdfkit directly, so all of them show one picture and the
// layout is worked out once. Text carries its runs (one font each, placed side by
// side by the injected TextMetrics), so no renderer has to fall back by itself.
import { bottleneckTag, CARD, EDGE, edgeLabelBox, OUTCOME, placeCard, type PlacedSection } from './map-layout';
import type { ReportMap, ReportMapEdge, ReportMapItem, ReportMapNode } from './report-model';
import { textWidth, type TextMetrics } from './text-metrics';

/** A change mark on a compared map (the same words as src-shared/domain/compare). */
export type MapMark = 'added' | 'removed' | 'changed';

export interface Paint {
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  /** Dash and gap lengths, as in SVG's stroke-dasharray. */
  dash?: readonly number[];
  round?: boolean;
}

/** One run of a text, drawn by one font from its left edge `x`. */
export interface SceneRun {
  text: string;
  family: string;
  x: number;
  width: number;
}

export type SceneShape =
  | ({ kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number } & Paint)
  | ({ kind: 'path'; d: string } & Paint)
  | ({ kind: 'line'; x1: number; y1: number; x2: number; y2: number } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
  | SceneText
  | SceneWatermark;

export interface SceneText {
  kind: 'text';
  /** The anchor point: left, middle or right end of the text (per `anchor`), on its baseline. */
  x: number;
  y: number;
  text: string;
  size: number;
  bold: boolean;
  italic: boolean;
  fill: string;
  anchor: 'start' | 'middle' | 'end';
  runs: SceneRun[];
}

/** The big slanted DRAFT across the map: one word, centred on (x, y), turned by `angle` degrees about (x, y − 0.36·size). */
export interface SceneWatermark {
  kind: 'watermark';
  x: number;
  y: number;
  size: number;
  angle: number;
  text: string;
  fill: string;
  fillOpacity: number;
}

export interface MapScene {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn in order: arrows, cards, arrow labels, change marks, DRAFT. */
  layers: SceneShape[][];
}

export interface MapSceneOptions {
  /** The metrics the map was laid out with (the export fonts). */
  metrics: TextMetrics;
  draft: boolean;
  /** Compared maps: what changed, by node or transition id, drawn as a badge with its sign and word. */
  marks?: Readonly<Record<string, MapMark>>;
}

/** The font the picture is set in; runs another font draws name theirs. */
export const PRIMARY_FAMILY = 'Noto Sans';

const INK = '#111827';
const INK_SOFT = '#374151';
const MUTED = '#4b5563';

export const SECTION_COLOURS = {
  customer: { bar: '#1d4ed8', bg: '#eff6ff' },
  seller: { bar: '#9a3412', bg: '#fff7ed' },
  exit: { bar: '#166534', bg: '#f0fdf4' },
} as const;

export const OUTCOME_COLOURS = {
  won: { border: '#15803d', text: '#15803d', bg: '#f0fdf4' },
  lost: { border: '#b91c1c', text: '#b91c1c', bg: '#fef2f2' },
  no_decision: { border: '#a16207', text: '#78350f', bg: '#fffbeb' },
  disqualified: { border: '#4b5563', text: '#374151', bg: '#f3f4f6' },
} as const;

const LEAN_COLOURS = { V: '#166534', N: '#6b7280', W: '#b91c1c' } as const;
const BOTTLENECK = '#ea580c';
const LOOP = { stroke: '#6d28d9', text: '#5b21b6', dash: [10, 6] };

/** The baseline of text set at `fontSize` centred in a line box starting at `top`. */
const baseline = (top: number, lineHeight: number, fontSize: number) => top + lineHeight / 2 + 0.36 * fontSize;

type TextAttrs = { size: number; bold?: boolean; italic?: boolean; fill?: string; anchor?: 'middle' | 'end' };

/** A text with its runs placed one after another from where its anchor puts it. */
function text(m: TextMetrics, x: number, y: number, content: string, attrs: TextAttrs): SceneText {
  const measured = m.runs(content, attrs.size, attrs.bold ? 'bold' : 'regular');
  const total = measured.reduce((sum, r) => sum + r.width, 0);
  let left = attrs.anchor === 'middle' ? x - total / 2 : attrs.anchor === 'end' ? x - total : x;
  const runs = measured.map((r) => {
    const run = { text: r.text, family: r.family, x: left, width: r.width };
    left += r.width;
    return run;
  });
  return { kind: 'text', x, y, text: content, size: attrs.size, bold: attrs.bold ?? false, italic: attrs.italic ?? false, fill: attrs.fill ?? INK, anchor: attrs.anchor ?? 'start', runs };
}

const rect = (x: number, y: number, width: number, height: number, paint: Paint & { rx?: number }): SceneShape => ({ kind: 'rect', x, y, width, height, ...paint });

/** Numbers in path data: one decimal at most, so the output is compact and stable. */
const n = (v: number) => String(Math.round(v * 10) / 10);

function edgeTone(edge: ReportMapEdge): { stroke: string; text: string } {
  if (edge.kind === 'loop') return { stroke: LOOP.stroke, text: LOOP.text };
  if (edge.kind === 'exit' && edge.outcomeKind) {
    const c = OUTCOME_COLOURS[edge.outcomeKind];
    return { stroke: c.border, text: c.text };
  }
  return { stroke: INK_SOFT, text: INK };
}

/** The arrow's tip and the unit vector it points along: from the model, or read off the path's last two points. */
function arrowEnd(edge: ReportMapEdge): { x: number; y: number; dx: number; dy: number } | null {
  if (edge.end) {
    const d = { right: [1, 0], left: [-1, 0], up: [0, -1], down: [0, 1] }[edge.end.direction];
    return { x: edge.end.x, y: edge.end.y, dx: d[0]!, dy: d[1]! };
  }
  const nums = (edge.path.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  if (nums.length < 4) return null;
  const x = nums[nums.length - 2]!;
  const y = nums[nums.length - 1]!;
  for (let i = nums.length - 4; i >= 0; i -= 2) {
    const dx = x - nums[i]!;
    const dy = y - nums[i + 1]!;
    const length = Math.hypot(dx, dy);
    if (length > 0.01) return { x, y, dx: dx / length, dy: dy / length };
  }
  return null;
}

/** An arrow's line and, when its end is known, its filled head. */
export function drawEdge(edge: ReportMapEdge): SceneShape[] {
  const tone = edgeTone(edge);
  const bottleneck = edge.bottleneckRank !== null;
  const stroke = bottleneck ? BOTTLENECK : tone.stroke;
  const width = bottleneck ? EDGE.bottleneckWidth : EDGE.width;
  const out: SceneShape[] = [{ kind: 'path', d: edge.path, fill: 'none', stroke, strokeWidth: width, ...(edge.kind === 'loop' ? { dash: LOOP.dash } : {}) }];
  const end = arrowEnd(edge);
  if (end) {
    const length = bottleneck ? EDGE.arrow + 6 : EDGE.arrow;
    const half = length / 2 + (bottleneck ? 2 : 0);
    const bx = end.x - end.dx * length;
    const by = end.y - end.dy * length;
    const px = -end.dy * half;
    const py = end.dx * half;
    out.push({ kind: 'path', d: `M ${n(end.x)} ${n(end.y)} L ${n(bx + px)} ${n(by + py)} L ${n(bx - px)} ${n(by - py)} Z`, fill: stroke });
  }
  return out;
}

function drawEdgeLabel(m: TextMetrics, edge: ReportMapEdge): SceneShape[] {
  if (!edge.label && edge.bottleneckRank === null) return [];
  const { fontSize, rowHeight } = EDGE.label;
  const tone = edgeTone(edge);
  const bottleneck = edge.bottleneckRank !== null;
  const { width, height } = edgeLabelBox(m, edge.label, edge.bottleneckRank);
  const left = edge.labelX - width / 2;
  let top = edge.labelY - height / 2;
  const out = [rect(left, top, width, height, { rx: 6, fill: '#ffffff', stroke: bottleneck ? BOTTLENECK : tone.stroke, strokeWidth: bottleneck ? 3 : 2 })];
  if (bottleneck) {
    out.push(rect(left, top, width, rowHeight, { rx: 6, fill: BOTTLENECK }));
    out.push(text(m, edge.labelX, baseline(top, rowHeight, fontSize), bottleneckTag(edge.bottleneckRank!), { size: fontSize, bold: true, fill: '#ffffff', anchor: 'middle' }));
    top += rowHeight;
  }
  if (edge.label) out.push(text(m, edge.labelX, baseline(top, rowHeight, fontSize), edge.label, { size: fontSize, bold: true, fill: tone.text, anchor: 'middle' }));
  return out;
}

function drawMark(m: TextMetrics, mark: NonNullable<ReportMapItem['mark']>, x: number, top: number): SceneShape[] {
  const size = CARD.mark.size;
  const y = top + (CARD.line.lineHeight - size) / 2;
  if (mark === 'check') {
    const d = `M ${n(x + 3)} ${n(y + size * 0.55)} L ${n(x + size * 0.42)} ${n(y + size - 3)} L ${n(x + size - 2)} ${n(y + 3)}`;
    return [{ kind: 'path', d, fill: 'none', stroke: SECTION_COLOURS.exit.bar, strokeWidth: 3, round: true }];
  }
  return [rect(x, y, size, size, { rx: 4, fill: LEAN_COLOURS[mark] }), text(m, x + size / 2, baseline(y, size, 11), mark, { size: 11, bold: true, fill: '#ffffff', anchor: 'middle' })];
}

function drawItems(m: TextMetrics, items: readonly ReportMapItem[], left: number, top: number): SceneShape[] {
  const out: SceneShape[] = [];
  let y = top;
  items.forEach((item, i) => {
    if (i > 0) y += CARD.line.itemGap;
    if (item.mark) out.push(...drawMark(m, item.mark, left, y));
    const textX = item.mark ? left + CARD.mark.size + CARD.mark.gap : left;
    const style =
      item.tone === 'warn'
        ? { size: CARD.line.fontSize, bold: true, fill: '#92400e' }
        : item.tone === 'muted'
          ? { size: CARD.line.fontSize, italic: true, fill: MUTED }
          : { size: CARD.line.fontSize, fill: INK };
    for (const line of item.lines) {
      out.push(text(m, textX, baseline(y, CARD.line.lineHeight, CARD.line.fontSize), line, style));
      y += CARD.line.lineHeight;
    }
    if (item.tag) {
      const { fontSize, height } = CARD.tag;
      const width = textWidth(m, item.tag.text, fontSize, 'bold') + 10;
      const warn = item.tag.tone === 'warn';
      out.push(rect(textX, y + 1, width, height, { rx: 4, fill: warn ? '#fef3c7' : '#e5e7eb' }));
      out.push(text(m, textX + 5, baseline(y + 1, height, fontSize), item.tag.text, { size: fontSize, bold: true, fill: warn ? '#92400e' : INK }));
      y += CARD.tag.rowHeight;
    }
  });
  return out;
}

/**
 * A section's background and colour bar. The one at the card's bottom follows the
 * card's rounded corners with arcs: no clip path, which resvg 2.6 can abort on.
 */
function sectionShapes(node: ReportMapNode, top: number, height: number, colours: { bar: string; bg: string }): SceneShape[] {
  const { x, width } = node;
  const bar = CARD.section.bar;
  const bottom = top + height;
  const r = CARD.radius;
  if (Math.abs(bottom - (node.y + node.height)) > 0.5 || height < r) {
    return [rect(x, top, width, height, { fill: colours.bg }), rect(x, top, bar, height, { fill: colours.bar })];
  }
  // Where the bar's right edge meets the bottom-left corner's arc.
  const barBottom = bottom - r + Math.sqrt(r * r - (r - bar) * (r - bar));
  return [
    { kind: 'path', d: `M ${n(x)} ${n(top)} H ${n(x + width)} V ${n(bottom - r)} A ${r} ${r} 0 0 1 ${n(x + width - r)} ${n(bottom)} H ${n(x + r)} A ${r} ${r} 0 0 1 ${n(x)} ${n(bottom - r)} Z`, fill: colours.bg },
    { kind: 'path', d: `M ${n(x)} ${n(top)} H ${n(x + bar)} V ${n(barBottom)} A ${r} ${r} 0 0 1 ${n(x)} ${n(bottom - r)} Z`, fill: colours.bar },
  ];
}

function drawBody(m: TextMetrics, node: ReportMapNode, placed: PlacedSection): SceneShape[] {
  const kind = placed.section.kind;
  const colours = kind === 'customer' || kind === 'seller' || kind === 'exit' ? SECTION_COLOURS[kind] : { bar: INK_SOFT, bg: '#f9fafb' };
  const top = node.y + placed.y;
  const { padTop, headingHeight, headingSize, textLeft } = CARD.section;
  return [
    ...sectionShapes(node, top, placed.height, colours),
    text(m, node.x + textLeft, baseline(top + padTop, headingHeight, headingSize), placed.section.heading.toUpperCase(), { size: headingSize, bold: true, fill: colours.bar }),
    ...drawItems(m, placed.items, node.x + textLeft, top + padTop + headingHeight),
  ];
}

function drawBadges(m: TextMetrics, texts: readonly string[], x: number, top: number, colours: { bg: string; text: string }): SceneShape[] {
  const { fontSize, height, padX, gap } = CARD.badge;
  const out: SceneShape[] = [];
  let left = x;
  for (const t of texts) {
    const width = textWidth(m, t, fontSize, 'bold') + 2 * padX;
    out.push(rect(left, top, width, height, { rx: 6, fill: colours.bg }));
    out.push(text(m, left + padX, baseline(top, height, fontSize), t, { size: fontSize, bold: true, fill: colours.text }));
    left += width + gap;
  }
  return out;
}

function drawStage(m: TextMetrics, node: ReportMapNode): SceneShape[] {
  const placed = placeCard(node, m);
  const { x, y, width, height } = node;
  const out: SceneShape[] = [rect(x + 2, y + 3, width, height, { rx: CARD.radius, fill: '#000000', fillOpacity: 0.08 }), rect(x, y, width, height, { rx: CARD.radius, fill: '#ffffff' })];
  placed.titleLines.forEach((line, i) => {
    const top = y + CARD.headerTop + i * CARD.title.lineHeight;
    out.push(text(m, x + CARD.padX, baseline(top, CARD.title.lineHeight, CARD.title.fontSize), line, { size: CARD.title.fontSize, bold: true }));
  });
  if (placed.goal) {
    let top = y + placed.goal.y + CARD.goal.gapAbove;
    for (const line of placed.goal.items.flatMap((i) => i.lines)) {
      out.push(text(m, x + CARD.padX, baseline(top, CARD.goal.lineHeight, CARD.goal.fontSize), line, { size: CARD.goal.fontSize, italic: true, fill: INK_SOFT }));
      top += CARD.goal.lineHeight;
    }
  }
  if (placed.badges) out.push(...drawBadges(m, placed.badges.texts, x + CARD.padX, y + placed.badges.y, { bg: '#ede9fe', text: '#4c1d95' }));
  if (placed.error) out.push(...drawBadges(m, [placed.error.text], x + CARD.padX, y + placed.error.y, { bg: '#b91c1c', text: '#ffffff' }));
  out.push({ kind: 'line', x1: x + 1.5, y1: y + placed.dividerY, x2: x + width - 1.5, y2: y + placed.dividerY, stroke: '#e5e7eb', strokeWidth: 2 });
  for (const body of placed.bodies) out.push(...drawBody(m, node, body));
  out.push(rect(x, y, width, height, { rx: CARD.radius, fill: 'none', stroke: node.error ? '#b91c1c' : INK_SOFT, strokeWidth: CARD.border }));
  return out;
}

function drawOutcome(m: TextMetrics, node: ReportMapNode): SceneShape[] {
  const c = OUTCOME_COLOURS[node.outcomeKind ?? 'disqualified'];
  const r = Math.round((node.height / 2) * 10) / 10;
  return [
    rect(node.x, node.y, node.width, node.height, { rx: r, fill: c.bg, stroke: c.border, strokeWidth: OUTCOME.border }),
    text(m, node.x + node.width / 2, baseline(node.y, node.height, OUTCOME.fontSize), node.title, { size: OUTCOME.fontSize, bold: true, fill: c.text, anchor: 'middle' }),
  ];
}

/** DRAFT across the picture, repeated along a wide map so every printed part shows it. */
function drawDraft(m: TextMetrics, map: ReportMap): SceneShape[] {
  const size = Math.max(48, Math.min(map.height * 0.4, map.width * 0.3, 400));
  const step = size * 4;
  // Capped: one mark per 4 sizes of a map up to 20,000,000 wide would be 100,000 texts.
  const count = Math.min(200, Math.max(1, Math.floor(map.width / step)));
  const cy = map.y + map.height / 2 + size * 0.36;
  const out: SceneShape[] = [];
  for (let i = 0; i < count; i++) {
    const cx = map.x + (map.width * (i + 0.5)) / count;
    out.push({ kind: 'watermark', x: cx, y: cy, size, angle: -20, text: 'DRAFT', fill: '#b91c1c', fillOpacity: 0.12 });
  }
  out.push(text(m, map.x + 16, map.y + 30, 'DRAFT — not yet agreed', { size: 18, bold: true, fill: '#b91c1c' }));
  return out;
}

/**
 * Each mark reads without colour: its own shape (circle +, square −, diamond Δ) with its
 * sign and word, and the card outlined (dashed when removed), so it survives a
 * black-and-white print and a washed-out projector.
 */
const MARK_STYLE: Record<MapMark, { colour: string; sign: string; word: string; dash?: number[] }> = {
  added: { colour: '#15803d', sign: '+', word: 'Added' },
  removed: { colour: '#b91c1c', sign: '−', word: 'Removed', dash: [12, 6] },
  changed: { colour: '#1d4ed8', sign: 'Δ', word: 'Changed', dash: [3, 4] },
};
const BADGE = 15;

function badge(m: TextMetrics, cx: number, cy: number, mark: MapMark): SceneShape[] {
  const st = MARK_STYLE[mark];
  const paint = { fill: '#ffffff', stroke: st.colour, strokeWidth: 3 };
  const shape: SceneShape =
    mark === 'added'
      ? { kind: 'circle', cx, cy, r: BADGE, ...paint }
      : mark === 'removed'
        ? rect(cx - BADGE, cy - BADGE, 2 * BADGE, 2 * BADGE, paint)
        : { kind: 'path', d: `M${n(cx)} ${n(cy - BADGE - 3)} L${n(cx + BADGE + 3)} ${n(cy)} L${n(cx)} ${n(cy + BADGE + 3)} L${n(cx - BADGE - 3)} ${n(cy)} Z`, ...paint };
  return [
    shape,
    text(m, cx, cy + 7, st.sign, { size: 20, bold: true, fill: st.colour, anchor: 'middle' }),
    text(m, cx - BADGE - 6, cy + 6, st.word, { size: 15, bold: true, fill: st.colour, anchor: 'end' }),
  ];
}

function drawMarks(m: TextMetrics, map: ReportMap, marks: Readonly<Record<string, MapMark>>): SceneShape[] {
  const out: SceneShape[] = [];
  for (const node of map.nodes) {
    const mark = marks[node.id];
    if (!mark) continue;
    const st = MARK_STYLE[mark];
    out.push(rect(node.x - 6, node.y - 6, node.width + 12, node.height + 12, { rx: 8, fill: 'none', stroke: st.colour, strokeWidth: 4, ...(st.dash ? { dash: st.dash } : {}) }));
    out.push(...badge(m, node.x + node.width - 4, node.y - 4, mark));
  }
  for (const edge of map.edges) {
    const mark = marks[edge.id];
    if (mark) out.push(...badge(m, edge.labelX, edge.labelY - 30, mark));
  }
  return out;
}

/** The whole map as shapes, on a white ground, layer by layer. */
export function mapScene(map: ReportMap, options: MapSceneOptions): MapScene {
  const m = options.metrics;
  const ground: SceneShape[] = [rect(map.x, map.y, map.width, map.height, { fill: '#ffffff' })];
  if (map.nodes.length === 0) {
    ground.push(text(m, map.x + map.width / 2, map.y + map.height / 2, 'No stages on the map yet', { size: 22, italic: true, fill: MUTED, anchor: 'middle' }));
  }
  const layers = [
    ground,
    map.edges.flatMap(drawEdge),
    map.nodes.flatMap((node) => (node.kind === 'stage' ? drawStage(m, node) : drawOutcome(m, node))),
    map.edges.flatMap((edge) => drawEdgeLabel(m, edge)),
  ];
  if (options.marks) layers.push(drawMarks(m, map, options.marks));
  if (options.draft) layers.push(drawDraft(m, map));
  return { x: map.x, y: map.y, width: map.width, height: map.height, layers };
}
