// Tables for the PDF (pdfkit has none): weighted columns of wrapping text, a
// header row repeated on every page the table reaches, rows kept whole when they
// fit on a page, and a row taller than a page split cleanly between lines.
import { COLORS, TYPE, type PdfFrame } from './pdf-frame';
import type { LaidLine, TextStyle } from './pdf-text';

/** One paragraph of a cell; a cell is a stack of them. */
export interface CellParagraph {
  text: string;
  style?: Partial<TextStyle>;
  /** Extra space above this paragraph. */
  gapBefore?: number;
  /** Left indent in points (for "helps:" lines under an action). */
  indent?: number;
  /** A bullet hanging left of the text, its lines aligned after it. */
  bullet?: boolean;
}
export type Cell = string | CellParagraph[];

export interface TableColumn<Row> {
  header: string;
  /** Relative width; the columns share the page width by these weights. */
  weight: number;
  align?: 'left' | 'right';
  cell: (row: Row) => Cell;
}

export interface TableOptions<Row> {
  /** Rows drawn on a warm background (e.g. the top two bottlenecks). */
  highlight?: (row: Row) => boolean;
  /** What the first cell of a continued row says when its own text is used up. */
  continuedLabel?: (row: Row) => string;
}

const PAD_X = 5;
const PAD_Y = 4;
/** A split row needs at least this much room to start on the current page. */
const MIN_SLICE = 48;

interface Item {
  line: LaidLine;
  gap: number;
  indent: number;
  bullet: boolean;
}

const BULLET_INDENT = 9;

function cellItems(frame: PdfFrame, cell: Cell, width: number): Item[] {
  const paragraphs: CellParagraph[] = typeof cell === 'string' ? [{ text: cell }] : cell;
  const items: Item[] = [];
  for (const p of paragraphs) {
    const style: TextStyle = { ...TYPE.cell, ...p.style };
    const indent = (p.indent ?? 0) + (p.bullet ? BULLET_INDENT : 0);
    frame.text.layout(p.text, Math.max(10, width - indent), style).forEach((line, i) => {
      items.push({ line, gap: i === 0 && items.length > 0 ? (p.gapBefore ?? 2) : 0, indent, bullet: i === 0 && p.bullet === true });
    });
  }
  return items;
}

const itemsHeight = (items: readonly Item[]): number => items.reduce((s, it) => s + it.gap + it.line.height, 0);

/** Height the whole table would take on one page (header and rows), to keep a short table together. */
export function tableHeight<Row>(frame: PdfFrame, columns: readonly TableColumn<Row>[], rows: readonly Row[]): number {
  const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / totalWeight) * frame.width - 2 * PAD_X);
  const rowHeight = (cells: readonly Cell[]) => Math.max(...cells.map((cell, i) => itemsHeight(cellItems(frame, cell, widths[i] ?? 0)))) + 2 * PAD_Y;
  const header = rowHeight(columns.map((c) => [{ text: c.header, style: TYPE.cellHeader }]));
  return rows.reduce((sum, row) => sum + rowHeight(columns.map((c) => c.cell(row))), header) + 8;
}

export function drawTable<Row>(
  frame: PdfFrame,
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  options: TableOptions<Row> = {},
): void {
  const { doc } = frame;
  const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / totalWeight) * frame.width);
  const xs = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const headerItems = columns.map((c, i) => cellItems(frame, [{ text: c.header, style: TYPE.cellHeader }], (widths[i] ?? 0) - 2 * PAD_X));
  const headerHeight = Math.max(...headerItems.map(itemsHeight)) + 2 * PAD_Y;

  const drawHeader = () => {
    doc.rect(frame.left, frame.y, frame.width, headerHeight).fill(COLORS.accent);
    headerItems.forEach((items, i) => {
      drawItems(items, (xs[i] ?? 0) + PAD_X, frame.y + PAD_Y, (widths[i] ?? 0) - 2 * PAD_X, columns[i]?.align);
    });
    frame.y += headerHeight;
  };
  const drawItems = (items: readonly Item[], x: number, y: number, width: number, align?: 'left' | 'right') => {
    let top = y;
    for (const it of items) {
      top += it.gap;
      if (it.bullet) {
        const size = it.line.style.size;
        frame.doc.circle(x + it.indent - BULLET_INDENT + 2, top + it.line.height / 2, size * 0.13).fill(it.line.style.color ?? COLORS.ink);
      }
      frame.text.drawLine(it.line, x + it.indent, top, { width: width - it.indent, align });
      top += it.line.height;
    }
  };
  const newPage = () => {
    frame.addPage();
    drawHeader();
  };

  // The header never sits alone at the foot of a page.
  frame.ensure(headerHeight + 3 * TYPE.cell.size * 1.3 + 2 * PAD_Y);
  drawHeader();

  rows.forEach((row, rowIndex) => {
    const cells = columns.map((c, i) => cellItems(frame, c.cell(row), (widths[i] ?? 0) - 2 * PAD_X));
    const rowHeight = Math.max(...cells.map(itemsHeight)) + 2 * PAD_Y;
    const fill = options.highlight?.(row) ? COLORS.highlight : rowIndex % 2 === 1 ? COLORS.stripe : null;
    const room = () => frame.bottom - frame.y;

    if (rowHeight > room()) {
      if (rowHeight <= frame.bodyHeight - headerHeight || room() < MIN_SLICE) newPage();
    }
    let remaining = cells;
    let continued = false;
    // Every pass draws at least one line or turns to a fresh page (where one line is
    // always taken), so two passes a line bound the loop whatever the heights.
    const maxPasses = 2 * cells.reduce((sum, items) => sum + items.length, 0) + 2;
    for (let pass = 0; pass < maxPasses; pass++) {
      // Take from each cell the lines that fit in what is left of the page.
      const limit = room() - 2 * PAD_Y;
      const slice: Item[][] = [];
      const rest: Item[][] = [];
      for (const items of remaining) {
        let used = 0;
        let n = 0;
        while (n < items.length) {
          const it = items[n] as Item;
          const h = (n === 0 ? 0 : it.gap) + it.line.height;
          if (used + h > limit) break;
          used += h;
          n += 1;
        }
        slice.push(items.slice(0, n).map((it, k) => (k === 0 ? { ...it, gap: 0 } : it)));
        rest.push(items.slice(n));
      }
      if (slice.every((items) => items.length === 0)) {
        // Not even one line fits: on a fresh page take one anyway, else turn the page.
        if (frame.y > frame.top + headerHeight + 1) {
          newPage();
          continue;
        }
        remaining.forEach((items, i) => {
          slice[i] = items.slice(0, 1);
          rest[i] = items.slice(1);
        });
      }
      if (continued && slice[0]?.length === 0 && options.continuedLabel) {
        const label = cellItems(frame, [{ text: options.continuedLabel(row), style: { color: COLORS.muted } }], (widths[0] ?? 0) - 2 * PAD_X);
        slice[0] = label.slice(0, 1);
      }
      const height = Math.max(...slice.map(itemsHeight)) + 2 * PAD_Y;
      if (fill) doc.rect(frame.left, frame.y, frame.width, height).fill(fill);
      slice.forEach((items, i) => drawItems(items, (xs[i] ?? 0) + PAD_X, frame.y + PAD_Y, (widths[i] ?? 0) - 2 * PAD_X, columns[i]?.align));
      frame.y += height;
      doc.moveTo(frame.left, frame.y).lineTo(frame.left + frame.width, frame.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      if (rest.every((items) => items.length === 0)) break;
      remaining = rest;
      continued = true;
      newPage();
    }
  });
  frame.y += 8;
}
