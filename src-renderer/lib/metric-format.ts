// How metric values and attachments read on screen.
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { Metric, MetricAttachment, MetricUnit } from '../../src-shared/domain/metric';
import { formatPercent, METRIC_PERCENT_DECIMALS } from '../../src-shared/domain/number-format';
import { COUNT_RULE, DAYS_RULE, PERCENT_RULE, moneyRule, type NumberRule } from '../../src-shared/domain/number-input';

/** The number reader's rule for a metric's values; amounts are in the workshop's currency. */
export function ruleForUnit(unit: MetricUnit, currency: string): NumberRule {
  return unit === 'percent' ? PERCENT_RULE : unit === 'days' ? DAYS_RULE : unit === 'currency' ? moneyRule(currency) : COUNT_RULE;
}

export function formatMetricValue(value: number | null, unit: MetricUnit, currency: string): string {
  if (value === null) return '—';
  // Percent metrics keep 0..100; the one percent formatter takes a share.
  if (unit === 'percent') return formatPercent(value / 100, METRIC_PERCENT_DECIMALS);
  const n = value.toLocaleString(undefined, { maximumFractionDigits: unit === 'count' || unit === 'currency' ? 0 : 1 });
  if (unit === 'days') return `${n} days`;
  if (unit === 'currency') return `${n} ${currency}`;
  return n;
}

export function attachmentLabel(doc: MapDocument, attachTo: MetricAttachment): string {
  const name = (id: string) => doc.stages.find((s) => s.id === id)?.name ?? doc.outcomes.find((o) => o.id === id)?.label ?? '(removed)';
  if (attachTo.kind === 'process') return 'Whole process';
  if (attachTo.kind === 'stage') return `Stage: ${name(attachTo.stageId)}`;
  const t = doc.transitions.find((x) => x.id === attachTo.transitionId);
  return t ? `${name(t.source)} → ${name(t.target)}` : 'Transition (removed)';
}

/** Where the latest reading stands between baseline and target: toward the target or not. */
export function readingTrend(metric: Metric): 'on-target' | 'improving' | 'worse' | 'none' {
  const latest = metric.readings.at(-1);
  if (!latest || metric.target === null) return 'none';
  const up = metric.baseline === null ? true : metric.target >= metric.baseline;
  if (up ? latest.value >= metric.target : latest.value <= metric.target) return 'on-target';
  if (metric.baseline === null) return 'none';
  return (up ? latest.value > metric.baseline : latest.value < metric.baseline) ? 'improving' : 'worse';
}
