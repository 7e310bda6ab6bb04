// The small pieces every export shares: locale-free number formats, text measured
// without a DOM, and XML escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, xmlSafe } from '../../../src-shared/domain/report/escape';
import { formatDays, formatMoney, formatNumber, formatPercent, formatTimestamp } from '../../../src-shared/domain/report/format';
import { textWidth, wrapText } from '../../../src-shared/domain/report/text-measure';

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

describe('text measured without a DOM', () => {
  it('is wider in bold and for wide scripts', () => {
    expect(textWidth('Compare options', 15, 'bold')).toBeGreaterThan(textWidth('Compare options', 15));
    expect(textWidth('東京', 15)).toBe(30);
    expect(textWidth('', 15)).toBe(0);
  });

  it('wraps at spaces within the width, keeping every word', () => {
    const text = 'Builds the return model together with the customer’s figures';
    const lines = wrapText(text, 200, 15);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 15)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks words longer than a line, and CJK text anywhere', () => {
    expect(wrapText('x'.repeat(100), 100, 15).every((l) => textWidth(l, 15) <= 100)).toBe(true);
    expect(wrapText('東京都千代田区丸の内一丁目', 60, 15)).toEqual(['東京都千', '代田区丸', 'の内一丁', '目']);
  });

  it('keeps line breaks the user typed', () => {
    expect(wrapText('first\nsecond', 300, 15)).toEqual(['first', 'second']);
  });

  it('never loses a character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 20, max: 400 }), (text, width) => {
        const lines = wrapText(text.replace(/\r/g, ''), width, 15);
        expect(lines.join('').replace(/[\s]/g, '')).toBe(text.replace(/[\s]/g, ''));
      }),
    );
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
