// Text for the PDF: wrapped into lines by the shared line breaker with the export
// fonts' metrics (font-metrics.ts), each line made of runs in the font that has
// their glyphs (Noto Sans, Noto Sans JP for CJK), drawn on a common baseline.
// Owning the layout lets tables measure a cell exactly before drawing it, and split
// a tall row between pages line by line.
import type PDFKit from 'pdfkit';
import { textWidth, wrapText, type TextMetrics } from '../../src-shared/domain/report/text-metrics';
import { exportTextMetrics, faceOf } from './font-metrics';
import { PDF_FONT_NAMES, type FontFace } from './fonts';

type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  /** Line height as a multiple of the size. */
  leading?: number;
}

export interface LaidRun {
  face: FontFace;
  text: string;
  width: number;
}

export interface LaidLine {
  runs: LaidRun[];
  width: number;
  height: number;
  style: TextStyle;
}

/** Measures and lays out text for one PDF with the export fonts' metrics and the shared line breaker. */
export class TextMeasurer {
  constructor(
    private readonly doc: Doc,
    private readonly metrics: TextMetrics = exportTextMetrics,
  ) {}

  /** Runs of a piece of text with their widths. */
  runs(text: string, style: TextStyle): LaidRun[] {
    const weight = style.bold ? 'bold' : 'regular';
    return this.metrics.runs(text, style.size, weight).map((r) => ({ face: faceOf(r.family, weight), text: r.text, width: r.width }));
  }

  width(text: string, style: TextStyle): number {
    return textWidth(this.metrics, text, style.size, style.bold ? 'bold' : 'regular');
  }

  lineHeight(style: TextStyle): number {
    return style.size * (style.leading ?? 1.3);
  }

  /** Wraps text to a width (src-shared's wrapText: at spaces and hyphens, between CJK characters, inside a word too long for a line). */
  layout(text: string, width: number, style: TextStyle): LaidLine[] {
    const height = this.lineHeight(style);
    return wrapText(this.metrics, text, width, style.size, style.bold ? 'bold' : 'regular').map((content) => {
      const runs = this.runs(content, style);
      return { runs, width: runs.reduce((s, r) => s + r.width, 0), height, style };
    });
  }

  /** Draws laid-out lines from (x, y) = top left; returns the height used. */
  draw(lines: readonly LaidLine[], x: number, y: number, options: { width?: number; align?: 'left' | 'right' | 'center' } = {}): number {
    let top = y;
    for (const line of lines) {
      this.drawLine(line, x, top, options);
      top += line.height;
    }
    return top - y;
  }

  drawLine(line: LaidLine, x: number, top: number, options: { width?: number; align?: 'left' | 'right' | 'center' } = {}): void {
    const { style } = line;
    // The baseline sits where a single Latin line would put it, for every font.
    const baseline = top + (line.height - style.size) / 2 + style.size * 0.86;
    let left = x;
    if (options.width !== undefined && options.align === 'right') left = x + options.width - line.width;
    if (options.width !== undefined && options.align === 'center') left = x + (options.width - line.width) / 2;
    this.doc.fillColor(style.color ?? '#1a1a1a');
    for (const run of line.runs) {
      if (run.text.trim() !== '') {
        this.doc
          .font(PDF_FONT_NAMES[run.face])
          .fontSize(style.size)
          .text(run.text, left, baseline, { lineBreak: false, baseline: 'alphabetic' });
      }
      left += run.width;
    }
  }

  /** Lays out and draws text in one go; returns the height used. */
  text(text: string, x: number, y: number, width: number, style: TextStyle, align: 'left' | 'right' | 'center' = 'left'): number {
    return this.draw(this.layout(text, width, style), x, y, { width, align });
  }
}
