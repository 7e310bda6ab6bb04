// Reading exported PDFs back in tests: text per page (pdfjs-dist, the legacy build
// for Node) and page sizes, so assertions are about what a reader sees.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  text: string;
  width: number;
  height: number;
}

export async function readPdf(data: Buffer): Promise<{ pages: PdfPage[]; info: Record<string, unknown> }> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      pages.push({ text, width: x1 - x0, height: y1 - y0 });
    }
    const meta = await pdf.getMetadata();
    return { pages, info: meta.info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}

/** All text of the document, with runs joined and white space collapsed. */
export const allText = (pages: readonly PdfPage[]) => pages.map((p) => p.text).join('\n');
/** The same without any white space, for matching text that wraps across lines. */
export const squashed = (text: string) => text.replace(/\s+/g, '');
