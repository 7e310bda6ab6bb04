// Draws the map's SVG into the PDF as vector graphics (svg-to-pdfkit), with the
// embedded Noto fonts; text another font draws (CJK, emoji) comes from the SVG writer as
// <tspan>s that name their family, each placed by the shared text metrics.
import SVGtoPDF from 'svg-to-pdfkit';
import { faceOf } from './font-metrics';
import { PDF_FONT_NAMES } from './fonts';

/**
 * Maps an SVG font-family list to a registered PDF font through the same table the
 * text metrics use (font-metrics.ts), so a run is drawn in the font it was measured in.
 */
function fontFor(family: string, bold: boolean): string {
  const first = (family.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '');
  return PDF_FONT_NAMES[faceOf(first, bold ? 'bold' : 'regular')];
}

/** Draws `svg` scaled to fit the box (x, y, width, height), centred, keeping its proportions. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, box: { x: number; y: number; width: number; height: number }): void {
  SVGtoPDF(doc, svg, box.x, box.y, {
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
