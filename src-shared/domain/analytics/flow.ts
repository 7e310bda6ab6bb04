// The buying journey as an absorbing Markov chain (DOMAIN.md "The arithmetic"):
// stages are transient, outcomes and a synthetic Stalled state absorb. Either the
// chain with N[entry, ·] and B[entry, ·], or the problems that stop it, as data.
//
// Rules the UI explains to facilitators:
// - Entry: process.entryStageId when set, else the first stage nothing leads to.
// - A blank rate is a missing input, except the only blank transition out of a stage
//   that ends at an outcome: it takes the rest (1 − the stage's other rates).
// - What a stage's rates leave unassigned goes to Stalled, counted with No decision.
// - Rates out of a stage above 100 % (beyond 1e-9) are an error on that stage.
// - Only stages buyers can reach need their inputs. "Can reach" follows every
//   stage→stage transition whose rate is positive *or still blank*: a blank rate may
//   turn out positive, so the stage behind it is asked for too and the facilitator
//   sees the whole list at once; typing 0 % there takes that stage out of scope.
//   Transitions at 0 % carry nobody. Stages out of reach are listed, not errors.
// - A reachable stage from which no outcome (and no Stalled share) can be reached is
//   an endless loop: an error listing those stages, never a number.
import type { MapDocument, OutcomeKind } from '../map-document';
import { entryStageId as defaultEntryStageId } from '../transition-kind';
import { canReach, reachableFrom, stagesOnCycles, type Successors } from './graph';
import { nodeName, percent } from './labels';
import { DEFAULT_CONDITION_TOLERANCE } from './linear-algebra';
import { sparseLuFactor, sparseReciprocalCondition, sparseSolveTransposed, type SparseLu } from './sparse-lu';
import { resolveRates, type ResolvedRate, type StageRates } from './rates';

export type FlowProblem =
  | { code: 'no-stages'; message: string }
  | { code: 'no-entry'; stageId: string | null; message: string }
  | { code: 'missing-conversion'; stageId: string; transitionIds: string[]; message: string }
  | { code: 'rates-exceed-100'; stageId: string; sum: number; message: string }
  | { code: 'endless-loop'; stageIds: string[]; message: string }
  /** Loops so close to 100 % that the numbers would be noise (a rate like 99.9999999999 %). */
  | { code: 'near-endless-loop'; stageIds: string[]; message: string };

export type FlowProblemCode = FlowProblem['code'];

export interface FlowFailure {
  ok: false;
  problems: FlowProblem[];
  entryStageId: string | null;
  unreachableStageIds: string[];
}

export interface FlowChain {
  ok: true;
  entryStageId: string;
  /** Stages buyers can reach, in map order; the chain's transient states. */
  reachableStageIds: string[];
  unreachableStageIds: string[];
  /** N[entry, s]: expected visits to each stage per entering buyer (0 for stages out of reach). */
  expectedVisits: Record<string, number>;
  /** B[entry, ·]: probability of ending in each outcome (every outcome id) and in Stalled. Sums to 1. */
  absorption: { byOutcome: Record<string, number>; stalled: number };
  /** Sum of B over outcomes of kind won. */
  winRate: number;
  /** No-decision outcomes plus Stalled. */
  noDecisionShare: number;
  lostShare: number;
  disqualifiedShare: number;
  /** Rates of the transitions out of reachable stages, as used (entered or rest). */
  rates: ResolvedRate[];
  /** Share of each reachable stage's buyers that stall there (only stages where it is above 0). */
  stalledByStage: Record<string, number>;
}

export type FlowResult = FlowFailure | FlowChain;

/** The solved chain with what later calculations reuse (the LU of I − Q, indices). */
export interface FlowModel {
  chain: FlowChain;
  doc: MapDocument;
  stageRates: Map<string, StageRates>;
  /** Row/column i of the matrices is reachableStageIds[i]. */
  index: Map<string, number>;
  /** Sparse LU of I − Q over the reachable stages. */
  factorization: SparseLu;
  /** N[entry, ·] by index. */
  visits: Float64Array;
  /** Per stage index: probability of leaving straight to a Won outcome (R · 1_won). */
  wonExit: Float64Array;
  /** Stage→stage successors along transitions with a positive rate (reachable stages only). */
  successors: Successors;
  /** Reachable stages from which a Won outcome can be reached with positive probability. */
  canWin: Set<string>;
}

export type FlowModelResult = FlowFailure | { ok: true; model: FlowModel };

/** The entry the arithmetic uses, or the problem that there is none. */
export function resolveEntry(doc: MapDocument): { ok: true; entryStageId: string } | { ok: false; problem: FlowProblem } {
  if (doc.stages.length === 0) {
    return { ok: false, problem: { code: 'no-stages', message: 'The map has no stages yet, so there is no process to calculate.' } };
  }
  const chosen = doc.process.entryStageId;
  if (chosen !== null) {
    if (doc.stages.some((s) => s.id === chosen)) return { ok: true, entryStageId: chosen };
    return {
      ok: false,
      problem: { code: 'no-entry', stageId: chosen, message: 'The entry stage chosen for this process is no longer on the map. Choose where buyers enter.' },
    };
  }
  const fallback = defaultEntryStageId(doc);
  if (fallback === undefined) return { ok: false, problem: { code: 'no-entry', stageId: null, message: 'Choose the stage where buyers enter.' } };
  return { ok: true, entryStageId: fallback };
}

function successorsOf(stageRates: Map<string, StageRates>, keep: (r: ResolvedRate) => boolean): Successors {
  const successors: Successors = new Map();
  for (const [id, s] of stageRates) successors.set(id, s.outgoing.filter((r) => !r.targetIsOutcome && keep(r)).map((r) => r.target));
  return successors;
}

export function buildFlowModel(doc: MapDocument): FlowModelResult {
  const entry = resolveEntry(doc);
  if (!entry.ok) return { ok: false, problems: [entry.problem], entryStageId: null, unreachableStageIds: doc.stages.map((s) => s.id) };
  const entryId = entry.entryStageId;
  const stageRates = resolveRates(doc);

  const mayCarry = successorsOf(stageRates, (r) => r.rate === null || r.rate > 0);
  const reachableSet = reachableFrom(entryId, mayCarry);
  const reachableStageIds = doc.stages.filter((s) => reachableSet.has(s.id)).map((s) => s.id);
  const unreachableStageIds = doc.stages.filter((s) => !reachableSet.has(s.id)).map((s) => s.id);

  const problems: FlowProblem[] = [];
  for (const id of reachableStageIds) {
    const s = stageRates.get(id)!;
    if (s.missingTransitionIds.length > 0) {
      const names = s.outgoing.filter((r) => r.from === 'missing').map((r) => nodeName(doc, r.target));
      problems.push({
        code: 'missing-conversion',
        stageId: id,
        transitionIds: s.missingTransitionIds,
        message:
          `Enter the share of buyers who go from ${nodeName(doc, id)} to ${names.join(', ')}.` +
          (s.missingTransitionIds.length > 1 ? ' One exit to an outcome may stay blank: it takes the rest.' : ''),
      });
    }
    if (s.exceeds100) {
      problems.push({
        code: 'rates-exceed-100',
        stageId: id,
        sum: s.enteredSum,
        message: `The rates out of ${nodeName(doc, id)} add up to ${percent(s.enteredSum)}; a buyer can only go one way, so they must add up to 100 % or less.`,
      });
    }
  }

  // A stage may still end if it stalls, exits to an outcome, or has a blank rate
  // (which may leave room for Stalled); endless are the reachable stages that cannot
  // get to such a stage even along blank transitions.
  const mayEnd = reachableStageIds.filter((id) => {
    const s = stageRates.get(id)!;
    return s.stalled !== 0 || s.outgoing.some((r) => r.targetIsOutcome && (r.rate === null || r.rate > 0));
  });
  const canEnd = canReach(mayEnd, mayCarry);
  const endless = reachableStageIds.filter((id) => !canEnd.has(id));
  if (endless.length > 0) {
    problems.push({
      code: 'endless-loop',
      stageIds: endless,
      message: `Buyers who reach ${endless.map((id) => nodeName(doc, id)).join(', ')} go round forever: no rate leads them out to an outcome. Give at least one of these stages an exit, or lower a loop's rate below 100 %.`,
    });
  }
  if (problems.length > 0) return { ok: false, problems, entryStageId: entryId, unreachableStageIds };

  // All inputs of reachable stages are known here.
  const n = reachableStageIds.length;
  const index = new Map(reachableStageIds.map((id, i) => [id, i]));
  const outcomeIndex = new Map(doc.outcomes.map((o, k) => [o.id, k]));
  const stalledColumn = doc.outcomes.length;
  const width = doc.outcomes.length + 1;
  const columns: number[][] = [];
  const values: number[][] = [];
  const r = new Float64Array(n * width);
  const rates: ResolvedRate[] = [];
  const stalledByStage: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const s = stageRates.get(reachableStageIds[i]!)!;
    const rowColumns = [i];
    const rowValues = [1];
    for (const rate of s.outgoing) {
      rates.push(rate);
      const p = rate.rate!;
      if (rate.targetIsOutcome) r[i * width + outcomeIndex.get(rate.target)!]! += p;
      else if (p > 0) {
        rowColumns.push(index.get(rate.target)!);
        rowValues.push(-p);
      }
    }
    columns.push(rowColumns);
    values.push(rowValues);
    r[i * width + stalledColumn] = s.stalled!;
    if (s.stalled! > 0) stalledByStage[s.stageId] = s.stalled!;
  }

  const factored = sparseLuFactor({ n, columns, values }, { start: index.get(entryId)! });
  if (!factored.ok || sparseReciprocalCondition(factored.factorization) < DEFAULT_CONDITION_TOLERANCE) {
    const positive = successorsOf(stageRates, (rate) => rate.rate! > 0);
    const onCycles = stagesOnCycles(reachableStageIds, positive);
    const looping = reachableStageIds.filter((id) => onCycles.has(id));
    return {
      ok: false,
      problems: [
        {
          code: 'near-endless-loop',
          stageIds: looping,
          message: `Buyers go round the loop through ${looping.map((id) => nodeName(doc, id)).join(', ')} so many times that the figures would be meaningless. Check the loop rates: one of them is almost 100 %.`,
        },
      ],
      entryStageId: entryId,
      unreachableStageIds,
    };
  }
  const factorization = factored.factorization;
  const entryVector = new Float64Array(n);
  entryVector[index.get(entryId)!] = 1;
  // Row `entry` of N = (I − Q)⁻¹ is the solution of (I − Q)ᵀ·x = e_entry.
  // Round-off can leave −1e-17 where the exact value is 0; clamp it.
  const visits = sparseSolveTransposed(factorization, entryVector).map((v) => Math.max(0, v));

  const absorbed = new Float64Array(width);
  for (let i = 0; i < n; i++) for (let k = 0; k < width; k++) absorbed[k]! += visits[i]! * r[i * width + k]!;
  const clamp01 = (p: number) => Math.min(1, Math.max(0, p));
  const byOutcome: Record<string, number> = {};
  const shareOf: Record<OutcomeKind, number> = { won: 0, lost: 0, no_decision: 0, disqualified: 0 };
  doc.outcomes.forEach((o, k) => {
    byOutcome[o.id] = clamp01(absorbed[k]!);
    shareOf[o.kind] += absorbed[k]!;
  });
  const stalled = clamp01(absorbed[stalledColumn]!);

  const expectedVisits: Record<string, number> = {};
  for (const s of doc.stages) expectedVisits[s.id] = index.has(s.id) ? visits[index.get(s.id)!]! : 0;

  const wonExit = new Float64Array(n);
  doc.outcomes.forEach((o, k) => {
    if (o.kind === 'won') for (let i = 0; i < n; i++) wonExit[i]! += r[i * width + k]!;
  });
  const successors = successorsOf(stageRates, (rate) => rate.rate! > 0);
  const canWinAnywhere = canReach(
    reachableStageIds.filter((_, i) => wonExit[i]! > 0),
    successors,
  );
  const canWin = new Set(reachableStageIds.filter((id) => canWinAnywhere.has(id)));

  const chain: FlowChain = {
    ok: true,
    entryStageId: entryId,
    reachableStageIds,
    unreachableStageIds,
    expectedVisits,
    absorption: { byOutcome, stalled },
    winRate: clamp01(shareOf.won),
    noDecisionShare: clamp01(shareOf.no_decision + absorbed[stalledColumn]!),
    lostShare: clamp01(shareOf.lost),
    disqualifiedShare: clamp01(shareOf.disqualified),
    rates,
    stalledByStage,
  };
  return { ok: true, model: { chain, doc, stageRates, index, factorization, visits, wonExit, successors, canWin } };
}

/** The absorbing chain from the entry, or the problems that stop it. */
export function analyseFlow(doc: MapDocument): FlowResult {
  const built = buildFlowModel(doc);
  return built.ok ? built.model.chain : built;
}
