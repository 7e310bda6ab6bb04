// Text measurement for the compared maps on screen: the report's map layout needs a
// TextMetrics, and on screen the browser's own fonts draw the SVG, so the browser's
// canvas measures it (the export uses the embedded fonts' metrics instead).
import { FONT_FAMILY, PRIMARY_FAMILY } from '../../../src-shared/domain/report/svg-writer';
import type { FontWeight, MeasuredRun, TextMetrics } from '../../../src-shared/domain/report/text-metrics';

export function createCanvasTextMetrics(): TextMetrics {
  const context = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  return {
    runs(text: string, fontSize: number, weight: FontWeight): MeasuredRun[] {
      if (text === '') return [];
      const key = `${weight}|${fontSize}|${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        if (context) {
          context.font = `${weight === 'bold' ? 'bold ' : ''}${fontSize}px ${FONT_FAMILY}`;
          width = context.measureText(text).width;
        } else width = text.length * fontSize * 0.55;
        if (widths.size > 20_000) widths.clear();
        widths.set(key, width);
      }
      // One run: the browser falls back per character by itself when it draws the SVG.
      return [{ text, family: PRIMARY_FAMILY, width }];
    },
  };
}
