// Text for the PDF: wrapped into lines by our own line breaker, each line made of
// runs in the font that has their glyphs (Noto Sans, Noto Sans JP for CJK), drawn
// on a common baseline. Owning the layout lets tables measure a cell exactly
// before drawing it, and split a tall row between pages line by line.
import type PDFKit from 'pdfkit';
import { PDF_FONT_NAMES, splitIntoRuns, type FontFace } from './fonts';

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

/** Chinese, Japanese and Korean characters: a line may break before or after each. */
function isCjk(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x2fa1f)
  );
}

/** Words, spaces and single CJK characters: the places a line may break. */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const char of paragraph) {
    const cp = char.codePointAt(0) ?? 0;
    if (char === ' ' || char === '\t') {
      if (word) out.push(word);
      word = '';
      out.push(' ');
    } else if (isCjk(cp)) {
      if (word) out.push(word);
      word = '';
      out.push(char);
    } else word += char;
  }
  if (word) out.push(word);
  return out;
}

/** Measures and lays out text against one pdfkit document, caching widths. */
export class TextMeasurer {
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: Doc) {}

  private runWidth(face: FontFace, size: number, text: string): number {
    const key = `${face}|${size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.font(PDF_FONT_NAMES[face]).fontSize(size).widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  /** Runs of a piece of text with their widths. */
  runs(text: string, style: TextStyle): LaidRun[] {
    return splitIntoRuns(text, style.bold ?? false).map((r) => ({
      ...r,
      width: this.runWidth(r.face, style.size, r.text),
    }));
  }

  width(text: string, style: TextStyle): number {
    return this.runs(text, style).reduce((sum, r) => sum + r.width, 0);
  }

  lineHeight(style: TextStyle): number {
    return style.size * (style.leading ?? 1.3);
  }

  /** Wraps text to a width: at spaces, between CJK characters, and inside a word too long for a line. */
  layout(text: string, width: number, style: TextStyle): LaidLine[] {
    const height = this.lineHeight(style);
    const lines: LaidLine[] = [];
    const finish = (content: string) => {
      const runs = this.runs(content, style);
      lines.push({ runs, width: runs.reduce((s, r) => s + r.width, 0), height, style });
    };
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      let line = '';
      let lineWidth = 0;
      let space = false;
      for (const token of tokens(paragraph)) {
        if (token === ' ') {
          space = line !== '';
          continue;
        }
        const joined = space ? ` ${token}` : token;
        space = false;
        const joinedWidth = this.width(joined, style);
        if (line !== '' && lineWidth + joinedWidth > width) {
          finish(line);
          line = '';
          lineWidth = 0;
        }
        if (line === '') {
          const pieces = this.breakWord(token, width, style);
          for (const piece of pieces.slice(0, -1)) finish(piece);
          line = pieces[pieces.length - 1] ?? '';
          lineWidth = this.width(line, style);
        } else {
          line += joined;
          lineWidth += joinedWidth;
        }
      }
      finish(line);
    }
    return lines;
  }

  /** A word too long for a line, cut where it overflows (one piece when it fits). */
  private breakWord(word: string, width: number, style: TextStyle): string[] {
    if (this.width(word, style) <= width) return [word];
    const pieces: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece && this.width(piece + char, style) > width) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    pieces.push(piece);
    return pieces;
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
