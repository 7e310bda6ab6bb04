// The map as PNG: a real PNG, 1×, 2× and 4× as wide as the SVG, drawn with the
// bundled fonts, and kept within memory limits for a huge map.
import { describe, expect, it } from 'vitest';
import { mapSvgOf } from '../../../src-main/export/map-svg';
import { PNG_MAX_PIXELS, PNG_MAX_SIDE, pngWidth, svgSize, writePng } from '../../../src-main/export/png-writer';
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
