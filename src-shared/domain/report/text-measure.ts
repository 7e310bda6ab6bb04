// Text width without a DOM: advance widths of Noto Sans (the export font) per
// character, so the map's boxes and line breaks come out the same on every machine.
// Widths are for Basic Latin and Latin-1/Extended-A; wide scripts (CJK, Hangul,
// full-width forms) count a full em, anything else a generous 0.6 em.

export type FontWeight = 'regular' | 'bold';

// Noto Sans Regular, U+0020..U+007E then U+00A0..U+017F, in thousandths of an em.
const REGULAR_ASCII: readonly number[] = [260,269,408,646,572,831,732,225,300,300,551,572,268,322,268,372,572,572,572,572,572,572,572,572,572,572,268,268,572,572,572,434,899,639,650,632,730,556,519,728,741,339,273,619,524,907,760,781,605,781,622,549,556,731,600,930,586,566,572,329,372,329,572,444,281,561,615,480,615,564,344,615,618,258,258,534,258,935,618,605,615,615,413,479,361,618,508,786,529,510,470,380,551,380,572];
const REGULAR_LATIN: readonly number[] = [260,269,572,572,572,572,551,513,580,832,357,509,572,322,832,500,428,572,350,350,281,623,655,268,225,350,376,509,745,771,781,434,639,639,639,639,639,639,881,632,556,556,556,556,339,339,339,339,730,760,781,781,781,781,781,572,781,731,731,731,731,566,605,631,561,561,561,561,561,561,864,480,564,564,564,564,258,258,258,258,605,618,605,605,605,605,605,572,605,618,618,618,618,510,615,510,639,561,639,561,639,561,632,480,632,480,632,480,632,480,730,615,730,617,556,564,556,564,556,564,556,564,556,564,728,615,728,615,728,615,728,615,741,618,741,618,339,258,339,258,339,258,339,258,339,258,612,516,273,258,619,534,534,524,258,524,258,524,258,524,268,524,258,760,618,760,618,760,618,688,760,618,781,605,781,605,781,605,928,946,622,413,622,413,622,413,549,479,549,479,549,479,549,479,556,361,556,361,556,361,731,618,731,618,731,618,731,618,731,618,731,618,930,786,566,510,566,572,470,572,470,572,470,326];
// Noto Sans Bold, the same ranges.
const BOLD_ASCII: readonly number[] = [260,282,479,646,572,902,750,266,339,339,542,572,285,320,281,415,572,572,572,572,572,572,572,572,572,572,281,285,572,572,572,477,898,692,665,642,732,560,549,724,765,389,331,664,559,943,813,791,621,791,656,551,577,756,650,967,670,626,579,331,415,331,572,411,365,599,632,516,632,597,387,632,650,299,298,620,298,975,650,625,632,632,447,502,434,650,571,856,578,571,493,394,551,394,572];
const BOLD_LATIN: readonly number[] = [260,286,572,572,568,572,551,486,593,832,381,614,572,320,832,500,424,572,379,380,365,653,648,281,263,380,386,614,830,874,845,477,692,692,692,692,692,692,952,642,560,560,560,560,389,389,389,389,732,805,791,791,791,791,791,572,791,756,756,756,756,626,628,704,599,599,599,599,599,599,917,516,597,597,597,597,299,299,299,299,627,650,625,625,625,625,625,572,619,650,650,650,650,571,632,571,692,599,692,599,692,599,642,516,642,516,642,516,642,516,732,632,732,645,560,597,560,597,560,597,560,591,560,597,724,632,724,632,724,632,724,632,765,650,766,657,389,299,389,299,389,299,389,299,389,299,722,610,331,298,660,620,620,559,298,559,298,559,298,559,369,565,305,805,650,805,650,805,650,775,813,650,791,625,791,625,791,625,973,978,656,447,656,447,656,447,551,502,551,502,551,502,551,502,577,434,577,434,577,434,756,650,756,650,756,650,756,650,756,650,756,650,967,862,626,571,626,579,493,579,493,579,493,383];

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Width of one character in thousandths of an em. */
function charWidth(code: number, weight: FontWeight): number {
  const ascii = weight === 'bold' ? BOLD_ASCII : REGULAR_ASCII;
  const latin = weight === 'bold' ? BOLD_LATIN : REGULAR_LATIN;
  if (code >= 0x20 && code <= 0x7e) return ascii[code - 0x20]!;
  if (code >= 0xa0 && code <= 0x17f) return latin[code - 0xa0]!;
  if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) return 0;
  return isWide(code) ? 1000 : 600;
}

/** Estimated width in px of `text` set at `fontSize` px. */
export function textWidth(text: string, fontSize: number, weight: FontWeight = 'regular'): number {
  let total = 0;
  for (const ch of text) total += charWidth(ch.codePointAt(0)!, weight);
  return (total * fontSize) / 1000;
}

/** Where a line may break: after spaces and hyphens, and between wide (CJK) characters. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    const wide = isWide(ch.codePointAt(0)!);
    if (wide) {
      if (current) out.push(current);
      out.push(ch);
      current = '';
      continue;
    }
    current += ch;
    if (ch === ' ' || ch === '-' || ch === '/') {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/** Splits a too-long word into pieces that fit. */
function breakWord(word: string, maxWidth: number, fontSize: number, weight: FontWeight): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && textWidth(current + ch, fontSize, weight) > maxWidth) {
      pieces.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Greedy word wrap to `maxWidth` px. Newlines in the text start new lines; words
 * longer than a line are broken. Trailing spaces do not count towards a line's width.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: FontWeight = 'regular'): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const token of tokens(paragraph)) {
      const candidate = line + token;
      if (textWidth(candidate.trimEnd(), fontSize, weight) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      if (textWidth(token.trimEnd(), fontSize, weight) <= maxWidth) {
        line = token;
      } else {
        const pieces = breakWord(token, maxWidth, fontSize, weight);
        lines.push(...pieces.slice(0, -1).map((p) => p.trimEnd()));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
