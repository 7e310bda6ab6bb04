// The map picture rendered in bands: the shapes each band gets, and a banded PNG that
// is a valid PNG (zlib's own checks pass) with the pixels of one whole rendering.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { MapScene, SceneShape } from '../../../src-shared/domain/report/map-scene';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { blankWorkshopMeta } from '../../../src-shared/domain/workshop';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { mapSceneOf, mapSvgOf } from '../../../src-main/export/map-svg';
import { bandCuts, bandsFor, pathReach, pictureGrid, renderPngInBands, sceneBand } from '../../../src-main/export/png-bands';
import { encodePng, filteredRows, filteredRowsBetween } from '../../../src-main/export/png-encode';
import { pngWidthOf, renderSvg } from '../../../src-main/export/png-writer';
import { glyphTextWriter } from '../../../src-main/export/svg-glyphs';
import { bigMap } from '../../../bench/big-map';

/** The IDAT data of a PNG, inflated (zlib checks its Adler-32), and the IHDR size; each chunk's CRC checked. */
function readPng(png: Buffer): { width: number; height: number; rows: Buffer } {
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32Reference(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  return { width, height, rows: inflateSync(Buffer.concat(idat)) };
}

/** CRC-32 bit by bit, as the PNG specification defines it (independent of png-encode.ts's table). */
function crc32Reference(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const rect = (y: number, height: number): SceneShape => ({ kind: 'rect', x: 0, y, width: 10, height, fill: '#000' });

describe('a band of the map scene', () => {
  const scene: MapScene = {
    x: 0,
    y: 0,
    width: 100,
    height: 1000,
    layers: [
      [rect(0, 100), rect(450, 100), rect(900, 100), { kind: 'path', d: 'M0 0L100 1000', stroke: '#000' }],
      [{ kind: 'text', x: 0, y: 520, text: 'Budget', size: 20, bold: false, italic: false, fill: '#000', anchor: 'start', runs: [] }],
    ],
  };

  it('keeps the shapes that reach into it (with a margin), and its view cut to the strip', () => {
    const top = sceneBand(scene, 0, 500);
    expect(top).toMatchObject({ y: 0, height: 500 });
    expect(top.layers[0]!.map((s) => s.kind === 'rect' && s.y)).toEqual([0, 450, false]);
    // The text's ascenders reach 520 − 1.3 × 20 = 494: into the top band.
    expect(top.layers[1]).toHaveLength(1);
    const bottom = sceneBand(scene, 600, 1000);
    expect(bottom).toMatchObject({ y: 600, height: 400 });
    // 450–550 is 50 units above 600: past the 24-unit margin.
    expect(bottom.layers[0]!.map((s) => s.kind === 'rect' && s.y)).toEqual([900, false]);
    expect(bottom.layers[1]).toHaveLength(0);
  });

  it('keeps a path only in the bands its points reach: an arrowhead in one, a long arrow in both', () => {
    const head: SceneShape = { kind: 'path', d: 'M 5 900 L 0 910 L 10 910 Z', fill: '#000' };
    const withPaths: MapScene = { ...scene, layers: [[head, { kind: 'path', d: 'M 0 100 C 50 100 50 900 100 900', stroke: '#000' }]] };
    expect(sceneBand(withPaths, 0, 500).layers[0]).toHaveLength(1);
    expect(sceneBand(withPaths, 600, 1000).layers[0]).toHaveLength(2);
  });

  it('reads a path’s reach from its absolute commands: points, control points, an arc’s radius', () => {
    expect(pathReach('M 0 10 C 5 -20 5 40 10 0')).toEqual([-20, 40]);
    expect(pathReach('M0 0 H 10 V 50 A 12 12 0 0 1 0 62 Z')).toEqual([0, 74]);
    expect(pathReach('M5 1e2L-.5 .25')).toEqual([0.25, 100]);
    // Relative commands would need the whole walk: drawn everywhere instead.
    expect(pathReach('M 0 0 l 5 5')).toBeNull();
    expect(pathReach('')).toBeNull();
  });

  it('gives the first band (drawn on the worker’s own thread, which also writes and encodes) a third of the rows', () => {
    expect(bandCuts(900, 2)).toEqual([0, 300, 900]);
    expect(bandCuts(1000, 2)).toEqual([0, 333, 1000]);
    expect(bandCuts(900, 3)).toEqual([0, 300, 600, 900]);
    expect(bandCuts(900, 1)).toEqual([0, 900]);
  });

  it('splits only pictures of 4 megapixels or more, in two, and only when it has two cores to itself', () => {
    expect(bandsFor(3_999_999)).toBe(1);
    expect(bandsFor(40_000_000)).toBe(2);
    expect(bandsFor(40_000_000, 1)).toBe(1);
    expect(bandsFor(40_000_000, 8)).toBe(2);
  });
});

describe('the PNG encoder', () => {
  // Red, green / blue, white: opaque RGBA, as resvg renders on white paper.
  const pixels = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]);

  it('writes an RGB picture: each row after a filter byte of 0, three bytes a pixel (the alpha byte dropped)', () => {
    const encoded = encodePng(pixels, 2, 2);
    expect(encoded[8 + 8 + 9]).toBe(2); // IHDR's colour type: truecolour, no alpha
    const png = readPng(encoded);
    expect([png.width, png.height]).toEqual([2, 2]);
    expect([...png.rows]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  });

  it('is the same picture to another decoder (resvg reading it back as an image)', () => {
    const data = `data:image/png;base64,${encodePng(pixels, 2, 2).toString('base64')}`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="2" height="2"><image width="2" height="2" xlink:href="${data}" image-rendering="optimizeSpeed"/></svg>`;
    expect([...renderSvg(svg, 2).pixels]).toEqual([...pixels]);
  });

  it('lays out any run of rows, pads rows past the picture white, and refuses a wrong pixel count', () => {
    expect([...filteredRowsBetween(pixels, 2, 2, 1, 2)]).toEqual([0, 0, 0, 255, 255, 255, 255]);
    expect([...filteredRows(Uint8Array.from([1, 2, 3, 255]), 1, 1, 2)]).toEqual([0, 1, 2, 3, 0, 255, 255, 255]);
    expect(() => filteredRows(new Uint8Array(5), 1, 1)).toThrow(/5 bytes, not 1×1 pixels/);
  });

  it('reads pixels that do not start on a word boundary', () => {
    const shifted = new Uint8Array(pixels.length + 1);
    shifted.set(pixels, 1);
    expect([...filteredRows(shifted.subarray(1), 2, 2)]).toEqual([...filteredRows(pixels, 2, 2)]);
  });
});

describe('a big map rendered in two bands', () => {
  it('is one valid PNG with the pixels of one whole rendering, but for anti-aliasing shades where a band cuts a shape', async () => {
    const report = buildReport({
      source: null,
      meta: blankWorkshopMeta({ title: 'Bands' }),
      versionName: 'Current state',
      signOff: null,
      agreementHistory: [],
      document: bigMap(24),
      metrics: [],
      improvements: [],
      generatedAt: '2026-11-22T09:00:00.000Z',
      appVersion: 'test',
      session: null,
      textMetrics: exportTextMetrics,
    });
    const scene = mapSceneOf(report);
    const width = pngWidthOf(scene, 1);
    const svgOf = (part: MapScene) => mapSvgOf(report, { scene: part, writer: glyphTextWriter() });
    const grid = pictureGrid(scene, width);
    expect(bandsFor(width * grid.height)).toBe(2);

    const banded = readPng(await renderPngInBands(scene, width, svgOf));
    const whole = renderSvg(svgOf(scene), width);
    expect([banded.width, banded.height]).toEqual([whole.width, whole.height]);
    const expected = filteredRows(whole.pixels, whole.width, whole.height);
    expect(banded.rows.length).toBe(expected.length);
    let differing = 0;
    let worst = 0;
    for (let i = 0; i < expected.length; i++) {
      const d = Math.abs(expected[i]! - banded.rows[i]!);
      if (d > 0) differing++;
      worst = Math.max(worst, d);
    }
    // Measured: a few thousand bytes of millions, by at most a quarter of the range.
    expect(differing / expected.length).toBeLessThan(0.001);
    expect(worst).toBeLessThan(96);
  }, 60_000);

  it('refuses with resvg’s error when a band cannot be drawn, in one band or in two', async () => {
    const scene: MapScene = { x: 0, y: 0, width: 3000, height: 3000, layers: [] };
    const broken = () => '<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="3000"><rect</svg>';
    await expect(renderPngInBands(scene, 3000, broken, 2)).rejects.toThrow(/svg|xml|parse/i);
    await expect(renderPngInBands(scene, 1000, broken, 1)).rejects.toThrow(/svg|xml|parse/i);
  });
});
