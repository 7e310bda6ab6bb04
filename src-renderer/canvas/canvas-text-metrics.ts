// The shared TextMetrics (src-shared text-metrics) measured by the browser in the
// canvas's own font, for estimating card sizes before they are drawn (card-size.ts).
// Opening a 1,000-stage map measures some 250,000 words, most of them repeats: each
// text is measured once per font and its run kept, and the lookup builds no strings
// (a font key per call and a fresh run per call cost more than the measuring).
import type { FontWeight, MeasuredRun, TextMetrics } from '../../src-shared/domain/report/text-metrics';

const FAMILY = "'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const WEIGHT: Record<FontWeight, number> = { regular: 400, bold: 800 };

export function canvasTextMetrics(): TextMetrics | null {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return null;
  // Setting the font parses it: only when it changes (read back, it is normalised, so kept here).
  let current = '';
  return cachedRuns((text, font) => {
    if (current !== font) context.font = current = font;
    return context.measureText(text).width;
  });
}

/** TextMetrics over `measure` (one font's width of a text), each text measured once per font; the runs are shared, not copied. */
export function cachedRuns(measure: (text: string, font: string) => number): TextMetrics {
  const fonts = new Map<number, { font: string; runs: Map<string, MeasuredRun[]> }>();
  return {
    runs(text: string, fontSize: number, weight: FontWeight): MeasuredRun[] {
      if (!text) return [];
      const fontKey = weight === 'bold' ? -fontSize : fontSize;
      let cache = fonts.get(fontKey);
      if (!cache) {
        cache = { font: `${WEIGHT[weight]} ${fontSize}px ${FAMILY}`, runs: new Map() };
        fonts.set(fontKey, cache);
      }
      let runs = cache.runs.get(text);
      if (!runs) {
        runs = [{ text, family: FAMILY, width: measure(text, cache.font) }];
        cache.runs.set(text, runs);
      }
      return runs;
    },
  };
}
