// The map as a PNG picture (resvg): an SVG rasterised with the embedded Noto fonts
// only (never the machine's), so the picture is the same everywhere. The export
// hands it the map with its text already outlined (svg-glyphs.ts); any other SVG
// names the family of each run in a <tspan>, so resvg never falls back by itself.
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY, nativeFontFiles } from './fonts';
import { encodePng } from './png-encode';

export type PngScale = 1 | 2 | 4;

/**
 * Limits that keep a huge map from exhausting memory and time: a 4× picture of a
 * 200-stage map would be gigabytes. Past them the picture is scaled down to fit.
 * 40 megapixels (160 MB once opened) holds the five-stage template at 4× (37 MP),
 * keeps card text readable on a 200-stage map (about 0.8× of its size) and renders
 * in about a second; every scale of so big a map gives the same picture, rendered once.
 */
export const PNG_MAX_SIDE = 16_384;
export const PNG_MAX_PIXELS = 40_000_000;

/** The SVG's own size in px, from its width/height attributes or else its viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attr = (name: string) => {
    const match = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.]+)(px)?\\s*["']`, 'i').exec(open)?.[1];
    return match ? Number(match) : NaN;
  };
  const viewBox = /\bviewBox\s*=\s*["']([^"']+)["']/i.exec(open)?.[1]?.trim().split(/[\s,]+/).map(Number) ?? [];
  const width = Number.isFinite(attr('width')) ? attr('width') : (viewBox[2] ?? NaN);
  const height = Number.isFinite(attr('height')) ? attr('height') : (viewBox[3] ?? NaN);
  if (!(width > 0) || !(height > 0)) throw new Error('The map picture has no size.');
  return { width, height };
}

/** Width in px of the picture at a scale, within the limits above. */
export function pngWidth(svg: string, scale: PngScale): number {
  return pngWidthOf(svgSize(svg), scale);
}

/** Width in px of a picture of `size` at a scale, within the limits above. */
export function pngWidthOf({ width, height }: { width: number; height: number }, scale: PngScale): number {
  const byPixels = Math.sqrt(PNG_MAX_PIXELS * (width / height));
  const bySide = Math.min(PNG_MAX_SIDE, PNG_MAX_SIDE * (width / height));
  return Math.max(1, Math.round(Math.min(width * scale, byPixels, bySide)));
}

/**
 * The renderings the asked scales need: scales that the limits bring to the same width
 * are one picture, rendered once (every scale of a 200-stage map is).
 */
export function pngRenderings(size: { width: number; height: number }, scales: readonly PngScale[]): { width: number; scales: PngScale[] }[] {
  const byWidth = new Map<number, PngScale[]>();
  for (const scale of scales) {
    const width = pngWidthOf(size, scale);
    byWidth.set(width, [...(byWidth.get(width) ?? []), scale]);
  }
  return [...byWidth].map(([width, same]) => ({ width, scales: same }));
}

/** resvg's options for a picture `width` px wide on white paper, with the embedded fonts only. */
export function resvgOptions(width: number): ResvgRenderOptions {
  return {
    font: { fontFiles: nativeFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    logLevel: 'off',
  };
}

/** The picture as resvg renders it (RGBA pixels), with the embedded fonts only. */
export function renderSvg(svg: string, width: number) {
  return new Resvg(svg, resvgOptions(width)).render();
}

export function writePng(svg: string, scale: PngScale): Buffer {
  return writePngAt(svg, pngWidth(svg, scale));
}

/** The picture `width` px wide, encoded by png-encode.ts (faster than resvg's own encoder on a big map). */
export function writePngAt(svg: string, width: number): Buffer {
  const image = renderSvg(svg, width);
  return encodePng(image.pixels, image.width, image.height);
}
