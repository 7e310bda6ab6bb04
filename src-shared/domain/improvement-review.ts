// The 60-day review: an improvement's metric readings before and after its trial
// started, against baseline, target and the frozen prediction. With too few readings on
// a side the review says so instead of claiming a change.
import type { ExpectedEffect } from './analytics/effects';
import type { MetricAttachment, MetricUnit } from './metric';

/** Fewer readings than this on either side and no change is claimed. */
export const MIN_READINGS_PER_SIDE = 2;

export interface ReviewReading {
  date: string;
  value: number;
}

export interface ReadingSide {
  count: number;
  mean: number | null;
  latest: ReviewReading | null;
}

export type ObservedChange =
  | { kind: 'measured'; before: number; after: number; change: number }
  | { kind: 'too-few'; message: string };

export interface ReviewComparison {
  before: ReadingSide;
  after: ReadingSide;
  change: ObservedChange;
  /** The value the trial period shows (mean after the start), when there is at least one reading after it. */
  observed: number | null;
  baseline: number | null;
  target: number | null;
  /** observed against target, in the metric's direction (baseline → target). */
  targetMet: boolean | null;
}

function side(readings: readonly ReviewReading[]): ReadingSide {
  if (readings.length === 0) return { count: 0, mean: null, latest: null };
  const sorted = [...readings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { count: readings.length, mean: readings.reduce((s, r) => s + r.value, 0) / readings.length, latest: sorted[sorted.length - 1]! };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Readings dated before the trial start are "before"; on or after it, "after". */
export function compareReadings(
  readings: readonly ReviewReading[],
  trialStart: string,
  plan: { baseline: number | null; target: number | null },
  minPerSide = MIN_READINGS_PER_SIDE,
): ReviewComparison {
  const before = side(readings.filter((r) => r.date < trialStart));
  const after = side(readings.filter((r) => r.date >= trialStart));
  let change: ObservedChange;
  if (before.count >= minPerSide && after.count >= minPerSide) {
    change = { kind: 'measured', before: before.mean!, after: after.mean!, change: after.mean! - before.mean! };
  } else {
    const short = [
      before.count < minPerSide ? `${plural(before.count, 'reading')} before the trial started` : null,
      after.count < minPerSide ? `${plural(after.count, 'reading')} since it started` : null,
    ].filter((x): x is string => x !== null);
    change = {
      kind: 'too-few',
      message: `Only ${short.join(' and ')}: at least ${minPerSide} are needed on each side before a change can be claimed.`,
    };
  }
  const observed = after.mean;
  const { baseline, target } = plan;
  let targetMet: boolean | null = null;
  if (observed !== null && target !== null) {
    // Lower is better when the target is below the baseline (days, for instance).
    const lowerIsBetter = baseline !== null && target < baseline;
    targetMet = lowerIsBetter ? observed <= target : observed >= target;
  }
  return { before, after, change, observed, baseline, target, targetMet };
}

/**
 * The improvement's effects with the observed value in place of the predicted one, so the
 * map can be re-run on what happened ("what the map says now"). Only a metric that
 * measures one of the map's numbers can do this: a percent metric on a transition (its
 * conversion) or a days metric on a stage (its days per visit). null with a reason otherwise.
 */
export function effectsWithObserved(
  effects: readonly ExpectedEffect[],
  metric: { attachTo: MetricAttachment; unit: MetricUnit },
  observed: number,
): { effects: ExpectedEffect[] } | { reason: string } {
  const at = metric.attachTo;
  let replaced = false;
  const next = effects.map((e): ExpectedEffect => {
    if (e.kind === 'conversion' && at.kind === 'transition' && at.transitionId === e.transitionId && metric.unit === 'percent') {
      replaced = true;
      return { ...e, rate: Math.min(1, Math.max(0, observed / 100)) };
    }
    if (e.kind === 'days-per-visit' && at.kind === 'stage' && at.stageId === e.stageId && metric.unit === 'days') {
      replaced = true;
      return { ...e, days: Math.max(0, observed) };
    }
    return e;
  });
  if (!replaced) {
    return { reason: "This metric does not measure the map number the idea changes, so the map cannot be re-run with what was observed." };
  }
  return { effects: next };
}
