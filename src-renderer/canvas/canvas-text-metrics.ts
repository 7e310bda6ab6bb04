// The shared TextMetrics (src-shared text-metrics) measured by the browser in the
// canvas's own font, for estimating card sizes before they are drawn (card-size.ts).
// Widths are cached: a map repeats its words many times.
import type { FontWeight, MeasuredRun, TextMetrics } from '../../src-shared/domain/report/text-metrics';

const FAMILY = "'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const WEIGHT: Record<FontWeight, number> = { regular: 400, bold: 800 };

export function canvasTextMetrics(): TextMetrics | null {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return null;
  // Widths by font, then by the text itself: the map's own strings are the keys, where a
  // "font|text" key made a new string of about 100 characters per card name.
  const widths = new Map<string, Map<string, number>>();
  let current = '';
  return {
    runs(text: string, fontSize: number, weight: FontWeight): MeasuredRun[] {
      if (!text) return [];
      const font = `${WEIGHT[weight]} ${fontSize}px ${FAMILY}`;
      let byText = widths.get(font);
      if (byText === undefined) widths.set(font, (byText = new Map()));
      let width = byText.get(text);
      if (width === undefined) {
        if (current !== font) context.font = current = font;
        width = context.measureText(text).width;
        byText.set(text, width);
      }
      return [{ text, family: FAMILY, width }];
    },
  };
}
