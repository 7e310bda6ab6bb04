// Paints the map scene (src-shared map-scene.ts) into the PDF with pdfkit's own
// shapes and the embedded Noto fonts: the same picture as the SVG and PNG, without
// writing SVG and parsing it back. Text is real PDF text, each run in the font that
// has its glyphs, so it can be searched and copied.
import type PDFKit from 'pdfkit';
import type { MapScene, Paint, SceneShape, SceneText, SceneWatermark } from '../../src-shared/domain/report/map-scene';
import { textWidth } from '../../src-shared/domain/report/text-metrics';
import { exportTextMetrics, faceOf } from './font-metrics';
import { PDF_FONT_NAMES } from './fonts';

type Doc = PDFKit.PDFDocument;

/** Italic has no embedded face: it is slanted, as svg-to-pdfkit slanted it before. */
const ITALIC_SLANT = 0.25;

/** Fills and strokes the path just built, as the paint says (the graphics state is set in full each time). */
function paint(doc: Doc, p: Paint): void {
  const fill = p.fill !== undefined && p.fill !== 'none';
  const stroke = p.stroke !== undefined && p.stroke !== 'none' && (p.strokeWidth ?? 1) > 0;
  if (fill) doc.fillColor(p.fill!, p.fillOpacity ?? 1);
  if (stroke) {
    doc.strokeColor(p.stroke!, 1).lineWidth(p.strokeWidth ?? 1);
    doc.lineCap(p.round ? 'round' : 'butt').lineJoin(p.round ? 'round' : 'miter');
    if (p.dash) doc.dash(p.dash[0] ?? 1, { space: p.dash[1] ?? p.dash[0] ?? 1 });
    else doc.undash();
  }
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else if (stroke) doc.stroke();
}

function drawText(doc: Doc, t: SceneText): void {
  const weight = t.bold ? 'bold' : 'regular';
  if (t.italic) {
    doc.save();
    doc.transform(1, 0, -ITALIC_SLANT, 1, ITALIC_SLANT * t.y, 0);
  }
  doc.fillColor(t.fill, 1);
  for (const run of t.runs) {
    if (run.text.trim() === '') continue;
    doc.font(PDF_FONT_NAMES[faceOf(run.family, weight)]).fontSize(t.size).text(run.text, run.x, t.y, { lineBreak: false, baseline: 'alphabetic' });
  }
  if (t.italic) doc.restore();
}

function drawWatermark(doc: Doc, w: SceneWatermark): void {
  const width = textWidth(exportTextMetrics, w.text, w.size, 'bold');
  doc.save();
  doc.rotate(w.angle, { origin: [w.x, w.y - w.size * 0.36] });
  doc.fillColor(w.fill, w.fillOpacity);
  doc.font(PDF_FONT_NAMES.bold).fontSize(w.size).text(w.text, w.x - width / 2, w.y, { lineBreak: false, baseline: 'alphabetic' });
  doc.restore();
}

/** One shape in scene units. */
export function drawShape(doc: Doc, s: SceneShape): void {
  switch (s.kind) {
    case 'rect':
      if (s.rx) doc.roundedRect(s.x, s.y, s.width, s.height, s.rx);
      else doc.rect(s.x, s.y, s.width, s.height);
      return paint(doc, s);
    case 'path':
      doc.path(s.d);
      return paint(doc, s);
    case 'line':
      doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2);
      return paint(doc, s);
    case 'circle':
      doc.circle(s.cx, s.cy, s.r);
      return paint(doc, s);
    case 'text':
      return drawText(doc, s);
    case 'watermark':
      return drawWatermark(doc, s);
  }
}

/** Draws the scene scaled to fit the box, centred, keeping its proportions; returns the scale. */
export function drawScene(doc: Doc, scene: MapScene, box: { x: number; y: number; width: number; height: number }): number {
  const scale = Math.min(box.width / scene.width, box.height / scene.height);
  const x = box.x + (box.width - scene.width * scale) / 2 - scene.x * scale;
  const y = box.y + (box.height - scene.height * scale) / 2 - scene.y * scale;
  doc.save();
  doc.transform(scale, 0, 0, scale, x, y);
  // Only the scene's own area, as an SVG viewport shows it: a part's arrows stop at its edge.
  doc.rect(scene.x, scene.y, scene.width, scene.height).clip();
  for (const layer of scene.layers) for (const shape of layer) drawShape(doc, shape);
  doc.restore();
  // Leave the colours as the page's text expects them.
  doc.fillColor('#000000', 1).strokeColor('#000000', 1).undash();
  return scale;
}
