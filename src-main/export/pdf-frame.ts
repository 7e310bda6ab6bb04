// The PDF's pages as a cursor running down them: paper, margins, the house
// colours and type sizes, headings that keep with what follows, and the running
// header, footer ("Page n of m") and DRAFT marks stamped on every page at the end.
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { PDF_FONT_NAMES, fontBytes, type FontFace } from './fonts';
import { TextMeasurer, type TextStyle } from './pdf-text';

// pdfkit loads with the first PDF, not with the export code: a CSV export never needs it.
// A package name, not a path: the bundle keeps dependencies external.
const requireHere = createRequire(__filename);
let pdfkit: typeof PDFKitDocument | undefined;
export const PDFDocument = () => (pdfkit ??= requireHere('pdfkit') as typeof PDFKitDocument);

export type Paper = 'A4' | 'Letter';
export type Layout = 'portrait' | 'landscape';

export const COLORS = {
  ink: '#16202c',
  muted: '#56606d',
  accent: '#1d3b63',
  accentSoft: '#e8eef6',
  rule: '#cfd6df',
  stripe: '#f4f6f9',
  highlight: '#fff3cd',
  draft: '#b42318',
  draftSoft: '#fde8e6',
  agreed: '#1a7f37',
  agreedSoft: '#e6f4ea',
} as const;

export const TYPE = {
  title: { size: 26, bold: true, color: COLORS.ink, leading: 1.2 },
  subtitle: { size: 13, color: COLORS.muted },
  h1: { size: 16, bold: true, color: COLORS.accent, leading: 1.25 },
  h2: { size: 11.5, bold: true, color: COLORS.ink },
  body: { size: 9.5, color: COLORS.ink, leading: 1.4 },
  label: { size: 8, bold: true, color: COLORS.muted },
  small: { size: 7.5, color: COLORS.muted },
  cell: { size: 8.5, color: COLORS.ink, leading: 1.3 },
  cellHeader: { size: 8, bold: true, color: '#ffffff', leading: 1.25 },
} satisfies Record<string, TextStyle>;

const MARGIN = { top: 58, bottom: 54, side: 48 };

export interface FrameOptions {
  paper: Paper;
  title: string;
  draft: boolean;
  createdAt: Date;
  info: { title: string; author: string; subject: string };
}

/** One PDF being written: the document, its text engine and the cursor `y`. */
export class PdfFrame {
  readonly doc: PDFKit.PDFDocument;
  readonly text: TextMeasurer;
  y = 0;
  layout: Layout = 'portrait';
  /** 1-based page of the first heading since this was last set to null (a section's start, for the contents). */
  sectionPage: number | null = null;

  constructor(private readonly options: FrameOptions) {
    this.doc = new (PDFDocument())({
      size: options.paper === 'A4' ? 'A4' : 'LETTER',
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
      info: {
        Title: options.info.title,
        Author: options.info.author,
        Subject: options.info.subject,
        Creator: 'Leanmap',
        Producer: 'Leanmap',
        // From the report, not the clock, so the same report gives the same bytes.
        CreationDate: options.createdAt,
        ModDate: options.createdAt,
      },
      lang: 'en',
      displayTitle: true,
    });
    for (const face of Object.keys(PDF_FONT_NAMES) as FontFace[]) {
      this.doc.registerFont(PDF_FONT_NAMES[face], fontBytes(face));
    }
    this.text = new TextMeasurer(this.doc);
  }

  get left(): number {
    return MARGIN.side;
  }
  get width(): number {
    return this.doc.page.width - 2 * MARGIN.side;
  }
  get top(): number {
    return MARGIN.top;
  }
  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }
  /** Height of an empty page's body. */
  get bodyHeight(): number {
    return this.bottom - this.top;
  }

  addPage(layout: Layout = this.layout): void {
    this.layout = layout;
    this.doc.addPage({ layout, size: this.options.paper === 'A4' ? 'A4' : 'LETTER' });
    // Under the content, so the watermark never covers a word.
    if (this.options.draft) this.watermark();
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.addPage();
  }

  /** A section heading with a rule; keeps `keep` points of what follows on the same page. */
  heading(text: string, keep = 80): void {
    const lines = this.text.layout(text, this.width, TYPE.h1);
    const height = lines.reduce((s, l) => s + l.height, 0);
    if (this.y > this.top) this.y += 14;
    this.ensure(height + 10 + keep);
    this.sectionPage ??= this.doc.bufferedPageRange().count;
    this.text.draw(lines, this.left, this.y);
    this.y += height + 3;
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(1.2).strokeColor(COLORS.accent).stroke();
    this.y += 10;
  }

  subheading(text: string, keep = 40): void {
    const lines = this.text.layout(text, this.width, TYPE.h2);
    const height = lines.reduce((s, l) => s + l.height, 0);
    if (this.y > this.top) this.y += 6;
    this.ensure(height + keep);
    this.y += this.text.draw(lines, this.left, this.y) + 4;
  }

  /** A paragraph that may run onto the next page line by line. */
  paragraph(text: string, style: TextStyle = TYPE.body, gapAfter = 6): void {
    for (const line of this.text.layout(text, this.width, style)) {
      this.ensure(line.height);
      this.text.drawLine(line, this.left, this.y);
      this.y += line.height;
    }
    this.y += gapAfter;
  }

  /** Running header, footer and DRAFT marks on every page, once all pages exist. */
  stampPages(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = 0; i < total; i += 1) {
      doc.switchToPage(range.start + i);
      // Writing in the margins must not make pdfkit start a new page.
      const margins = { ...doc.page.margins };
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      const width = doc.page.width - 2 * MARGIN.side;
      const headerY = 26;
      if (i > 0) {
        this.text.text(this.options.title, MARGIN.side, headerY, width * 0.7, TYPE.small);
        doc
          .moveTo(MARGIN.side, headerY + 14)
          .lineTo(doc.page.width - MARGIN.side, headerY + 14)
          .lineWidth(0.5)
          .strokeColor(COLORS.rule)
          .stroke();
      }
      if (this.options.draft && i > 0) {
        const style = { size: 8, bold: true, color: COLORS.draft };
        this.text.text('DRAFT — not agreed', MARGIN.side, headerY, width, style, 'right');
      }
      const footerY = doc.page.height - 34;
      const generated = `Generated ${this.options.createdAt.toISOString().slice(0, 10)} with Leanmap`;
      this.text.text(generated, MARGIN.side, footerY, width / 2, TYPE.small);
      this.text.text(`Page ${i + 1} of ${total}`, MARGIN.side + width / 2, footerY, width / 2, { ...TYPE.small, bold: true }, 'right');
      doc.page.margins = margins;
    }
  }

  /** A faint diagonal DRAFT: visible on paper, never in the way of reading. */
  private watermark(): void {
    const { doc } = this;
    const { width, height } = doc.page;
    const size = Math.min(width, height) / 4.2;
    doc.save();
    doc.fillOpacity(0.07);
    doc.rotate(-Math.atan2(height, width) * (180 / Math.PI), { origin: [width / 2, height / 2] });
    const line = this.text.layout('DRAFT', width, { size, bold: true, color: COLORS.draft, leading: 1 })[0];
    if (line) this.text.drawLine(line, (width - line.width) / 2, height / 2 - size / 2);
    doc.restore();
  }

  /** Finishes the document and collects its bytes. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.stampPages();
      this.doc.end();
    });
  }
}
