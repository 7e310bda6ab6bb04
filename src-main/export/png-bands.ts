// The map picture rendered as horizontal bands at once (the first on the export worker's
// thread, the others on libuv's thread pool: resvg's renderAsync), and joined into one
// PNG: a 200-stage map is 40 megapixels and 150,000 glyph outlines, 2 s of resvg on one
// core; two bands, each with only its own shapes, share the machine's two cores with the
// other formats of the export (the runner gives the picture both: it starts first) and
// have them to themselves once those are done. The bands cut the picture on whole pixel
// rows of the same grid as one rendering, so the seam is invisible: pixels differ from
// the whole picture only by a shade of anti-aliasing where a band cuts a long shape
// (0.07 % of a 200-stage map's pixels).
import { createDeflate } from 'node:zlib';
import { Resvg, renderAsync, type RenderedImage } from '@resvg/resvg-js';
import type { MapScene, SceneShape } from '../../src-shared/domain/report/map-scene';
import { filteredRowsBetween, pngChunk, PNG_SIGNATURE, pngHeader } from './png-encode';
import { resvgOptions } from './png-writer';

/**
 * Pixel rows handed to zlib at a time: a band's rows go in pieces of about 3 MB, each
 * deflated (on the thread pool) while the next is laid out, never all 120 MB at once.
 */
const CHUNK_ROWS = 256;
/** Pieces written and not yet deflated, at most: beyond them, laying out waits for zlib. */
const CHUNKS_IN_FLIGHT = 3;

/** Map units a shape may reach past its box (a stroke, a glyph's descender, an arrowhead). */
const MARGIN = 24;

/**
 * The vertical reach of path data in absolute commands (as the map scene writes them):
 * every point it passes and every control point (a curve stays within them), an arc's
 * end widened by its radius. Null for relative commands: such a path is drawn in every band.
 */
export function pathReach(d: string): [number, number] | null {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  let top = Infinity;
  let bottom = -Infinity;
  const see = (y: number, spread = 0) => {
    top = Math.min(top, y - spread);
    bottom = Math.max(bottom, y + spread);
  };
  let command = '';
  let args: number[] = [];
  const flush = () => {
    if (command === 'V') args.forEach((y) => see(y));
    else if (command === 'A') for (let i = 0; i + 6 < args.length; i += 7) see(args[i + 6]!, Math.abs(args[i + 1]!));
    else if (command !== 'H' && command !== 'Z') for (let i = 1; i < args.length; i += 2) see(args[i]!);
    args = [];
  };
  for (const token of tokens) {
    if (/^[A-Za-z]$/.test(token)) {
      flush();
      if (token !== token.toUpperCase()) return null;
      command = token;
    } else {
      args.push(Number(token));
    }
  }
  flush();
  return top <= bottom ? [top, bottom] : null;
}

/** The vertical reach of a shape in map units, or null when it is drawn in every band (the slanted DRAFT, relative paths). */
function reach(shape: SceneShape): [number, number] | null {
  switch (shape.kind) {
    case 'path':
      return pathReach(shape.d);
    case 'rect':
      return [shape.y, shape.y + shape.height];
    case 'line':
      return [Math.min(shape.y1, shape.y2), Math.max(shape.y1, shape.y2)];
    case 'circle':
      return [shape.cy - shape.r, shape.cy + shape.r];
    case 'text':
      // From the ascenders to the descenders of the tallest script (the baseline is y).
      return [shape.y - shape.size * 1.3, shape.y + shape.size * 0.5];
    default:
      return null;
  }
}

/**
 * The part of `scene` between `top` and `bottom` (map units): its view cut to that
 * strip, with only the shapes that reach into it, in their order.
 */
export function sceneBand(scene: MapScene, top: number, bottom: number): MapScene {
  const inBand = (shape: SceneShape) => {
    const span = reach(shape);
    return span === null || (span[1] + MARGIN >= top && span[0] - MARGIN <= bottom);
  };
  return { ...scene, y: top, height: bottom - top, layers: scene.layers.map((layer) => layer.filter(inBand)) };
}

/**
 * The share of the rows in the first band when there are more: it is rendered on the
 * export worker's own thread, which also writes every band's SVG and encodes the
 * picture, and which shares its core with the worker building the PDF; the other band
 * has a thread of the pool to itself. A third makes both end together (measured on a
 * 200-stage map: with halves the worker's thread ran about 0.8 s longer than the pool's).
 */
export const FIRST_BAND_SHARE = 1 / 3;

/** The pixel rows where `count` bands of a picture `height` rows high start, and its end: the first FIRST_BAND_SHARE of them, the rest split evenly. */
export function bandCuts(height: number, count: number): number[] {
  if (count <= 1) return [0, height];
  const first = Math.round(height * FIRST_BAND_SHARE);
  return [0, ...Array.from({ length: count }, (_, i) => first + Math.round(((height - first) * i) / (count - 1)))];
}

/** How many bands a picture of this many pixels is rendered in, on `cores` cores: small ones are not worth splitting. */
export const bandsFor = (pixels: number, cores = 2): number => (pixels >= 4_000_000 ? Math.max(1, Math.min(2, cores)) : 1);

/**
 * The PNG of `scene` rendered `width` px wide; `svgOf` writes a part of the scene as the
 * SVG resvg renders (text outlined). The bands' rows go in order through one zlib
 * stream (on the thread pool too), each as soon as it and the bands above it are done.
 */
export async function renderPngInBands(scene: MapScene, width: number, svgOf: (part: MapScene) => string, cores = 2): Promise<Buffer> {
  const grid = pictureGrid(scene, width);
  const count = bandsFor(width * grid.height, cores);
  const cuts = bandCuts(grid.height, count);
  const options = resvgOptions(width);
  const bandOf = (i: number) => {
    const from = cuts[i]!;
    const rows = cuts[i + 1]! - from;
    return { rows, svg: () => (count === 1 ? svgOf(scene) : bandSvg(svgOf, scene, grid, from, rows)) };
  };
  // The bands below the first are written and handed to libuv's thread pool, each before
  // the next is written; the first is rendered here, on the export worker's own thread.
  // That thread gives way to the API and shares a core fairly with the worker building
  // the PDF beside this picture; the pool's threads do not give way (two bands there
  // starved that worker until the picture was done, then it ran on alone).
  const later = Array.from({ length: count - 1 }, (_, i) => {
    const band = bandOf(i + 1);
    return { rows: band.rows, image: renderAsync(band.svg(), options) };
  });
  const top = bandOf(0);
  let topImage: Promise<RenderedImage>;
  try {
    topImage = Promise.resolve(new Resvg(top.svg(), options).render());
  } catch (error) {
    topImage = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const bands = [{ rows: top.rows, image: topImage }, ...later];
  const deflate = createDeflate({ level: 1 });
  const packed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => packed.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  try {
    const inFlight: Promise<void>[] = [];
    for (const band of bands) {
      const image = await band.image;
      const pixels = image.pixels;
      for (let from = 0; from < band.rows; from += CHUNK_ROWS) {
        if (inFlight.length >= CHUNKS_IN_FLIGHT) await inFlight.shift();
        const piece = filteredRowsBetween(pixels, image.width, image.height, from, Math.min(band.rows, from + CHUNK_ROWS));
        inFlight.push(new Promise<void>((resolve) => deflate.write(piece, () => resolve())));
      }
    }
  } finally {
    deflate.end();
    // Every band is awaited, so none is left rejecting unheard.
    await Promise.allSettled(bands.map((b) => b.image));
  }
  await ended;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', pngHeader(width, grid.height)), pngChunk('IDAT', Buffer.concat(packed)), pngChunk('IEND', new Uint8Array(0))]);
}

/** How the whole picture maps the scene onto pixels. */
interface PictureGrid {
  /** The viewBox as the SVG writes it (tenths of a unit). */
  view: { x: number; y: number; width: number; height: number };
  width: number;
  height: number;
}

/**
 * The grid resvg renders the whole map's SVG on at `width` px: the SVG's size rounded
 * as svg-writer.ts writes it, the height rounded up in single-precision floats as
 * tiny-skia does, and the view stretched to fill it (resvg's fit-to-width does).
 */
export function pictureGrid(scene: MapScene, width: number): PictureGrid {
  const tenths = (v: number) => Math.round(v * 10) / 10;
  const view = { x: tenths(scene.x), y: tenths(scene.y), width: tenths(scene.width), height: tenths(scene.height) };
  const f = Math.fround;
  return { view, width, height: Math.max(1, Math.ceil(f(f(f(width) * f(view.height)) / f(view.width)))) };
}

/**
 * The SVG of the picture's pixel rows from `from`, `rows` of them: the shapes that reach
 * into them, on exactly the whole picture's grid (its own size and viewBox, unrounded).
 * Only pixels where a shape is cut at the band's edge may differ, by a shade of anti-aliasing.
 */
function bandSvg(svgOf: (part: MapScene) => string, scene: MapScene, grid: PictureGrid, from: number, rows: number): string {
  const unitsPerRow = grid.view.height / grid.height;
  const top = grid.view.y + from * unitsPerRow;
  const height = rows * unitsPerRow;
  const svg = svgOf(sceneBand(scene, top, top + height));
  const view = `${grid.view.x} ${top} ${grid.view.width} ${height}`;
  return svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/\swidth="[^"]*"/, ` width="${grid.width}"`)
      .replace(/\sheight="[^"]*"/, ` height="${rows}"`)
      .replace(/\sviewBox="[^"]*"/, ` viewBox="${view}" preserveAspectRatio="none"`),
  );
}

