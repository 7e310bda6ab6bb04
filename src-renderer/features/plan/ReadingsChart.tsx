// A small line chart of a metric's readings with its baseline and target as lines.
import type { Metric } from '../../../src-shared/domain/metric';
import { formatMetricValue } from '../../lib/metric-format';

const W = 640;
const H = 180;
const PAD = { left: 70, right: 110, top: 16, bottom: 28 };

export function ReadingsChart({ metric, currency }: { metric: Metric; currency: string }) {
  const values = [...metric.readings.map((r) => r.value), metric.baseline, metric.target].filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const n = metric.readings.length;
  const x = (i: number) => PAD.left + (n <= 1 ? 0.5 : i / (n - 1)) * (W - PAD.left - PAD.right);
  const line = (v: number | null, label: string, cls: string) =>
    v === null ? null : (
      <g className={cls}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
        <text x={W - PAD.right + 6} y={y(v) + 5}>
          {label} {formatMetricValue(v, metric.unit, currency)}
        </text>
      </g>
    );
  return (
    <svg className="readings-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Readings of ${metric.name} against baseline and target`}>
      {line(metric.baseline, 'Baseline', 'chart-baseline')}
      {line(metric.target, 'Target', 'chart-target')}
      {n > 1 && <polyline className="chart-line" points={metric.readings.map((r, i) => `${x(i)},${y(r.value)}`).join(' ')} />}
      {metric.readings.map((r, i) => (
        <g key={r.id}>
          <circle className="chart-point" cx={x(i)} cy={y(r.value)} r={6} />
          <text className="chart-date" x={x(i)} y={H - 6} textAnchor="middle">
            {r.date}
          </text>
        </g>
      ))}
    </svg>
  );
}
