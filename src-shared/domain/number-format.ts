// How numbers read wherever Leanmap shows or prints them: the canvas, the inspector,
// the Figures tab, the measurement plan, every export and every message. By hand
// and locale-free, so the screen and the report say the same and a report gives
// byte-identical files on every machine. (Typed numbers: number-input.ts.)

/** Placeholder for an unknown value. */
export const UNKNOWN = '—';

/** Rounds to at most `maxDecimals`, trims trailing zeros, groups thousands with commas: 1234567.5 → "1,234,567.5". */
export function formatNumber(value: number, maxDecimals = 1, options: { keepZeros?: boolean } = {}): string {
  if (!Number.isFinite(value)) return UNKNOWN;
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [whole = '0', digits = ''] = fixed.split('.');
  const fraction = options.keepZeros ? digits : digits.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * The one percent formatter: a share 0..1 as "30.8 %" (at most one decimal unless
 * asked, trailing zeros dropped, a space before the sign). Percent values that are
 * kept as 0..100 (a metric's baseline) are passed as value / 100.
 */
export function formatPercent(share: number, maxDecimals = 1): string {
  if (!Number.isFinite(share)) return UNKNOWN;
  return `${formatNumber(share * 100, maxDecimals)} %`;
}

/** A metric's percent values (baselines, targets, readings) keep the hundredths people type, on screen and in print. */
export const METRIC_PERCENT_DECIMALS = 2;

/** A change of a share in percentage points, signed: 0.0235 → "+2.35 pts". */
export function formatPercentPoints(change: number, maxDecimals = 2): string {
  if (!Number.isFinite(change)) return UNKNOWN;
  const text = formatNumber(change * 100, maxDecimals);
  return `${text.startsWith('-') ? '' : '+'}${text} pts`;
}
