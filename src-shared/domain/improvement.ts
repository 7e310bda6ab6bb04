// The kaizen item (DOMAIN.md "Improvement"): a problem, the idea that addresses it, the
// change to the map's numbers it expects, and its way from idea to adopted or dropped.
// Status rules, the focus limit and review dates live here so the API and the UI apply
// the same ones; nothing that can be computed from stored facts is stored twice.
import { z } from 'zod';
import type { EffectFigures, ExpectedEffect } from './analytics/effects';
import { CalendarDateSchema } from './calendar-date';
import { IdSchema } from './map-document';

export const IMPROVEMENT_STATUSES = ['idea', 'planned', 'trial', 'adopted', 'dropped'] as const;
export const ImprovementStatusSchema = z.enum(IMPROVEMENT_STATUSES);
export type ImprovementStatus = z.infer<typeof ImprovementStatusSchema>;
export const IMPROVEMENT_STATUS_LABELS: Record<ImprovementStatus, string> = {
  idea: 'Idea',
  planned: 'Planned',
  trial: 'On trial',
  adopted: 'Adopted',
  dropped: 'Dropped',
};

/** At most this many improvements planned or on trial at once ("focus on the top two"). */
export const FOCUS_LIMIT = 2;
/** Days from the trial start to the review unless the facilitator sets another date. */
export const DEFAULT_REVIEW_DAYS = 60;

export const ExpectedEffectSchema: z.ZodType<ExpectedEffect> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('conversion'), transitionId: IdSchema, rate: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('days-per-visit'), stageId: IdSchema, days: z.number().min(0).max(3650) }),
  z.strictObject({ kind: z.literal('complete-and-accurate'), stageId: IdSchema, share: z.number().min(0).max(1) }),
]);

/** What the improvement addresses on the map: the problem or waste it is linked to. */
export const ImprovementTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('process') }),
  z.strictObject({ kind: z.literal('stage'), stageId: IdSchema }),
  z.strictObject({ kind: z.literal('action'), stageId: IdSchema, actionId: IdSchema }),
  z.strictObject({ kind: z.literal('pain-point'), stageId: IdSchema }),
  z.strictObject({ kind: z.literal('transition'), transitionId: IdSchema }),
]);
export type ImprovementTarget = z.infer<typeof ImprovementTargetSchema>;

const Score = z.number().int().min(1).max(5).nullable();


const EffectFiguresSchema: z.ZodType<EffectFigures> = z.strictObject({
  winRate: z.number().nullable(),
  noDecisionShare: z.number().nullable(),
  winsPerPeriod: z.number().nullable(),
  revenuePerPeriod: z.number().nullable(),
  revenueGap: z.number().nullable(),
  daysToWin: z.number().nullable(),
  rolledCompleteAndAccurate: z.number().nullable(),
});

/** The modelled gain kept when the idea was planned: the prediction a later review is held to. */
export const FrozenPredictionSchema = z.strictObject({
  frozenAt: CalendarDateSchema,
  versionId: IdSchema,
  revision: z.number().int().min(0),
  effects: z.array(ExpectedEffectSchema).max(20),
  before: EffectFiguresSchema,
  after: EffectFiguresSchema,
  gain: z.number().nullable(),
  basis: z.enum(['wins-per-period', 'win-rate']),
});
export type FrozenPrediction = z.infer<typeof FrozenPredictionSchema>;

export const ImprovementFieldsSchema = z.strictObject({
  addresses: ImprovementTargetSchema,
  problem: z.string().max(1000),
  idea: z.string().trim().min(1, 'Say what the idea is').max(500),
  metricId: IdSchema.nullable(),
  impact: Score,
  effort: Score,
  votes: z.number().int().min(0).max(10_000),
  ownerRole: z.string().max(200),
  dueDate: CalendarDateSchema.nullable(),
  effects: z.array(ExpectedEffectSchema).max(20),
  trialStart: CalendarDateSchema.nullable(),
  reviewDate: CalendarDateSchema.nullable(),
  pdca: z.strictObject({ plan: z.string().max(4000), do: z.string().max(4000), check: z.string().max(4000), act: z.string().max(4000) }),
  result: z.string().max(4000),
});
export type ImprovementFields = z.infer<typeof ImprovementFieldsSchema>;

/** A new idea's fields: what it addresses filled in, everything else still to be said. */
export function blankImprovementFields(addresses: ImprovementTarget, prefill: Partial<ImprovementFields> = {}): ImprovementFields {
  return {
    addresses,
    problem: '',
    idea: '',
    metricId: null,
    impact: null,
    effort: null,
    votes: 0,
    ownerRole: '',
    dueDate: null,
    effects: [],
    trialStart: null,
    reviewDate: null,
    pdca: { plan: '', do: '', check: '', act: '' },
    result: '',
    ...prefill,
  };
}

export const ImprovementSchema = ImprovementFieldsSchema.extend({
  id: IdSchema,
  status: ImprovementStatusSchema,
  /** Why the focus limit was overridden to plan this one, or null. */
  focusOverrideReason: z.string().max(1000).nullable(),
  prediction: FrozenPredictionSchema.nullable(),
});
export type Improvement = z.infer<typeof ImprovementSchema>;

/** Allowed moves between statuses; anything else is refused with a sentence. */
const NEXT: Record<ImprovementStatus, readonly ImprovementStatus[]> = {
  idea: ['planned', 'dropped'],
  planned: ['idea', 'trial', 'dropped'],
  trial: ['planned', 'adopted', 'dropped'],
  adopted: ['trial'],
  dropped: ['idea'],
};

export function canMove(from: ImprovementStatus, to: ImprovementStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

export function moveRefusal(from: ImprovementStatus, to: ImprovementStatus): string {
  const allowed = NEXT[from].map((s) => IMPROVEMENT_STATUS_LABELS[s].toLowerCase());
  return `An improvement that is ${IMPROVEMENT_STATUS_LABELS[from].toLowerCase()} cannot become ${IMPROVEMENT_STATUS_LABELS[to].toLowerCase()} directly; it can become ${allowed.join(' or ')}.`;
}

export const inProgress = (status: ImprovementStatus) => status === 'planned' || status === 'trial';

export interface FocusItem {
  id: string;
  idea: string;
  status: ImprovementStatus;
}

export type FocusDecision =
  | { ok: true; override: boolean }
  | { ok: false; inProgress: FocusItem[]; message: string };

/**
 * May `id` become `to` without breaking the focus limit? Moving an item that is already in
 * progress, or out of progress, never counts against it. A non-empty override reason
 * lets a third one through (it is kept and printed).
 */
export function checkFocusLimit(items: readonly FocusItem[], id: string, to: ImprovementStatus, overrideReason: string | null = null): FocusDecision {
  const self = items.find((x) => x.id === id);
  if (!inProgress(to) || (self && inProgress(self.status))) return { ok: true, override: false };
  const others = items.filter((x) => x.id !== id && inProgress(x.status));
  if (others.length < FOCUS_LIMIT) return { ok: true, override: false };
  if (overrideReason !== null && overrideReason.trim() !== '') return { ok: true, override: true };
  const names = others.map((x) => `"${x.idea.trim() || 'an unnamed idea'}"`);
  const list = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return {
    ok: false,
    inProgress: others,
    message: `Focus on two at a time: ${list} are already planned or on trial. Adopt or drop one of them first, or record why this one cannot wait.`,
  };
}

/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone moves a day. */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export type ReviewState =
  | { kind: 'not-started' }
  | { kind: 'running'; daysLeft: number }
  | { kind: 'due' }
  | { kind: 'overdue'; daysOver: number }
  | { kind: 'closed' };

/** Where an improvement's trial stands on `today`, from its stored trial start and review date. */
export function reviewState(item: { status: ImprovementStatus; trialStart: string | null; reviewDate: string | null }, today: string): ReviewState {
  if (item.status === 'adopted' || item.status === 'dropped') return { kind: 'closed' };
  if (item.status !== 'trial' || item.trialStart === null) return { kind: 'not-started' };
  const reviewDate = item.reviewDate ?? addDays(item.trialStart, DEFAULT_REVIEW_DAYS);
  const left = daysBetween(today, reviewDate);
  if (left > 0) return { kind: 'running', daysLeft: left };
  if (left === 0) return { kind: 'due' };
  return { kind: 'overdue', daysOver: -left };
}

export interface RankableImprovement {
  id: string;
  impact: number | null;
  effort: number | null;
  votes: number;
  /** Modelled gain in the bottleneck ranking's units; null when no effect is stated or it cannot be computed. */
  gain: number | null;
}

/** A key that treats round-off differences as ties, as the bottleneck ranking does. */
const gainKey = (gain: number | null) => (gain === null ? -Infinity : Number(gain.toPrecision(12)));
const leverage = (x: RankableImprovement) => (x.impact === null || x.effort === null ? -Infinity : x.impact / x.effort);

/**
 * Ideas ranked by modelled gain; ties by impact ÷ effort, then votes, then the order given.
 * Ideas without a gain come after every idea with one, in the same tie order.
 */
export function rankImprovements<T extends RankableImprovement>(items: readonly T[]): (T & { rank: number })[] {
  const order = new Map(items.map((x, k) => [x.id, k]));
  return [...items]
    .sort(
      (a, b) =>
        gainKey(b.gain) - gainKey(a.gain) ||
        (leverage(b) === leverage(a) ? 0 : leverage(b) > leverage(a) ? 1 : -1) ||
        b.votes - a.votes ||
        order.get(a.id)! - order.get(b.id)!,
    )
    .map((x, k) => ({ ...x, rank: k + 1 }));
}
