// The map pages of the PDF: the whole map fitted to a landscape page and, when
// that makes its text too small to read on paper, the map again in numbered
// parts at a legible scale, each part drawn from only the cards and arrows in it.
import type { ReportMap, ReportMapEdge } from '../../src-shared/domain/report/report-model';
import { mapScene, type MapScene } from '../../src-shared/domain/report/map-scene';
import { exportTextMetrics } from './font-metrics';
import { COLORS, TYPE, type PdfFrame } from './pdf-frame';
import { drawScene } from './pdf-scene';

/**
 * Below this many points per map unit, card text (15 units) prints under 3.75 pt and
 * titles under 5.5 pt: the map follows in parts. The five-stage template still fits
 * one A4 or Letter page (about 0.26–0.28).
 */
export const MIN_LEGIBLE_SCALE = 0.25;
const INSET = 8;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** Bounding box of an arrow: its path's points (M, L, C, Q take absolute pairs) and its label. */
function edgeBox(edge: ReportMapEdge): Box {
  const numbers = edge.path.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  let [minX, minY, maxX, maxY] = [edge.labelX, edge.labelY, edge.labelX, edge.labelY];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const x = numbers[i] as number;
    const y = numbers[i + 1] as number;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { x: minX - 60, y: minY - 20, width: maxX - minX + 120, height: maxY - minY + 40 };
}

/** The part of the map inside `tile`: the cards and arrows that reach into it. */
export function mapPart(map: ReportMap, tile: Box): ReportMap {
  return {
    ...tile,
    nodes: map.nodes.filter((n) => overlaps(n, tile)),
    edges: map.edges.filter((e) => overlaps(edgeBox(e), tile)),
  };
}

/**
 * The tiles (row by row) that some card reaches into. Found from the cards, not by
 * walking the whole grid: two cards far apart span millions of empty tiles, and the
 * work must stay bounded by the map's content.
 */
export function tilesWithCards(map: ReportMap, tileWidth: number, tileHeight: number, columns: number, rows: number): { row: number; column: number }[] {
  const keys = new Set<number>();
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  for (const n of map.nodes) {
    const c0 = clamp(Math.floor((n.x - map.x) / tileWidth), columns - 1);
    const c1 = clamp(Math.ceil((n.x + n.width - map.x) / tileWidth) - 1, columns - 1);
    const r0 = clamp(Math.floor((n.y - map.y) / tileHeight), rows - 1);
    const r1 = clamp(Math.ceil((n.y + n.height - map.y) / tileHeight) - 1, rows - 1);
    for (let row = r0; row <= r1; row++) for (let column = c0; column <= c1; column++) keys.add(row * columns + column);
  }
  return [...keys].sort((a, b) => a - b).map((key) => ({ row: Math.floor(key / columns), column: key % columns }));
}

function pageFrame(frame: PdfFrame, heading: string, caption: string): Box {
  frame.addPage('landscape');
  frame.heading(heading, 200);
  frame.y += frame.text.text(caption, frame.left, frame.y - 4, frame.width, { ...TYPE.small, size: 8.5 }) + 4;
  return { x: frame.left, y: frame.y, width: frame.width, height: frame.bottom - frame.y };
}

function drawInBox(frame: PdfFrame, box: Box, scene: MapScene): void {
  const { doc } = frame;
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  drawScene(doc, scene, { x: box.x + INSET, y: box.y + INSET, width: box.width - 2 * INSET, height: box.height - 2 * INSET });
  doc.restore();
  frame.y = frame.bottom;
}

/** A compared map with its change marks, fitted to one page under its own heading. */
export function markedMapPage(frame: PdfFrame, heading: string, caption: string, scene: MapScene): void {
  drawInBox(frame, pageFrame(frame, heading, caption), scene);
}

/**
 * The whole map on one page; when that is too small to read, the parts follow,
 * numbered and outlined on the overview so a reader can find each one.
 */
export function mapPages(frame: PdfFrame, map: ReportMap, versionName: string): void {
  // No DRAFT marks in the picture: every PDF page carries its own.
  const scene = (m: ReportMap) => mapScene(m, { metrics: exportTextMetrics, draft: false });
  const overview = pageFrame(frame, 'Process map', `${versionName} · vector drawing: zoom in on screen for detail.`);
  const inner = { width: overview.width - 2 * INSET, height: overview.height - 2 * INSET };
  const fit = Math.min(inner.width / map.width, inner.height / map.height);
  if (fit >= MIN_LEGIBLE_SCALE || map.nodes.length === 0) {
    drawInBox(frame, overview, scene(map));
    return;
  }

  // Parts: tiles of the map at a legible scale, on pages with the same box as the overview
  // (the caption line is the same height, so the box is too).
  const tileWidth = inner.width / MIN_LEGIBLE_SCALE;
  const tileHeight = inner.height / MIN_LEGIBLE_SCALE;
  const columns = Math.ceil(map.width / tileWidth);
  const rows = Math.ceil(map.height / tileHeight);
  const tiles: { box: Box; part: ReportMap }[] = [];
  for (const { row, column } of tilesWithCards(map, tileWidth, tileHeight, columns, rows)) {
    const box = { x: map.x + column * tileWidth, y: map.y + row * tileHeight, width: tileWidth, height: tileHeight };
    const part = mapPart(map, box);
    if (part.nodes.length > 0) tiles.push({ box, part });
  }

  // At this scale card text is unreadable: the overview shows the cards' titles and the arrows only.
  drawInBox(frame, overview, scene({ ...map, nodes: map.nodes.map((n) => ({ ...n, sections: [] })) }));
  // Outline and number each part on the overview.
  const { doc } = frame;
  const origin = {
    x: overview.x + INSET + (inner.width - map.width * fit) / 2,
    y: overview.y + INSET + (inner.height - map.height * fit) / 2,
  };
  tiles.forEach(({ box }, i) => {
    const x = origin.x + (box.x - map.x) * fit;
    const y = origin.y + (box.y - map.y) * fit;
    const w = Math.min(box.width, map.x + map.width - box.x) * fit;
    const h = Math.min(box.height, map.y + map.height - box.y) * fit;
    doc.rect(x, y, w, h).lineWidth(0.6).dash(2, { space: 2 }).strokeColor(COLORS.accent).stroke().undash();
    frame.text.text(String(i + 1), x + 1, y - 9, Math.max(w, 12), { size: 6.5, bold: true, color: COLORS.accent });
  });

  tiles.forEach(({ part }, i) => {
    const box = pageFrame(frame, `Process map, part ${i + 1} of ${tiles.length}`, `${versionName} · the numbered outlines on the first map page show where each part lies.`);
    drawInBox(frame, box, scene(part));
  });
}
