// One percent formatter for the whole app: the canvas, the inspector, the Figures
// tab, the measurement plan, the messages of the arithmetic and every export say
// a share the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percent as messagePercent } from '../../src-shared/domain/analytics/labels';
import { formatNumber, formatPercent, formatPercentPoints, METRIC_PERCENT_DECIMALS } from '../../src-shared/domain/number-format';
import { metricValue } from '../../src-shared/domain/report/build-report';
import { formatPercent as reportPercent } from '../../src-shared/domain/report/format';
import { formatShare } from '../../src-renderer/lib/figure-format';
import { formatMetricValue } from '../../src-renderer/lib/metric-format';

describe('formatting a share as a percent', () => {
  it.each([
    [0, '0 %'],
    [1, '100 %'],
    [0.35, '35 %'],
    [0.308, '30.8 %'],
    [0.30849, '30.8 %'],
    [0.0005, '0.1 %'],
    [0.00049, '0 %'],
    [1.1, '110 %'],
    [12.345, '1,234.5 %'],
    [-0.052, '-5.2 %'],
    [-0.0001, '0 %'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%s reads as %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });

  it('keeps more decimals only when asked', () => {
    expect(formatPercent(0.352512, 2)).toBe('35.25 %');
    expect(formatPercent(0.35, 2)).toBe('35 %');
  });

  it('shows a change in percentage points, signed', () => {
    expect(formatPercentPoints(0.0235)).toBe('+2.35 pts');
    expect(formatPercentPoints(0)).toBe('+0 pts');
    expect(formatPercentPoints(-0.01)).toBe('-1 pts');
  });

  it('reads back to the share it shows, to its last decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 3 }), (share, decimals) => {
        const shown = Number(formatPercent(share, decimals).replace(/ %$/, '').replace(/,/g, ''));
        expect(Math.abs(shown - share * 100)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      }),
      { seed: 4 },
    );
  });
});

describe('every place that shows a share uses it', () => {
  it('the Figures tab, the report and the arithmetic\'s messages say the same', () => {
    for (const share of [0, 0.077, 0.30849, 1.1, 12.345]) {
      expect(formatShare(share)).toBe(formatPercent(share));
      expect(reportPercent(share)).toBe(formatPercent(share));
      expect(messagePercent(share)).toBe(formatPercent(share));
    }
  });

  it('a percent metric (kept as 0..100) reads the same in the plan and in the report', () => {
    for (const value of [35, 35.25, 0.5, 1234.5]) {
      expect(formatMetricValue(value, 'percent', 'EUR')).toBe(metricValue(value, 'percent', 'EUR').text);
      expect(formatMetricValue(value, 'percent', 'EUR')).toBe(formatPercent(value / 100, METRIC_PERCENT_DECIMALS));
    }
    expect(formatMetricValue(35.25, 'percent', 'EUR')).toBe('35.25 %');
  });

  it('groups thousands locale-free', () => {
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
  });
});
