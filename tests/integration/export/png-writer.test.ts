// The map as PNG: a real PNG, 1×, 2× and 4× as wide as the SVG, drawn with the
// bundled fonts, and kept within memory limits for a huge map.
import { describe, expect, it } from 'vitest';
import { mapSceneOf, mapSvgOf } from '../../../src-main/export/map-svg';
import { PNG_MAX_PIXELS, PNG_MAX_SIDE, pngRenderings, pngWidth, renderSvg, svgSize, writePng } from '../../../src-main/export/png-writer';
import { glyphTextWriter } from '../../../src-main/export/svg-glyphs';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { layoutReportMap } from '../../../src-shared/domain/report/map-layout';
import { renderMapSvg } from '../../../src-shared/domain/report/svg-writer';
import { aMapDocument, aProcessCast } from '../../fixtures/factories';
import { aTemplateReport } from '../../fixtures/report-fixture';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always comes first. */
function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the map as PNG', () => {
  const svg = mapSvgOf(aTemplateReport());
  const size = svgSize(svg);
  const [one, two, four] = ([1, 2, 4] as const).map((scale) => writePng(svg, scale));

  it('is a PNG', () => {
    for (const png of [one, two, four]) expect(png?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('is as wide as the SVG at 1×, and twice and four times that at 2× and 4×', () => {
    const [a, b, c] = [one, two, four].map((png) => ihdr(png as Buffer));
    expect(a?.width).toBe(Math.round(size.width));
    expect(b?.width).toBe(2 * (a?.width ?? 0));
    expect(c?.width).toBe(4 * (a?.width ?? 0));
    expect(c?.height).toBeCloseTo(4 * (a?.height ?? 0), -1);
  });

  it('scales a huge map down to stay within the pixel limits', () => {
    const huge = '<svg xmlns="http://www.w3.org/2000/svg" width="60000" height="3000" viewBox="0 0 60000 3000"><rect width="60000" height="3000" fill="#fff"/></svg>';
    const width = pngWidth(huge, 4);
    expect(width).toBeLessThanOrEqual(PNG_MAX_SIDE);
    expect(width * (width * 3000) / 60000).toBeLessThanOrEqual(PNG_MAX_PIXELS);
    const png = writePng(huge, 4);
    expect(ihdr(png).width).toBe(width);
  });
});

describe('CJK in the PNG', () => {
  const { won } = aProcessCast([]);
  const map = layoutReportMap(aMapDocument({ outcomes: [{ ...won, label: 'Łódź 東京' }] }), { metrics: exportTextMetrics });
  const svg = renderMapSvg(map, { metrics: exportTextMetrics, draft: false, title: 'x' });

  it('gets each script as its own chunk in its own font from the SVG writer, so none depends on fallback', () => {
    expect(svg).toMatch(
      /<text y="[\d.]+" font-size="24" font-weight="bold" fill="#15803d"><tspan x="[\d.]+" font-family="Noto Sans" xml:space="preserve">Łódź <\/tspan><tspan x="[\d.]+" font-family="Noto Sans JP" xml:space="preserve">東京<\/tspan><\/text>/,
    );
  });

  it('draws the Japanese run with the Japanese font, not as boxes', () => {
    // resvg alone shows 東京 as boxes after "ź" (linebender/resvg#973); named in its own
    // <tspan>, it must not look like the same run set in Noto Sans (which has no glyphs for it).
    const boxes = svg.replace('font-family="Noto Sans JP"', 'font-family="Noto Sans"');
    expect(writePng(svg, 1).equals(writePng(boxes, 1))).toBe(false);
  });
});

describe('PNG renderings', () => {
  it('renders each scale when the limits leave them apart', () => {
    // 1000 × 500 at 4× is 4000 × 2000 = 8 MP, within every limit.
    expect(pngRenderings({ width: 1000, height: 500 }, [1, 2, 4])).toEqual([
      { width: 1000, scales: [1] },
      { width: 2000, scales: [2] },
      { width: 4000, scales: [4] },
    ]);
  });

  it('renders once the scales the pixel limit makes the same picture', () => {
    // 3000 × 4000 is 12 MP at 1×; at 2× (48 MP) and 4× it is capped to √(40 M × 3/4) = 5477 wide.
    expect(pngRenderings({ width: 3000, height: 4000 }, [1, 2, 4])).toEqual([
      { width: 3000, scales: [1] },
      { width: 5477, scales: [2, 4] },
    ]);
    // A 200-stage map is past the limit already at 1× (6000 × 10000 = 60 MP): one picture, √(40 M × 0.6) = 4899 wide.
    expect(pngRenderings({ width: 6000, height: 10000 }, [1, 2, 4])).toEqual([{ width: 4899, scales: [1, 2, 4] }]);
  });

  it('renders only the scales asked for', () => {
    expect(pngRenderings({ width: 1000, height: 500 }, [2])).toEqual([{ width: 2000, scales: [2] }]);
  });
});

describe('the map with its text as outlined glyphs', () => {
  const report = aTemplateReport();
  const scene = mapSceneOf(report);
  const asText = mapSvgOf(report, { scene });
  const outlined = mapSvgOf(report, { scene, writer: glyphTextWriter() });

  it('has no text element left for resvg to lay out', () => {
    expect(asText).toContain('<text');
    expect(outlined).not.toContain('<text');
  });

  it('looks as the text drawn by resvg does: the same glyphs in the same places', () => {
    const width = 800;
    const a = renderSvg(asText, width).pixels;
    const b = renderSvg(outlined, width).pixels;
    expect(b.length).toBe(a.length);
    let differing = 0;
    let inked = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (a[i]! < 128) inked++;
      if (Math.abs(a[i]! - b[i]!) > 96 || Math.abs(a[i + 1]! - b[i + 1]!) > 96 || Math.abs(a[i + 2]! - b[i + 2]!) > 96) differing++;
    }
    expect(inked).toBeGreaterThan(1000);
    // Anti-aliasing differs at glyph edges only: under 1 % of the inked pixels.
    expect(differing).toBeLessThan(inked * 0.01);
  });
});
