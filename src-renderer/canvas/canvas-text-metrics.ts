// The shared TextMetrics (src-shared text-metrics) measured by the browser in the
// canvas's own font, for estimating card sizes before they are drawn (card-size.ts).
// Widths are cached: a map repeats its words many times.
import type { FontWeight, MeasuredRun, TextMetrics } from '../../src-shared/domain/report/text-metrics';

const FAMILY = "'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const WEIGHT: Record<FontWeight, number> = { regular: 400, bold: 800 };

export function canvasTextMetrics(): TextMetrics | null {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return null;
  const widths = new Map<string, number>();
  let current = '';
  return {
    runs(text: string, fontSize: number, weight: FontWeight): MeasuredRun[] {
      if (!text) return [];
      const font = `${WEIGHT[weight]} ${fontSize}px ${FAMILY}`;
      const key = `${font}|${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        if (current !== font) context.font = current = font;
        width = context.measureText(text).width;
        widths.set(key, width);
      }
      return [{ text, family: FAMILY, width }];
    },
  };
}
