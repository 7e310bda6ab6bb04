// The fonts every export embeds (Noto Sans, then Noto Sans JP for CJK, then Noto
// Emoji), found at run time in node_modules, and text split into runs by which font
// has the glyphs: pdfkit draws a missing glyph as a box rather than falling back by
// itself, and resvg's own fallback fails on mixed text.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';

export type FontFace = 'regular' | 'bold' | 'jpRegular' | 'jpBold' | 'emojiRegular' | 'emojiBold';

/** The names fonts are registered under in a PDF, and the families SVG text uses. */
export const FONT_FAMILY = 'Noto Sans';
export const FONT_FAMILY_JP = 'Noto Sans JP';
export const FONT_FAMILY_EMOJI = 'Noto Emoji';
export const PDF_FONT_NAMES: Record<FontFace, string> = {
  regular: 'NotoSans',
  bold: 'NotoSans-Bold',
  jpRegular: 'NotoSansJP',
  jpBold: 'NotoSansJP-Bold',
  emojiRegular: 'NotoEmoji',
  emojiBold: 'NotoEmoji-Bold',
};

/**
 * The fallback list: a character is drawn in the first font that has its glyph.
 * Noto Sans (Latin, Greek, Cyrillic…), Noto Sans JP (CJK), Noto Emoji (monochrome
 * outlines, which pdfkit, fontkit and resvg all draw).
 */
export const FONT_FALLBACKS: readonly { family: string; regular: FontFace; bold: FontFace }[] = [
  { family: FONT_FAMILY, regular: 'regular', bold: 'bold' },
  { family: FONT_FAMILY_JP, regular: 'jpRegular', bold: 'jpBold' },
  { family: FONT_FAMILY_EMOJI, regular: 'emojiRegular', bold: 'emojiBold' },
];

export const ALL_FACES: readonly FontFace[] = FONT_FALLBACKS.flatMap((f) => [f.regular, f.bold]);

/** The SVG font family of a face. */
export function familyOf(face: FontFace): string {
  return FONT_FALLBACKS.find((f) => f.regular === face || f.bold === face)?.family ?? FONT_FAMILY;
}

// Resolves from vitest (TS sources) and from the bundled out/main/*.js, where
// dependencies stay external and are found in node_modules next to the app
// (src-main is CommonJS once built, like index.ts's __dirname).
const requireHere = createRequire(__filename);

const FONT_FILES: Record<FontFace, { pkg: string; file: string }> = {
  regular: { pkg: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf' },
  bold: { pkg: '@expo-google-fonts/noto-sans', file: '700Bold/NotoSans_700Bold.ttf' },
  jpRegular: { pkg: '@expo-google-fonts/noto-sans-jp', file: '400Regular/NotoSansJP_400Regular.ttf' },
  jpBold: { pkg: '@expo-google-fonts/noto-sans-jp', file: '700Bold/NotoSansJP_700Bold.ttf' },
  emojiRegular: { pkg: '@expo-google-fonts/noto-emoji', file: '400Regular/NotoEmoji_400Regular.ttf' },
  emojiBold: { pkg: '@expo-google-fonts/noto-emoji', file: '700Bold/NotoEmoji_700Bold.ttf' },
};

const paths = new Map<FontFace, string>();

/** Absolute path of a font file (may lie inside an Electron asar archive). */
export function fontPath(face: FontFace): string {
  let path = paths.get(face);
  if (!path) {
    const { pkg, file } = FONT_FILES[face];
    path = join(dirname(requireHere.resolve(`${pkg}/package.json`)), file);
    paths.set(face, path);
  }
  return path;
}

const buffers = new Map<FontFace, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(face: FontFace): Buffer {
  let bytes = buffers.get(face);
  if (!bytes) {
    bytes = readFileSync(fontPath(face));
    buffers.set(face, bytes);
  }
  return bytes;
}

/**
 * Font paths a native library can open. Electron's fs reads inside app.asar, but
 * resvg's native code cannot, so files inside an archive are copied out once to a
 * temp folder named by their content.
 */
export function nativeFontFiles(faces: readonly FontFace[] = ALL_FACES): string[] {
  return faces.map((face) => {
    const path = fontPath(face);
    if (!path.includes(`.asar${sep}`)) return path;
    const bytes = fontBytes(face);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const folder = join(tmpdir(), 'leanmap-fonts');
    const copy = join(folder, `${hash}-${path.split(sep).pop() ?? 'font.ttf'}`);
    if (!existsSync(copy)) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(copy, bytes);
    }
    return copy;
  });
}

/** The part of a fontkit font we use: glyph coverage, advance widths and glyph outlines. */
export interface CoverageFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): {
    advanceWidth: number;
    glyphs: { id: number; path: { commands: { command: string; args: number[] }[] } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}
interface Fontkit {
  create(buffer: Buffer): CoverageFont;
}

// fontkit is pdfkit's own dependency: resolved from pdfkit so it is the copy pdfkit uses.
let fontkit: Fontkit | undefined;
function loadFontkit(): Fontkit {
  fontkit ??= createRequire(requireHere.resolve('pdfkit'))('fontkit') as Fontkit;
  return fontkit;
}

const coverage = new Map<FontFace, CoverageFont>();
/** The face as fontkit reads it, loaded once per process (thread). */
export function fontkitFont(face: FontFace): CoverageFont {
  let font = coverage.get(face);
  if (!font) {
    font = loadFontkit().create(fontBytes(face));
    coverage.set(face, font);
  }
  return font;
}

export interface TextRun {
  face: FontFace;
  text: string;
}

/**
 * True for code points that need no glyph of their own (spaces, joiners, marks of
 * control, variation selectors, emoji tag characters): they join the run they are in.
 */
function isNeutral(codePoint: number): boolean {
  return (
    codePoint === 0x20 ||
    codePoint === 0x09 ||
    codePoint === 0xa0 ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

const isSpace = (codePoint: number) => codePoint === 0x20 || codePoint === 0x09 || codePoint === 0xa0;
const isEmojiFace = (face: FontFace) => face === 'emojiRegular' || face === 'emojiBold';

const faceCache = new Map<string, FontFace>();

/** The face a code point is drawn in: the first of FONT_FALLBACKS that has its glyph. */
export function faceForCodePoint(codePoint: number, bold: boolean): FontFace {
  const key = `${bold ? 'b' : 'r'}${codePoint}`;
  let face = faceCache.get(key);
  if (!face) {
    const faces = FONT_FALLBACKS.map((f) => (bold ? f.bold : f.regular));
    const first = faces[0]!;
    // Below U+0250 (Latin, Latin-1, Latin Extended-A/B) Noto Sans covers everything.
    if (codePoint < 0x250) face = first;
    // None has it: Noto Sans's box is the honest answer.
    else face = faces.find((f) => fontkitFont(f).hasGlyphForCodePoint(codePoint)) ?? first;
    faceCache.set(key, face);
  }
  return face;
}

/**
 * Splits text into runs that one font can draw. Neutral characters (spaces) join
 * the run they are in, so "東京 office" is two runs, not three.
 */
export function splitIntoRuns(text: string, bold = false): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  let pending = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    // An emoji font's space is as wide as an emoji: spaces next to emoji are set in the text face.
    if (isSpace(codePoint) && current !== null && isEmojiFace(current.face)) {
      current = { face: bold ? 'bold' : 'regular', text: char };
      runs.push(current);
      continue;
    }
    if (isNeutral(codePoint)) {
      if (current) current.text += char;
      else pending += char;
      continue;
    }
    const face = faceForCodePoint(codePoint, bold);
    if (current && current.face === face) current.text += char;
    else {
      // Leading spaces stay out of an emoji run, in the text face.
      if (pending && isEmojiFace(face)) runs.push({ face: bold ? 'bold' : 'regular', text: pending });
      current = { face, text: isEmojiFace(face) ? char : pending + char };
      pending = '';
      runs.push(current);
    }
  }
  if (pending) runs.push({ face: bold ? 'bold' : 'regular', text: pending });
  return runs;
}

/** Advance width of a run set in `face` at `size` (kerning and shaping included). */
export function runWidth(face: FontFace, text: string, size: number): number {
  const font = fontkitFont(face);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

/** True when some character of the text needs a fallback font (CJK or emoji). */
export function needsFallback(text: string): boolean {
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0x250 && !isNeutral(codePoint) && faceForCodePoint(codePoint, false) !== 'regular') return true;
  }
  return false;
}
