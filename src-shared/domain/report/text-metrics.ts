// Text measurement for the map picture and the PDF, injected so src-shared stays
// pure: the Node side passes the metrics of the fonts the exports embed
// (src-main/export/font-metrics.ts), a test may pass a simple fake. On top of it,
// the one line breaker every layout uses (map cards, PDF paragraphs and tables).

export type FontWeight = 'regular' | 'bold';

/** A piece of text that one font draws, with its advance width at the size asked. */
export interface MeasuredRun {
  text: string;
  /** The font family that draws it (an SVG font-family name, e.g. "Noto Sans JP"). */
  family: string;
  width: number;
}

export interface TextMetrics {
  /**
   * The text split into runs, each drawn by one font (the first font of a fallback
   * chain that has the character), with widths at `fontSize` px. The runs' texts
   * joined give `text` back; an empty text has no runs.
   */
  runs(text: string, fontSize: number, weight: FontWeight): MeasuredRun[];
}

/** Width in px of `text` set at `fontSize` px: the sum of its runs. */
export function textWidth(metrics: TextMetrics, text: string, fontSize: number, weight: FontWeight = 'regular'): number {
  let width = 0;
  for (const run of metrics.runs(text, fontSize, weight)) width += run.width;
  return width;
}

/** Chinese, Japanese and Korean characters (and full-width forms): a line may break before or after each. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Where a line may break: after spaces, hyphens and slashes, and around each wide (CJK) character. */
function tokens(text: string): string[] {
  // By index and slice, not character by character: every card's text goes through here when a map opens.
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (isWide(code)) {
      if (i > start) out.push(text.slice(start, i));
      out.push(text.slice(i, i + size));
      i += size;
      start = i;
      continue;
    }
    i += size;
    // space, tab, hyphen-minus, slash
    if (code === 0x20 || code === 0x09 || code === 0x2d || code === 0x2f) {
      out.push(text.slice(start, i));
      start = i;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * Greedy word wrap to `maxWidth` px. Newlines in the text start new lines; a word
 * longer than a line is cut where it overflows; trailing spaces do not count
 * towards a line's width and are dropped. Each token (and, for a cut word, each
 * character) is measured once, so a 10,000-character note costs linear time.
 */
export function wrapText(metrics: TextMetrics, text: string, maxWidth: number, fontSize: number, weight: FontWeight = 'regular'): string[] {
  const measure = (s: string) => textWidth(metrics, s, fontSize, weight);
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    // The width of the line without its trailing spaces, and of those spaces.
    let lineWidth = 0;
    let trailWidth = 0;
    /** Puts a token first on the (empty) line, cutting a word too wide for any line. */
    const start = (word: string, trail: string, wordWidth: number, spaceWidth: number) => {
      if (wordWidth <= maxWidth) {
        line = word + trail;
        lineWidth = wordWidth;
        trailWidth = spaceWidth;
        return;
      }
      let piece = '';
      let pieceWidth = 0;
      for (const ch of word) {
        const w = measure(ch);
        if (piece && pieceWidth + w > maxWidth) {
          lines.push(piece);
          piece = '';
          pieceWidth = 0;
        }
        piece += ch;
        pieceWidth += w;
      }
      line = piece + trail;
      lineWidth = pieceWidth;
      trailWidth = spaceWidth;
    };
    for (const token of tokens(paragraph)) {
      const word = token.trimEnd();
      const trail = token.slice(word.length);
      const wordWidth = word ? measure(word) : 0;
      const spaceWidth = trail ? measure(trail) : 0;
      if (word === '') {
        // Spaces only: they hang at the end of the line, never break it.
        line += trail;
        trailWidth += spaceWidth;
      } else if (line === '') {
        start(word, trail, wordWidth, spaceWidth);
      } else if (lineWidth + trailWidth + wordWidth <= maxWidth) {
        line += token;
        lineWidth += trailWidth + wordWidth;
        trailWidth = spaceWidth;
      } else {
        if (line.trim()) lines.push(line.trimEnd());
        start(word, trail, wordWidth, spaceWidth);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
