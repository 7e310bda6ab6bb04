// One text-metrics source for every export: the fonts the exports embed, measured
// once. The map layout, the SVG writer and the PDF measure the same string equally,
// and the PDF's own font engine agrees with them.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { exportTextMetrics, faceOf, FAMILY_OF_FACE } from '../../../src-main/export/font-metrics';
import { FONT_FAMILY, fontBytes, PDF_FONT_NAMES, type FontFace } from '../../../src-main/export/fonts';
import { TextMeasurer } from '../../../src-main/export/pdf-text';
import { CARD, layoutReportMap } from '../../../src-shared/domain/report/map-layout';
import { PRIMARY_FAMILY, renderMapSvg } from '../../../src-shared/domain/report/svg-writer';
import { textWidth, wrapText } from '../../../src-shared/domain/report/text-metrics';
import { aMapDocument, aProcessCast, aStage } from '../../fixtures/factories';

const SAMPLES = ['Compare options', 'Müller, Łódź, Ελλάδα, Москва', 'Visit 東京 office', '山田 太郎', 'WAVE Tower — AVA', ''];

function aPdf(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: true });
  for (const face of Object.keys(PDF_FONT_NAMES) as FontFace[]) doc.registerFont(PDF_FONT_NAMES[face], fontBytes(face));
  return doc;
}

describe('the export fonts as text metrics', () => {
  it('split text by the font that has its glyphs, and give the text back whole', () => {
    expect(exportTextMetrics.runs('Visit 東京 office', 15, 'regular').map((r) => [r.text, r.family])).toEqual([
      ['Visit ', 'Noto Sans'],
      ['東京 ', 'Noto Sans JP'],
      ['office', 'Noto Sans'],
    ]);
    for (const text of SAMPLES) expect(exportTextMetrics.runs(text, 15, 'bold').map((r) => r.text).join('')).toBe(text);
  });

  it('name the family the SVG writer treats as its own', () => {
    expect(PRIMARY_FAMILY).toBe(FONT_FAMILY);
    expect(FAMILY_OF_FACE.regular).toBe(PRIMARY_FAMILY);
    for (const face of Object.keys(FAMILY_OF_FACE) as FontFace[]) {
      expect(faceOf(FAMILY_OF_FACE[face], /bold/i.test(face) ? 'bold' : 'regular')).toBe(face);
    }
  });

  it('scale with the size and are wider in bold', () => {
    expect(textWidth(exportTextMetrics, 'Compare options', 30)).toBeCloseTo(2 * textWidth(exportTextMetrics, 'Compare options', 15), 9);
    expect(textWidth(exportTextMetrics, 'Compare options', 15, 'bold')).toBeGreaterThan(textWidth(exportTextMetrics, 'Compare options', 15));
  });

  it('agree with the PDF engine that draws the text, run by run', () => {
    const pdf = aPdf();
    for (const text of SAMPLES) {
      for (const weight of ['regular', 'bold'] as const) {
        for (const run of exportTextMetrics.runs(text, 13, weight)) {
          const engine = pdf.font(PDF_FONT_NAMES[faceOf(run.family, weight)]).fontSize(13).widthOfString(run.text);
          expect(run.width, `${run.text} (${weight})`).toBeCloseTo(engine, 6);
        }
      }
    }
  });
});

describe('the same string measured equally for layout, SVG and PDF', () => {
  it('the PDF measures and wraps with the shared metrics and line breaker', () => {
    const measurer = new TextMeasurer(aPdf());
    const note = 'Builds the return model together with the customer’s figures, then 東京 office sign-off/approval';
    for (const text of SAMPLES) expect(measurer.width(text, { size: 15, bold: true })).toBe(textWidth(exportTextMetrics, text, 15, 'bold'));
    expect(measurer.layout(note, 200, { size: 15 }).map((line) => line.runs.map((r) => r.text).join(''))).toEqual(
      wrapText(exportTextMetrics, note, 200, 15),
    );
  });

  it('the layout sizes an outcome by the width the SVG writer then places its runs with', () => {
    const { won } = aProcessCast([]);
    const title = 'Gewonnen in Łódź und 東京 — ein sehr langer Ausgang';
    const map = layoutReportMap(aMapDocument({ outcomes: [{ ...won, label: title }] }), { metrics: exportTextMetrics });
    const node = map.nodes[0]!;
    const measured = textWidth(exportTextMetrics, title, 24, 'bold');
    expect(node.width).toBe(Math.ceil(measured) + 2 * 28);
    const svg = renderMapSvg(map, { metrics: exportTextMetrics, draft: false, title: 'x' });
    const xs = [...svg.matchAll(/<tspan x="([\d.]+)"/g)].map((m) => Number(m[1]));
    // The runs start at the left of the centred text and follow one another by their measured widths.
    const runs = exportTextMetrics.runs(title, 24, 'bold');
    expect(xs[0]).toBeCloseTo(node.x + node.width / 2 - measured / 2, 1);
    expect(xs[1]! - xs[0]!).toBeCloseTo(runs[0]!.width, 1);
  });

  it('card lines wrapped by the layout fit the card in the PDF engine\'s own measure', () => {
    const pdf = aPdf();
    const name = 'Build the business case with the customer’s finance team (東京 office)';
    const map = layoutReportMap(aMapDocument({ stages: [aStage({ name })] }), { metrics: exportTextMetrics });
    const lines = map.nodes[0]!.titleLines!;
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      const engine = exportTextMetrics
        .runs(line, CARD.title.fontSize, 'bold')
        .reduce((sum, r) => sum + pdf.font(PDF_FONT_NAMES[faceOf(r.family, 'bold')]).fontSize(CARD.title.fontSize).widthOfString(r.text), 0);
      expect(engine).toBeLessThanOrEqual(CARD.width - 2 * CARD.padX + 1e-6);
    }
  });
});
