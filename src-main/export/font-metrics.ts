// The one text-metrics source of every export: the fonts the exports embed (fonts.ts),
// measured with fontkit, per character falling back along the fonts' chain (Noto
// Sans, then Noto Sans JP, then Noto Emoji: FONT_FALLBACKS in fonts.ts). The map layout, the SVG
// writer and the PDF's text all measure through it, so a string is as wide in one
// as in the others.
import type { FontWeight, MeasuredRun, TextMetrics } from '../../src-shared/domain/report/text-metrics';
import { ALL_FACES, familyOf, runWidth, splitIntoRuns, type FontFace } from './fonts';

/** The SVG font family of each embedded face (what a <tspan font-family> names), from fonts.ts's fallback chain. */
export const FAMILY_OF_FACE = Object.fromEntries(ALL_FACES.map((face) => [face, familyOf(face)])) as Record<FontFace, string>;

/** faceOf's answers (a handful: families × weights): it is asked once for every run of text an export draws. */
const faceByFamily = new Map<string, FontFace>();

/** The embedded face that draws a run of `family` at a weight (the reverse of FAMILY_OF_FACE). */
export function faceOf(family: string, weight: FontWeight): FontFace {
  const key = `${weight} ${family}`;
  let face = faceByFamily.get(key);
  if (face === undefined) {
    face = findFace(family, weight);
    faceByFamily.set(key, face);
  }
  return face;
}

function findFace(family: string, weight: FontWeight): FontFace {
  const faces = (Object.keys(FAMILY_OF_FACE) as FontFace[]).filter((face) => FAMILY_OF_FACE[face] === family);
  const bold = faces.find((face) => /bold/i.test(face));
  const regular = faces.find((face) => !/bold/i.test(face));
  return (weight === 'bold' ? (bold ?? regular) : (regular ?? bold)) ?? (weight === 'bold' ? 'bold' : 'regular');
}

/** Widths at 1 px, by weight and text: the same words recur across a report. Bounded, so a long-running host does not grow. */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, { text: string; family: string; unitWidth: number }[]>();

function unitRuns(text: string, weight: FontWeight) {
  const key = `${weight === 'bold' ? 'b' : 'r'}${text}`;
  let runs = cache.get(key);
  if (!runs) {
    runs = splitIntoRuns(text, weight === 'bold').map((r) => ({ text: r.text, family: FAMILY_OF_FACE[r.face], unitWidth: runWidth(r.face, r.text, 1) }));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, runs);
  }
  return runs;
}

/** The export fonts' metrics (fonts load on first use). */
export const exportTextMetrics: TextMetrics = {
  runs(text: string, fontSize: number, weight: FontWeight): MeasuredRun[] {
    return unitRuns(text, weight).map((r) => ({ text: r.text, family: r.family, width: r.unitWidth * fontSize }));
  },
};
