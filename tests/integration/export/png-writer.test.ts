// The map as PNG: a real PNG, 1×, 2× and 4× as wide as the SVG, drawn with the
// bundled fonts, and kept within memory limits for a huge map.
import { describe, expect, it } from 'vitest';
import { mapSvgOf } from '../../../src-main/export/map-svg';
import { PNG_MAX_PIXELS, PNG_MAX_SIDE, pngWidth, svgSize, writePng } from '../../../src-main/export/png-writer';
import { runWidth } from '../../../src-main/export/fonts';
import { withSingleFontChunks } from '../../../src-main/export/svg-fonts';
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
  const svgOf = (body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" font-family="'Noto Sans', 'Noto Sans JP', sans-serif"><rect width="300" height="80" fill="#fff"/>${body}</svg>`;

  it('gives each script its own chunk and font, so none depends on fallback', () => {
    const out = withSingleFontChunks(svgOf('<text x="150" y="50" font-size="30" font-weight="bold" text-anchor="middle">Łódź &amp; 東京</text>'));
    expect(out).toMatch(/<text y="50" font-size="30" font-weight="bold"><tspan x="[\d.]+" font-family="Noto Sans" xml:space="preserve">Łódź &amp; <\/tspan><tspan x="[\d.]+" font-family="Noto Sans JP" xml:space="preserve">東京<\/tspan><\/text>/);
    expect(withSingleFontChunks(svgOf('<text x="1" y="2">Plain Müller</text>'))).toBe(svgOf('<text x="1" y="2">Plain Müller</text>'));
  });

  it('draws Japanese after accented Latin with the Japanese font, not as boxes', () => {
    // resvg alone shows 東京 as boxes after "ź" (linebender/resvg#973); drawn in Noto Sans JP
    // on its own, at the same place, the picture must be the same.
    const latin = 'Łódź ';
    const x = 10 + runWidth('regular', latin, 30);
    const mixed = writePng(svgOf(`<text x="10" y="50" font-size="30">${latin}東京</text>`), 1);
    const apart = writePng(
      svgOf(`<text x="10" y="50" font-size="30" font-family="Noto Sans">${latin.trim()}</text><text x="${Math.round(x * 100) / 100}" y="50" font-size="30" font-family="Noto Sans JP">東京</text>`),
      1,
    );
    expect(mixed.equals(apart)).toBe(true);
  });
});
