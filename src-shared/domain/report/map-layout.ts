// The map as a picture model: stage cards and outcome pills at the positions the
// facilitator gave them, arrows between card sides, labels and bottleneck marks.
// Laid out once here (text measured with the injected TextMetrics: the export fonts)
// and drawn by the SVG writer, so the PDF, PNG, SVG and HTML pictures are the same picture.
import { rankBottlenecks, resolveRates, type BottleneckRanking, type FlowFailure } from '../analytics';
import { OUTCOME_LABELS, type Action, type MapDocument, type Outcome, type Stage } from '../map-document';
import { classifyTransitions } from '../transition-kind';
import { formatDays, formatPercent } from './format';
import type { ReportMap, ReportMapEdge, ReportMapItem, ReportMapNode, ReportMapSection } from './report-model';
import { BoxIndex, boxAround, chooseSpot } from './label-placement';
import { textWidth, wrapText, type TextMetrics } from './text-metrics';

/** Sizes of the drawing, in map units (px at 100 %): shared with the SVG writer. */
export const CARD = {
  width: 380,
  radius: 12,
  border: 3,
  padX: 16,
  headerTop: 12,
  headerBottom: 10,
  title: { fontSize: 22, lineHeight: 28 },
  goal: { fontSize: 15, lineHeight: 20, gapAbove: 4 },
  badge: { fontSize: 13, height: 22, rowHeight: 28, padX: 7, gap: 6 },
  section: { padTop: 8, padBottom: 8, bar: 8, textLeft: 20, padRight: 14, headingSize: 12, headingHeight: 20 },
  line: { fontSize: 15, lineHeight: 20, itemGap: 4 },
  mark: { size: 18, gap: 6 },
  tag: { fontSize: 12, height: 18, rowHeight: 22 },
} as const;

export const OUTCOME = { height: 64, minWidth: 200, padX: 28, fontSize: 24, border: 4 } as const;

export const EDGE = {
  width: 3,
  bottleneckWidth: 7,
  arrow: 14,
  loopDrop: 50,
  loopLane: 26,
  loopRadius: 16,
  label: { fontSize: 15, rowHeight: 26, padX: 8 },
} as const;

const MARGIN = 40;
const EMPTY_MAP = { width: 640, height: 240 };

const LEAN_MARK = { value: 'V', necessary: 'N', waste: 'W' } as const;

function item(m: TextMetrics, text: string, width: number, extra: Partial<ReportMapItem> = {}): ReportMapItem {
  const mark = extra.mark ?? null;
  const textSpace = mark ? width - CARD.mark.size - CARD.mark.gap : width;
  return { mark, tag: extra.tag ?? null, tone: extra.tone ?? 'normal', lines: wrapText(m, text, textSpace, CARD.line.fontSize) };
}

function itemsHeight(items: readonly ReportMapItem[]): number {
  return items.reduce(
    (h, it, i) => h + it.lines.length * CARD.line.lineHeight + (it.tag ? CARD.tag.rowHeight : 0) + (i > 0 ? CARD.line.itemGap : 0),
    0,
  );
}

function actionItem(m: TextMetrics, action: Action, width: number, customerIds: ReadonlySet<string>): ReportMapItem {
  const tag =
    action.actor === 'seller'
      ? action.serves.some((id) => customerIds.has(id))
        ? null
        : { text: 'helps no customer action', tone: 'warn' as const }
      : action.actor === 'customer'
        ? null
        : { text: action.actor, tone: 'neutral' as const };
  const text = action.text.trim() || '(no text yet)';
  return item(m, text, width, { mark: action.leanClass ? LEAN_MARK[action.leanClass] : null, tag, tone: action.text.trim() ? 'normal' : 'muted' });
}

function section(kind: ReportMapSection['kind'], heading: string, items: ReportMapItem[]): ReportMapSection {
  return { kind, heading, lines: items.flatMap((i) => i.lines), items };
}

/** A section's items; a hand-made section without them reads each line as one item. */
export function itemsOf(s: ReportMapSection): ReportMapItem[] {
  return s.items ?? s.lines.map((line) => ({ mark: null, tag: null, tone: 'normal', lines: [line] }));
}

export interface PlacedSection {
  section: ReportMapSection;
  items: ReportMapItem[];
  /** Offset from the card's top. */
  y: number;
  height: number;
}

/** Where everything on a stage card goes, from its top: what the layout sizes and the SVG writer draws. */
export interface CardPlacement {
  titleLines: string[];
  goal: PlacedSection | null;
  /** The badges row (days, %C&A). */
  badges: { texts: string[]; y: number } | null;
  /** The rate error row. */
  error: { text: string; y: number } | null;
  /** The line under the header. */
  dividerY: number;
  bodies: PlacedSection[];
  height: number;
}

/** Sections placed in order under the title; a section's own y and height (set by the layout) win. */
export function placeCard(node: ReportMapNode, m: TextMetrics): CardPlacement {
  const titleLines = node.titleLines ?? wrapText(m, node.title, node.width - 2 * CARD.padX, CARD.title.fontSize, 'bold');
  let y = CARD.headerTop + titleLines.length * CARD.title.lineHeight;
  const goalSection = node.sections.find((s) => s.kind === 'goal');
  let goal: PlacedSection | null = null;
  if (goalSection) {
    const items = itemsOf(goalSection);
    const height = CARD.goal.gapAbove + items.reduce((h, i) => h + i.lines.length, 0) * CARD.goal.lineHeight;
    goal = { section: goalSection, items, y: goalSection.y ?? y, height: goalSection.height ?? height };
    y += height;
  }
  const numbers = node.sections.find((s) => s.kind === 'numbers');
  let badges: CardPlacement['badges'] = null;
  if (numbers && numbers.lines.length > 0) {
    badges = { texts: numbers.lines, y: numbers.y ?? y + 4 };
    y += 4 + CARD.badge.rowHeight;
  }
  let error: CardPlacement['error'] = null;
  if (node.error) {
    error = { text: node.error, y: y + 4 };
    y += 4 + CARD.badge.rowHeight;
  }
  y += CARD.headerBottom;
  const dividerY = y;
  const bodies: PlacedSection[] = [];
  for (const s of node.sections) {
    if (s.kind === 'goal' || s.kind === 'numbers') continue;
    const items = itemsOf(s);
    const height = CARD.section.padTop + CARD.section.headingHeight + itemsHeight(items) + CARD.section.padBottom;
    bodies.push({ section: s, items, y: s.y ?? y, height: s.height ?? height });
    y += height;
  }
  return { titleLines, goal, badges, error, dividerY, bodies, height: y };
}

/** A stage card: header (title, goal, numbers), then customer, seller and exit sections. */
function stageNode(m: TextMetrics, stage: Stage, error: string | null): ReportMapNode {
  const headerWidth = CARD.width - 2 * CARD.padX;
  const bodyWidth = CARD.width - CARD.section.textLeft - CARD.section.padRight;
  const title = stage.name.trim() || 'Unnamed stage';
  const sections: ReportMapSection[] = [];
  if (stage.customerGoal.trim()) {
    sections.push(section('goal', 'Customer goal', [{ mark: null, tag: null, tone: 'normal', lines: wrapText(m, stage.customerGoal.trim(), headerWidth, CARD.goal.fontSize) }]));
  }
  const badges = [
    ...(stage.daysPerVisit === null ? [] : [`${formatDays(stage.daysPerVisit)} per visit`]),
    ...(stage.completeAndAccurate === null ? [] : [`C&A ${formatPercent(stage.completeAndAccurate)}`]),
  ];
  if (badges.length > 0) sections.push(section('numbers', '', badges.map((b) => ({ mark: null, tag: null, tone: 'normal', lines: [b] }))));

  const customer = stage.actions.filter((a) => a.actor === 'customer');
  const customerIds = new Set(customer.map((a) => a.id));
  const sellerSide = stage.actions.filter((a) => a.actor !== 'customer');
  sections.push(
    section(
      'customer',
      'Customer does',
      customer.length === 0 ? [item(m, 'No customer action yet', bodyWidth, { tone: 'warn' })] : customer.map((a) => actionItem(m, a, bodyWidth, customerIds)),
    ),
    section(
      'seller',
      'We do',
      sellerSide.length === 0 ? [item(m, 'No seller action yet', bodyWidth, { tone: 'muted' })] : sellerSide.map((a) => actionItem(m, a, bodyWidth, customerIds)),
    ),
    section(
      'exit',
      'Exit criteria',
      stage.exitCriteria.length === 0
        ? [item(m, 'No exit criteria yet', bodyWidth, { tone: 'warn' })]
        : stage.exitCriteria.map((c) => item(m, c.text.trim() || '(no text yet)', bodyWidth, { mark: 'check', tone: c.text.trim() ? 'normal' : 'muted' })),
    ),
  );
  const node: ReportMapNode = {
    id: stage.id,
    kind: 'stage',
    outcomeKind: null,
    x: stage.position.x,
    y: stage.position.y,
    width: CARD.width,
    height: 0,
    title,
    titleLines: wrapText(m, title, headerWidth, CARD.title.fontSize, 'bold'),
    sections,
    error,
  };
  const placed = placeCard(node, m);
  for (const p of [placed.goal, ...placed.bodies]) if (p) Object.assign(p.section, { y: p.y, height: p.height });
  const numbers = sections.find((x) => x.kind === 'numbers');
  if (numbers && placed.badges) Object.assign(numbers, { y: placed.badges.y, height: CARD.badge.rowHeight });
  return { ...node, height: placed.height };
}

function outcomeNode(m: TextMetrics, outcome: Outcome): ReportMapNode {
  const title = outcome.label.trim() || OUTCOME_LABELS[outcome.kind];
  const width = Math.max(OUTCOME.minWidth, Math.ceil(textWidth(m, title, OUTCOME.fontSize, 'bold')) + 2 * OUTCOME.padX);
  return {
    id: outcome.id,
    kind: 'outcome',
    outcomeKind: outcome.kind,
    x: outcome.position.x,
    y: outcome.position.y,
    width,
    height: OUTCOME.height,
    title,
    titleLines: [title],
    sections: [],
    error: null,
  };
}

/** React Flow's control offset for a bezier between facing handles (curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

interface Drawn {
  path: string;
  /** Where the label may go, best first. */
  labelSpots: { x: number; y: number }[];
  end: NonNullable<ReportMapEdge['end']>;
  /** Points that bound the drawn line, for the picture's bounding box. */
  extent: { x: number; y: number }[];
}

/** Right side of the source to the left side of the target; the arrow's tip is where the path ends. */
function bezier(source: ReportMapNode, target: ReportMapNode): Drawn {
  const sx = source.x + source.width;
  const sy = source.y + source.height / 2;
  const tx = target.x;
  const ey = target.y + target.height / 2;
  const offset = controlOffset(tx - sx);
  const c1x = sx + offset;
  const c2x = tx - offset;
  const at = (t: number) => {
    const u = 1 - t;
    return {
      x: u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx,
      y: u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ey + t * t * t * ey,
    };
  };
  return {
    path: `M ${r1(sx)} ${r1(sy)} C ${r1(c1x)} ${r1(sy)} ${r1(c2x)} ${r1(ey)} ${r1(tx)} ${r1(ey)}`,
    labelSpots: [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88].map(at),
    end: { x: r1(tx), y: r1(ey), direction: 'right' },
    extent: Array.from({ length: 17 }, (_, i) => at(i / 16)),
  };
}

/** Down from the source's bottom, across below both cards, up into the target's bottom. */
function loop(source: ReportMapNode, target: ReportMapNode, lane: number): Drawn {
  const sx = source.x + source.width * 0.7;
  const sy = source.y + source.height;
  const tx = target.x + target.width * 0.3;
  const ty = target.y + target.height;
  const laneY = Math.max(sy, ty) + EDGE.loopDrop + lane * EDGE.loopLane;
  const r = Math.min(EDGE.loopRadius, Math.abs(tx - sx) / 2, laneY - Math.max(sy, ty));
  const dir = tx < sx ? -1 : 1;
  const path =
    r < 1
      ? `M ${r1(sx)} ${r1(sy)} L ${r1(sx)} ${r1(laneY)} L ${r1(tx)} ${r1(laneY)} L ${r1(tx)} ${r1(ty)}`
      : `M ${r1(sx)} ${r1(sy)} L ${r1(sx)} ${r1(laneY - r)} Q ${r1(sx)} ${r1(laneY)} ${r1(sx + dir * r)} ${r1(laneY)} ` +
        `L ${r1(tx - dir * r)} ${r1(laneY)} Q ${r1(tx)} ${r1(laneY)} ${r1(tx)} ${r1(laneY - r)} L ${r1(tx)} ${r1(ty)}`;
  return {
    path,
    labelSpots: [0.5, 0.35, 0.65, 0.2, 0.8].map((f) => ({ x: sx + (tx - sx) * f, y: laneY })),
    end: { x: r1(tx), y: r1(ty), direction: 'up' },
    extent: [
      { x: sx, y: sy },
      { x: sx, y: laneY },
      { x: tx, y: laneY },
    ],
  };
}

/**
 * The size of an edge label's box as the SVG writer draws it: the bottleneck tag on a
 * row of its own above the text, so a label between close cards stays narrow.
 */
export function edgeLabelBox(m: TextMetrics, label: string, bottleneckRank: number | null): { width: number; height: number; rows: number } {
  const { fontSize, padX, rowHeight } = EDGE.label;
  const widths = [
    ...(bottleneckRank === null ? [] : [textWidth(m, bottleneckTag(bottleneckRank), fontSize, 'bold')]),
    ...(label ? [textWidth(m, label, fontSize, 'bold')] : []),
  ];
  return { width: Math.max(0, ...widths) + 2 * padX, height: widths.length * rowHeight, rows: widths.length };
}

export function bottleneckTag(rank: number): string {
  return `Bottleneck #${rank}`;
}

export interface MapLayoutOptions {
  /** How text is measured: the fonts the exports embed (src-main/export/font-metrics.ts). */
  metrics: TextMetrics;
  /** The ranking from analyseProcess, to mark the top two; computed when left out. */
  bottlenecks?: BottleneckRanking | FlowFailure;
}

/** The whole picture of the map, with a bounding box that holds everything drawn. */
export function layoutReportMap(doc: MapDocument, options: MapLayoutOptions): ReportMap {
  const m = options.metrics;
  const rates = resolveRates(doc);
  const nodes: ReportMapNode[] = [
    ...doc.stages.map((s) => {
      const r = rates.get(s.id)!;
      return stageNode(m, s, r.exceeds100 ? `Ways out add up to ${formatPercent(r.enteredSum)}` : null);
    }),
    ...doc.outcomes.map((o) => outcomeNode(m, o)),
  ];
  if (nodes.length === 0) return { x: 0, y: 0, ...EMPTY_MAP, nodes: [], edges: [] };

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outcomeKind = new Map(doc.outcomes.map((o) => [o.id, o.kind]));
  const kinds = classifyTransitions(doc);
  const resolved = new Map([...rates.values()].flatMap((s) => s.outgoing.map((r) => [r.transitionId, r] as const)));
  const ranking = options.bottlenecks ?? rankBottlenecks(doc);
  const ranks = new Map(ranking.ok ? ranking.candidates.filter((c) => c.top).map((c) => [c.transitionId, c.rank]) : []);

  const drawnEdges: { edge: Omit<ReportMapEdge, 'labelX' | 'labelY'>; spots: Drawn['labelSpots'] }[] = [];
  const extent: { x: number; y: number }[] = nodes.flatMap((n) => [
    { x: n.x, y: n.y },
    { x: n.x + n.width, y: n.y + n.height },
  ]);
  let loops = 0;
  for (const t of doc.transitions) {
    const source = byId.get(t.source);
    const target = byId.get(t.target);
    if (!source || !target || source.kind !== 'stage' || t.source === t.target) continue;
    const kind = kinds.get(t.id) ?? (target.kind === 'outcome' ? 'exit' : 'forward');
    const drawn = kind === 'loop' ? loop(source, target, loops++ % 4) : bezier(source, target);
    const rate = resolved.get(t.id);
    const name = t.label.trim() || (kind === 'loop' ? 'loop back' : kind === 'exit' ? 'exit' : '');
    const rateText = rate?.rate == null ? '' : `${formatPercent(rate.rate)}${rate.from === 'rest' ? ' (rest)' : ''}`;
    const label = [name, rateText].filter(Boolean).join(' · ');
    const bottleneckRank = ranks.get(t.id) ?? null;
    drawnEdges.push({
      edge: { id: t.id, kind, outcomeKind: outcomeKind.get(t.target) ?? null, path: drawn.path, label, bottleneckRank, end: drawn.end },
      spots: drawn.labelSpots,
    });
    extent.push(...drawn.extent);
  }

  // Labels go where they hide no card and no other label if they can; the bottlenecks choose first.
  const obstacles = new BoxIndex();
  for (const node of nodes) obstacles.add({ x0: node.x, y0: node.y, x1: node.x + node.width, y1: node.y + node.height });
  const labelAt = new Map<string, { x: number; y: number }>();
  const byPriority = [...drawnEdges].sort((a, b) => (a.edge.bottleneckRank ?? Infinity) - (b.edge.bottleneckRank ?? Infinity));
  for (const { edge, spots } of byPriority) {
    if (!edge.label && edge.bottleneckRank === null) continue;
    const { width, height } = edgeLabelBox(m, edge.label, edge.bottleneckRank);
    const spot = chooseSpot(spots, width + 8, height + 8, obstacles);
    const box = boxAround(spot.x, spot.y, width, height);
    obstacles.add(box);
    labelAt.set(edge.id, spot);
    extent.push({ x: box.x0, y: box.y0 }, { x: box.x1, y: box.y1 });
  }
  const edges: ReportMapEdge[] = drawnEdges.map(({ edge, spots }) => {
    const spot = labelAt.get(edge.id) ?? spots[0]!;
    return { ...edge, labelX: r1(spot.x), labelY: r1(spot.y) };
  });

  // A loop, not Math.min(...points): a map of thousands of arrows would overflow the call stack.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of extent) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  const x = Math.floor(minX - MARGIN);
  const y = Math.floor(minY - MARGIN);
  return { x, y, width: Math.ceil(maxX + MARGIN - x), height: Math.ceil(maxY + MARGIN - y), nodes, edges };
}
