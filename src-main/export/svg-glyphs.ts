// Text written as outlined glyphs for the PNG: one <path> per text, its glyphs'
// outlines placed and scaled here. resvg lays a <text> element out in about 2 ms
// (a 200-stage map has ~5,000 of them: 8 s per rendering), and its <use> is slower
// still, while a path costs next to nothing; the glyphs and their positions come
// from the same fonts (fontkit) the text metrics measured with, so nothing moves.
import type { SceneText, SceneWatermark } from '../../src-shared/domain/report/map-scene';
import type { SvgTextWriter } from '../../src-shared/domain/report/svg-writer';
import { faceOf } from './font-metrics';
import { fontkitFont, type FontFace } from './fonts';

/** A glyph's outline in font units (y up): path commands and their numbers. */
type Outline = { command: string; args: number[] }[];

interface PlacedGlyphs {
  glyphs: { key: string; outline: Outline }[];
  /** Pen positions in font units from the run's left end. */
  xs: number[];
  ys: number[];
  advance: number;
}

const OP: Record<string, string> = { moveTo: 'm', lineTo: 'l', quadraticCurveTo: 'q', bezierCurveTo: 'c', closePath: 'z' };

/** Bounded caches, so a long-running worker does not grow: laid-out runs by face and text, glyph paths by face, glyph and size. */
const CACHE_LIMIT = 50_000;
const layouts = new Map<string, PlacedGlyphs>();
const scaled = new Map<string, { x0: number; y0: number; rest: string }>();

function layoutRun(face: FontFace, text: string): PlacedGlyphs {
  const key = `${face}\u0000${text}`;
  let placed = layouts.get(key);
  if (!placed) {
    const run = fontkitFont(face).layout(text);
    const next: PlacedGlyphs = { glyphs: [], xs: [], ys: [], advance: 0 };
    let pen = 0;
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i]!;
      next.glyphs.push({ key: `${face}:${glyph.id}`, outline: glyph.path.commands });
      next.xs.push(pen + pos.xOffset);
      next.ys.push(pos.yOffset);
      pen += pos.xAdvance;
    });
    next.advance = pen;
    placed = next;
    if (layouts.size >= CACHE_LIMIT) layouts.clear();
    layouts.set(key, placed);
  }
  return placed;
}

/** Hundredths of a map unit: a 4× picture is still exact to a few hundredths of a pixel. */
const r2 = (v: number) => Math.round(v * 100);
const n2 = (v: number) => String(Math.round(v * 100) / 100);
/** A number of hundredths as SVG path data may write it shortest: "0.67" as ".67", "-0.5" as "-.5". */
const hundredths = (h: number) => String(h / 100).replace(/^(-?)0\./, '$1.');

/**
 * Numbers of path data as few characters as the grammar allows: a sign or a decimal point
 * that cannot belong to the number before it ends that number, so no space is needed
 * ("1.2-3.4.5" is 1.2, -3.4, .5). A 200-stage map's outlined text is 18 % shorter, and
 * resvg parses it that much sooner; the numbers, and so the picture, are the same.
 */
export function pathNumbers(numbers: readonly string[]): string {
  let out = '';
  let previous = '';
  for (const n of numbers) {
    const bare = previous === '' || n.startsWith('-') || (n.startsWith('.') && previous.includes('.'));
    out += bare ? n : ` ${n}`;
    previous = n;
  }
  return out;
}

/**
 * A glyph's outline at `k` map units per font unit, in relative commands after its
 * first point, so placing it anywhere is one absolute move and this string. The
 * relative steps are differences of rounded points: no rounding error adds up.
 */
function scaledGlyph(key: string, outline: Outline, k: number): { x0: number; y0: number; rest: string } {
  const cacheKey = `${key}@${k}`;
  let found = scaled.get(cacheKey);
  if (!found) {
    let x0 = 0;
    let y0 = 0;
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    const parts: string[] = [];
    outline.forEach((c, i) => {
      const pts: number[] = [];
      for (let j = 0; j + 1 < c.args.length; j += 2) pts.push(r2(c.args[j]! * k), r2(-c.args[j + 1]! * k));
      if (i === 0 && c.command === 'moveTo') {
        [x0, y0] = [pts[0]!, pts[1]!];
        [cx, cy, sx, sy] = [x0, y0, x0, y0];
        return;
      }
      if (c.command === 'closePath') {
        parts.push('z');
        [cx, cy] = [sx, sy];
        return;
      }
      const rel: string[] = [];
      for (let j = 0; j < pts.length; j += 2) rel.push(hundredths(pts[j]! - cx), hundredths(pts[j + 1]! - cy));
      parts.push((OP[c.command] ?? 'l') + pathNumbers(rel));
      [cx, cy] = [pts[pts.length - 2]!, pts[pts.length - 1]!];
      if (c.command === 'moveTo') [sx, sy] = [cx, cy];
    });
    found = { x0, y0, rest: parts.join('') };
    if (scaled.size >= CACHE_LIMIT) scaled.clear();
    scaled.set(cacheKey, found);
  }
  return found;
}

/** Appends path data of a run's glyphs with the pen at (x, y) on the baseline, scaled to `size` px. */
function runPath(face: FontFace, text: string, x: number, y: number, size: number, out: string[]): void {
  const placed = layoutRun(face, text);
  const k = size / fontkitFont(face).unitsPerEm;
  for (let g = 0; g < placed.glyphs.length; g++) {
    const { key, outline } = placed.glyphs[g]!;
    if (outline.length === 0) continue; // a space
    const glyph = scaledGlyph(key, outline, k);
    const gx = r2(x + placed.xs[g]! * k) + glyph.x0;
    const gy = r2(y - placed.ys[g]! * k) + glyph.y0;
    out.push(`M${pathNumbers([hundredths(gx), hundredths(gy)])}${glyph.rest}`);
  }
}

/** A writer for one SVG document. Italic is drawn upright, as resvg drew it (no italic face is embedded). */
export function glyphTextWriter(): SvgTextWriter {
  return {
    text(t: SceneText): string {
      const weight = t.bold ? 'bold' : 'regular';
      const d: string[] = [];
      for (const r of t.runs) runPath(faceOf(r.family, weight), r.text, r.x, t.y, t.size, d);
      return d.length > 0 ? `<path d="${d.join('')}" fill="${t.fill}"/>` : '';
    },
    watermark(w: SceneWatermark): string {
      const face: FontFace = 'bold';
      const advance = layoutRun(face, w.text).advance * (w.size / fontkitFont(face).unitsPerEm);
      const d: string[] = [];
      runPath(face, w.text, w.x - advance / 2, w.y, w.size, d);
      const turn = `rotate(${w.angle} ${n2(w.x)} ${n2(w.y - w.size * 0.36)})`;
      return `<path d="${d.join('')}" fill="${w.fill}" fill-opacity="${w.fillOpacity}" transform="${turn}"/>`;
    },
    defs: () => '',
  };
}
