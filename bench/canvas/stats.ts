// Percentiles and medians for the canvas benchmark's figures, and the order the subjects take turns in.

/** Nearest-rank percentile (p in 0..100) of the values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median of the values that were measured (nulls are runs where the step failed). */
export function median(values: readonly (number | null)[]): number | null {
  const measured = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (measured.length === 0) return null;
  const sorted = [...measured].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function max(values: readonly number[]): number | null {
  return values.length ? Math.max(...values) : null;
}

/** The items in turn, starting `offset` further on (wrapping), so that none is always first. */
export function rotated<T>(items: readonly T[], offset: number): T[] {
  return items.map((_, i) => items[(i + offset) % items.length]!);
}
