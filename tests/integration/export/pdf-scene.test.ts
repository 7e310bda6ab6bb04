// The PDF's map painted from the map scene with pdfkit's own shapes: every stage name
// in the text layer (emoji and CJK intact), one head per arrow, each run in the font
// that has its glyphs, and nothing drawn outside the part of the map a page shows.
import type PDFKit from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { PDF_FONT_NAMES } from '../../../src-main/export/fonts';
import { drawScene } from '../../../src-main/export/pdf-scene';
import { writePdf } from '../../../src-main/export/pdf-writer';
import { mapScene } from '../../../src-shared/domain/report/map-scene';
import { aReport, aReportMap } from '../../fixtures/report-fixture';
import { readPdf, squashed } from './pdf-helpers';

/** A stand-in for a pdfkit document that records each call (and chains like pdfkit). */
function recordingDoc() {
  const calls: { name: string; args: unknown[] }[] = [];
  const doc: PDFKit.PDFDocument = new Proxy({} as PDFKit.PDFDocument, {
    get: (_, name) => (...args: unknown[]) => {
      calls.push({ name: String(name), args });
      return doc;
    },
  });
  return { doc, calls };
}

const NAMES = ['Kick-off 🚀 launch', '東京 office visit', 'Decide & sign'];

describe('the map in the PDF, painted from the map scene', () => {
  it('has every stage name in the text layer of the map page, emoji and CJK intact', async () => {
    const { pages } = await readPdf(await writePdf(aReport({ stageNames: NAMES }), { paper: 'A4' }));
    const mapPage = pages.find((p) => p.text.includes('vector drawing'));
    expect(mapPage).toBeDefined();
    for (const name of NAMES) expect(squashed(mapPage!.text)).toContain(squashed(name));
  });

  const map = aReportMap(NAMES);
  const scene = mapScene(map, { metrics: exportTextMetrics, draft: false });
  const { doc, calls } = recordingDoc();
  const scale = drawScene(doc, scene, { x: 10, y: 20, width: 500, height: 300 });

  it('draws one filled head per arrow', () => {
    const head = /^M -?[\d.]+ -?[\d.]+ L -?[\d.]+ -?[\d.]+ L -?[\d.]+ -?[\d.]+ Z$/;
    const heads = calls.filter((c, i) => c.name === 'path' && head.test(String(c.args[0])) && calls.slice(i + 1).find((n) => ['fill', 'stroke', 'fillAndStroke'].includes(n.name))?.name === 'fill');
    expect(heads).toHaveLength(map.edges.length);
  });

  it('sets each run in the font that has its glyphs: the rocket in Noto Emoji, 東京 in Noto Sans JP', () => {
    const fontOf = (text: string) => {
      const i = calls.findIndex((c) => c.name === 'text' && String(c.args[0]).trim() === text);
      return calls.slice(0, i).reverse().find((c) => c.name === 'font')?.args[0];
    };
    expect(fontOf('🚀')).toBe(PDF_FONT_NAMES.emojiBold);
    expect(fontOf('東京')).toBe(PDF_FONT_NAMES.jpBold);
    expect(fontOf('Decide & sign')).toBe(PDF_FONT_NAMES.bold);
  });

  it('fits the map into the box, centred, and clips to the map', () => {
    expect(scale).toBeCloseTo(Math.min(500 / map.width, 300 / map.height), 9);
    const transform = calls.find((c) => c.name === 'transform')!.args;
    expect(transform.slice(0, 4)).toEqual([scale, 0, 0, scale]);
    const clipAt = calls.findIndex((c) => c.name === 'clip');
    expect(calls[clipAt - 1]).toEqual({ name: 'rect', args: [map.x, map.y, map.width, map.height] });
  });
});
