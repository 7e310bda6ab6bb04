// Draws the map's SVG into the PDF as vector graphics (svg-to-pdfkit), with the
// embedded Noto fonts; CJK and emoji runs get their own font first (svg-fonts.ts).
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT_FALLBACKS, PDF_FONT_NAMES } from './fonts';
import { withFallbackTspans } from './svg-fonts';

/** Maps an SVG font-family list to a registered PDF font: the fallback it names, else Noto Sans. */
function fontFor(family: string, bold: boolean): string {
  const first = (family.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '');
  const font = FONT_FALLBACKS.find((f) => f.family === first) ?? FONT_FALLBACKS[0]!;
  return PDF_FONT_NAMES[bold ? font.bold : font.regular];
}

/** Draws `svg` scaled to fit the box (x, y, width, height), centred, keeping its proportions. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, box: { x: number; y: number; width: number; height: number }): void {
  SVGtoPDF(doc, withFallbackTspans(svg), box.x, box.y, {
    width: box.width,
    height: box.height,
    preserveAspectRatio: 'xMidYMid meet',
    assumePt: true,
    fontCallback: (family, bold, italic, fontOptions) => {
      // No italic face is embedded: italic text is slanted by svg-to-pdfkit.
      if (italic) fontOptions.fauxItalic = true;
      return fontFor(family, bold);
    },
    // svg-to-pdfkit warns about CSS it ignores; the picture is still right.
    warningCallback: () => undefined,
  });
}
