// The small pieces every export shares: locale-free number formats, the one line
// breaker (on injected text metrics), and XML escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, xmlSafe } from '../../../src-shared/domain/report/escape';
import { formatDays, formatMoney, formatNumber, formatPercent, formatTimestamp } from '../../../src-shared/domain/report/format';
import { textWidth, wrapText } from '../../../src-shared/domain/report/text-metrics';
import { monospaceMetrics } from '../../fixtures/text-metrics';

describe('number formats', () => {
  it.each([
    [1234567.891, 2, '1,234,567.89'],
    [1000, 1, '1,000'],
    [0.5, 0, '1'],
    [-2500.25, 1, '-2,500.3'],
    [-0.04, 1, '0'],
    [999.96, 1, '1,000'],
    [30.800000000000004, 1, '30.8'],
  ])('%d with at most %d decimals is %s', (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });

  it('write shares as percentages, days, money and timestamps the same on every machine', () => {
    expect(formatPercent(0.077)).toBe('7.7 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(12.25)).toBe('12.3 days');
    expect(formatMoney(25_000, 'EUR')).toBe('25,000 EUR');
    expect(formatMoney(12.5, 'USD')).toBe('12.50 USD');
    expect(formatMoney(12, 'USD')).toBe('12 USD');
    expect(formatTimestamp('2026-11-23T16:30:59.000Z')).toBe('2026-11-23 16:30 UTC');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});

describe('the one line breaker, on hand-worked monospace metrics (0.5 em a character, 1 em CJK)', () => {
  const m = monospaceMetrics;

  it('measures a text as the sum of its runs, wider in bold and for wide scripts', () => {
    expect(textWidth(m, 'Compare', 10)).toBe(35);
    expect(textWidth(m, 'Compare', 10, 'bold')).toBe(42);
    expect(textWidth(m, 'ab東京', 10)).toBe(30);
    expect(textWidth(m, '', 10)).toBe(0);
  });

  it('wraps at spaces within the width; trailing spaces do not count', () => {
    // 10 px a character at 20 px: "Build the" is 90 px, "Build the return" 160 px.
    expect(wrapText(m, 'Build the return model', 100, 20)).toEqual(['Build the', 'return', 'model']);
    expect(wrapText(m, 'abcd efghi', 100, 20)).toEqual(['abcd efghi']);
    expect(wrapText(m, 'abcde     fghij', 100, 20)).toEqual(['abcde', 'fghij']);
  });

  it('breaks after hyphens and slashes too', () => {
    expect(wrapText(m, 'sign-off/approval', 100, 20)).toEqual(['sign-off/', 'approval']);
  });

  it('cuts a word longer than a line where it overflows, and CJK text between any two characters', () => {
    expect(wrapText(m, 'x'.repeat(25), 100, 20)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrapText(m, '東京都千代田区丸の内一丁目', 60, 15)).toEqual(['東京都千', '代田区丸', 'の内一丁', '目']);
  });

  it('keeps line breaks the user typed, and blank lines', () => {
    expect(wrapText(m, 'first\r\nsecond\n\nthird', 300, 15)).toEqual(['first', 'second', '', 'third']);
  });

  it('never loses a character and never overflows unless a single character is wider than the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 20, max: 400 }), (text, width) => {
        const clean = text.replace(/\r/g, '');
        const lines = wrapText(m, clean, width, 15);
        expect(lines.join('').replace(/\s/g, '')).toBe(clean.replace(/\s/g, ''));
        for (const line of lines) if ([...line].length > 1) expect(textWidth(m, line, 15)).toBeLessThanOrEqual(width);
      }),
      { seed: 7 },
    );
  });

  it('breaks around wide characters beyond the first plane, and keeps a lone surrogate as one character', () => {
    expect(wrapText(m, '𠀀𠀁𠀂', 30, 15)).toEqual(['𠀀𠀁', '𠀂']);
    expect(wrapText(m, 'ab\uD800cd', 1000, 15)).toEqual(['ab\uD800cd']);
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('𠀀', '東', ' ', '-', '/', '\t', '\uD800', 'ab', 'x'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 120 }), fc.integer({ min: 20, max: 400 }), (text, width) => {
        const lines = wrapText(m, text, width, 15);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { seed: 11 },
    );
  });

  it('takes linear time on a 10,000-character note', () => {
    let calls = 0;
    const counting = { runs: (t: string, size: number, w: 'regular' | 'bold') => (calls++, m.runs(t, size, w)) };
    const note = 'word '.repeat(2000);
    wrapText(counting, note, 300, 15);
    expect(calls).toBeLessThanOrEqual(2 * 2000 + 10);
  });
});

describe('XML escaping', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('drops characters XML 1.0 cannot hold, keeping tabs, line breaks and astral characters', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(xmlSafe('tab\tline\nemoji 😀 東京')).toBe('tab\tline\nemoji 😀 東京');
  });
});
