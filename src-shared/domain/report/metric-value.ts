// A value of the measurement plan as the report shows it, in the metric's own unit; used
// by the plan's table and by the improvement plan's "observed" column.
import type { MetricUnit } from '../metric';
import { METRIC_PERCENT_DECIMALS } from '../number-format';
import { formatDays, formatNumber, formatPercent, unknown, valueOf } from './format';
import type { ReportValue } from './report-model';

/** A value of the measurement plan, in the metric's own unit (35 means 35 % for a percent metric). */
export function metricValue(value: number | null, unit: MetricUnit, currency: string): ReportValue {
  if (value === null) return unknown(unit === 'currency' ? 'money' : unit === 'percent' ? 'percent' : unit);
  switch (unit) {
    case 'percent':
      return { text: formatPercent(value / 100, METRIC_PERCENT_DECIMALS), value: value / 100, kind: 'percent' };
    case 'days':
      return { text: formatDays(value), value, kind: 'days' };
    case 'count':
      return { text: formatNumber(value, 2), value, kind: 'count' };
    case 'currency':
      return valueOf.money(value, currency);
  }
}
