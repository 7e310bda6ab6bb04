// The conversion rates as the arithmetic reads them: what the team entered, the one
// blank exit that takes "the rest", and what is left unassigned (Stalled).
import type { MapDocument, Stage } from '../map-document';

/** Rates out of a stage may add up to 1 + this before it is an error (rounding in entered percentages). */
export const RATE_TOLERANCE = 1e-9;

export type RateSource =
  /** Typed in by the team. */
  | 'entered'
  /** The only blank transition out of its stage, ending at an outcome: 1 − the stage's other rates. */
  | 'rest'
  /** Blank and not derivable: a missing input. */
  | 'missing';

export interface ResolvedRate {
  transitionId: string;
  source: string;
  target: string;
  targetIsOutcome: boolean;
  /** null only when `from` is 'missing'. */
  rate: number | null;
  from: RateSource;
}

export interface StageRates {
  stageId: string;
  /** Transitions out of the stage, in storage order. */
  outgoing: ResolvedRate[];
  /** Sum of the entered rates (blanks count as nothing). */
  enteredSum: number;
  exceeds100: boolean;
  missingTransitionIds: string[];
  /** Share that goes nowhere (to Stalled); null while a rate is missing. */
  stalled: number | null;
}

// One resolution per document: the flow, the checks, the main path and the figures each
// ask for it, and at 1,000 stages resolving four times was a tenth of the analysis.
// Documents are replaced, not changed in place; the arrays are compared anyway. The
// result is shared: read it, never change it.
// The last resolution is also kept across documents: a map whose stages changed only in
// names, texts or positions (a keystroke, a drag) has the same rates.
interface Resolved {
  stages: readonly Stage[];
  outcomes: unknown;
  transitions: unknown;
  rates: Map<string, StageRates>;
}
const resolved = new WeakMap<MapDocument, Resolved>();
let last: Resolved | null = null;

const sameStageIds = (a: readonly Stage[], b: readonly Stage[]) => a === b || (a.length === b.length && a.every((s, i) => s.id === b[i]!.id));

/** Resolves every stage's outgoing rates. Transitions to unknown nodes are ignored. */
export function resolveRates(doc: MapDocument): Map<string, StageRates> {
  const cached = resolved.get(doc) ?? last;
  if (cached && cached.outcomes === doc.outcomes && cached.transitions === doc.transitions && sameStageIds(cached.stages, doc.stages)) {
    resolved.set(doc, cached);
    return cached.rates;
  }
  const rates = resolveRatesOf(doc);
  last = { stages: doc.stages, outcomes: doc.outcomes, transitions: doc.transitions, rates };
  resolved.set(doc, last);
  return rates;
}

function resolveRatesOf(doc: MapDocument): Map<string, StageRates> {
  const stageIds = new Set(doc.stages.map((s) => s.id));
  const outcomeIds = new Set(doc.outcomes.map((o) => o.id));
  const byStage = new Map<string, StageRates>();
  for (const s of doc.stages) {
    byStage.set(s.id, { stageId: s.id, outgoing: [], enteredSum: 0, exceeds100: false, missingTransitionIds: [], stalled: null });
  }
  for (const t of doc.transitions) {
    const stage = byStage.get(t.source);
    if (!stage || (!stageIds.has(t.target) && !outcomeIds.has(t.target)) || t.source === t.target) continue;
    stage.outgoing.push({
      transitionId: t.id,
      source: t.source,
      target: t.target,
      targetIsOutcome: outcomeIds.has(t.target),
      rate: t.conversionRate,
      from: t.conversionRate === null ? 'missing' : 'entered',
    });
  }
  for (const stage of byStage.values()) {
    const blanks = stage.outgoing.filter((r) => r.rate === null);
    stage.enteredSum = stage.outgoing.reduce((sum, r) => sum + (r.rate ?? 0), 0);
    stage.exceeds100 = stage.enteredSum > 1 + RATE_TOLERANCE;
    const remainder = Math.max(0, 1 - stage.enteredSum);
    if (blanks.length === 1 && blanks[0]!.targetIsOutcome) {
      blanks[0]!.rate = remainder;
      blanks[0]!.from = 'rest';
      stage.stalled = 0;
    } else if (blanks.length === 0) {
      stage.stalled = remainder > RATE_TOLERANCE ? remainder : 0;
    }
    stage.missingTransitionIds = stage.outgoing.filter((r) => r.from === 'missing').map((r) => r.transitionId);
  }
  return byStage;
}
