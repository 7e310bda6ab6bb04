// The canvas's text metrics measure each text once per font (a big map repeats its
// words thousands of times) and keep the fonts apart.
import { describe, expect, it } from 'vitest';
import { cachedRuns } from '../../../src-renderer/canvas/canvas-text-metrics';
import { textWidth, wrapText } from '../../../src-shared/domain/report/text-metrics';

describe('cachedRuns', () => {
  it('measures a text once per font, and tells sizes and weights apart', () => {
    const calls: string[] = [];
    // A fake font: 10 px per character at 17 px regular, scaled by size, bold a fifth wider.
    const metrics = cachedRuns((text, font) => {
      calls.push(`${font}|${text}`);
      const size = Number(/ (\d+)px /.exec(font)![1]);
      return text.length * 10 * (size / 17) * (font.startsWith('800') ? 1.2 : 1);
    });
    expect(textWidth(metrics, 'Budget', 17)).toBe(60);
    expect(textWidth(metrics, 'Budget', 17)).toBe(60);
    expect(textWidth(metrics, 'Budget', 34)).toBe(120);
    expect(textWidth(metrics, 'Budget', 17, 'bold')).toBe(72);
    expect(calls).toEqual([
      "400 17px 'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif|Budget",
      "400 34px 'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif|Budget",
      "800 17px 'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif|Budget",
    ]);
  });

  it('gives no runs for an empty text, and wraps with the shared line breaker', () => {
    const metrics = cachedRuns((text) => text.length * 10);
    expect(metrics.runs('', 17, 'regular')).toEqual([]);
    // "Budget " is 70 wide with its space, "owner" 50: 120 > 100, so two lines.
    expect(wrapText(metrics, 'Budget owner', 100, 17)).toEqual(['Budget', 'owner']);
  });
});
