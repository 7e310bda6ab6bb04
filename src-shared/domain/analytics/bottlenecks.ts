// Where to focus: each improvable transition raised by a step and the extra wins
// that would bring, ranked ("work on the top two"); and where buyers spend their days.
//
// Improvable are forward stage→stage transitions and exits to a Won outcome. Loop-backs
// are not: sending more buyers back to re-evaluate is rework, not progress. Raising a
// rate takes the increase from what the stage loses today (its exits to Lost, No
// decision, Disqualified and its Stalled share), in proportion, and never more than that.
//
// Cost: the flow's one sparse LU of I − Q (sparse-lu.ts), one solve for the win chance
// per stage, then for each source stage of a forward candidate the entries N[j, i] its
// targets need, read from a partial solve (no column of N is formed), and O(1) per
// candidate by Sherman–Morrison: raising Q[i][j] by δ is the rank-one change
// I − Q − δ·eᵢeⱼᵀ, so w′ = w + δ·N[entry,i]·b[j] / (1 − δ·N[j,i]). About n²/2 · (entries
// per row) multiply-adds in all, memory O(entries of the LU).
import type { MapDocument } from '../map-document';
import { buildFlowModel, type FlowFailure, type FlowModel, type FlowModelResult, type FlowProblem } from './flow';
import { classifyTransitions } from '../transition-kind';
import { formatNumber } from '../number-format';
import { nodeName } from './labels';
import { sparseInverseEntries, sparseSolve } from './sparse-lu';
import { resolveRates, type ResolvedRate } from './rates';

export const DEFAULT_IMPROVEMENT_STEP = 0.1;

export type ImprovableKind = 'forward' | 'win-exit';

/**
 * What the ranking covers and why, in the words the Figures tab and every report
 * format use: forward transitions and the ways to Won are ranked, loops back not.
 */
export function bottleneckScope(step: number = DEFAULT_IMPROVEMENT_STEP): string {
  return (
    `Ranked: each forward transition (to a later stage) and each transition to Won, its conversion raised by ${formatNumber(step * 100)} percentage points. ` +
    'Loops back are not ranked: sending more buyers back is more rework, not an improvement; what loops cost shows in the days to a win and in %C&A.'
  );
}

export interface BottleneckCandidate {
  transitionId: string;
  sourceStageId: string;
  targetId: string;
  kind: ImprovableKind;
  currentRate: number;
  /** What is left to win back in the source stage: its exits to non-won outcomes plus its Stalled share. */
  headroom: number;
  /** min(step, headroom). */
  increase: number;
  newRate: number;
  /** null when the win rate after the change cannot be computed (see `problems`). */
  winRateAfter: number | null;
  deltaWinRate: number | null;
  /** Extra wins per period (entries × Δ win rate) when entries are known, else Δ win rate: see `basis`. */
  gain: number | null;
  /** Why there is no gain: the stage it would open up still lacks inputs, for instance. */
  problems: FlowProblem[];
  /** 1-based, by gain descending, ties in map (transition) order. */
  rank: number;
  /** The top two with a positive gain: "work on these first". */
  top: boolean;
}

export interface BottleneckRanking {
  ok: true;
  /** What `gain` counts. */
  basis: 'wins-per-period' | 'win-rate';
  step: number;
  winRate: number;
  entriesPerPeriod: number | null;
  candidates: BottleneckCandidate[];
}

/** The stage's leaks: non-won exits (with their rates) and the Stalled share. */
function leaksOf(doc: MapDocument, outgoing: readonly ResolvedRate[], stalled: number, wonIds = wonOutcomeIds(doc)) {
  const exits = outgoing.filter((r) => r.targetIsOutcome && !wonIds.has(r.target));
  return { exits, total: exits.reduce((s, r) => s + (r.rate ?? 0), 0) + stalled };
}

/**
 * The map with one transition raised by `step` (capped at what the stage loses today),
 * the increase taken from the stage's leaks in proportion. A leak that takes "the rest"
 * stays blank and shrinks by itself; Stalled shrinks because the rates now add up to more.
 * null when the stage's rates are not all known.
 */
export function withImprovedTransition(
  doc: MapDocument,
  transitionId: string,
  step = DEFAULT_IMPROVEMENT_STEP,
): { doc: MapDocument; increase: number; headroom: number } | null {
  const t = doc.transitions.find((x) => x.id === transitionId);
  if (!t) return null;
  const stage = resolveRates(doc).get(t.source);
  const target = stage?.outgoing.find((r) => r.transitionId === transitionId);
  if (!stage || !target || stage.stalled === null || stage.exceeds100) return null;
  const { exits, total: headroom } = leaksOf(doc, stage.outgoing, stage.stalled);
  const increase = Math.max(0, Math.min(step, headroom));
  if (increase === 0) return { doc, increase, headroom };
  const keep = 1 - increase / headroom;
  const scaled = new Map(exits.filter((r) => r.from === 'entered' && r.transitionId !== transitionId).map((r) => [r.transitionId, r.rate! * keep]));
  const raised = Math.min(1, target.rate! + increase);
  return {
    doc: {
      ...doc,
      transitions: doc.transitions.map((x) =>
        x.id === transitionId ? { ...x, conversionRate: raised } : scaled.has(x.id) ? { ...x, conversionRate: scaled.get(x.id)! } : x,
      ),
    },
    increase,
    headroom,
  };
}

const wonOutcomeIds = (doc: MapDocument) => new Set(doc.outcomes.filter((o) => o.kind === 'won').map((o) => o.id));

/** A key that orders gains but treats round-off differences as ties, so ties fall back to map order. */
const orderKey = (gain: number | null) => (gain === null ? -Infinity : Number(gain.toPrecision(12)));

/** N[target, source] = ((I − Q)⁻¹)[target, source] for each source index and the target indices asked for it. */
function entriesOfN(model: FlowModel, targetsBySource: ReadonlyMap<number, readonly number[]>): Map<number, Map<number, number>> {
  const work = new Float64Array(model.index.size);
  const entries = new Map<number, Map<number, number>>();
  for (const [source, targets] of targetsBySource) {
    const values = sparseInverseEntries(model.factorization, source, targets, work);
    entries.set(source, new Map(targets.map((t, k) => [t, values[k]!])));
  }
  return entries;
}

/**
 * Improvable transitions ranked by the extra wins one step of conversion would bring.
 * Pass `flow` (from buildFlowModel) to reuse a model already solved for this document.
 */
export function rankBottlenecks(doc: MapDocument, options: { step?: number; flow?: FlowModelResult } = {}): BottleneckRanking | FlowFailure {
  const step = options.step ?? DEFAULT_IMPROVEMENT_STEP;
  const built = options.flow ?? buildFlowModel(doc);
  if (!built.ok) return built;
  const model = built.model;
  const { chain, stageRates, index, factorization, visits, wonExit, canWin } = model;
  const kinds = classifyTransitions(doc, chain.entryStageId);
  const wonIds = new Set(doc.outcomes.filter((o) => o.kind === 'won').map((o) => o.id));
  const b = sparseSolve(factorization, wonExit);
  const kindOf = (r: ResolvedRate): ImprovableKind | null =>
    r.targetIsOutcome ? (wonIds.has(r.target) ? 'win-exit' : null) : kinds.get(r.transitionId) === 'forward' ? 'forward' : null;
  const headrooms = new Map(chain.reachableStageIds.map((id) => [id, leaksOf(doc, stageRates.get(id)!.outgoing, stageRates.get(id)!.stalled!, wonIds).total]));
  const headroomOf = (stageId: string) => headrooms.get(stageId)!;
  // Only forward transitions into stages from which buyers can win need an entry of N.
  const targetsBySource = new Map<number, number[]>();
  for (const id of chain.reachableStageIds) {
    if (!(headroomOf(id) > 0)) continue;
    const targets = stageRates
      .get(id)!
      .outgoing.filter((r) => kindOf(r) === 'forward' && canWin.has(r.target) && index.has(r.target))
      .map((r) => index.get(r.target)!);
    if (targets.length > 0) targetsBySource.set(index.get(id)!, targets);
  }
  const nEntries = entriesOfN(model, targetsBySource);
  const entries = doc.process.entriesPerPeriod;
  const order = new Map(doc.transitions.map((t, k) => [t.id, k]));

  const unranked: Omit<BottleneckCandidate, 'rank' | 'top'>[] = [];
  for (const stageId of chain.reachableStageIds) {
    const rates = stageRates.get(stageId)!;
    const headroom = headroomOf(stageId);
    const i = index.get(stageId)!;
    for (const r of rates.outgoing) {
      const kind = kindOf(r);
      if (kind === null) continue;
      const increase = Math.max(0, Math.min(step, headroom));
      let delta: number | null;
      let problems: FlowProblem[] = [];
      if (increase === 0) delta = 0;
      else if (kind === 'win-exit') delta = increase * visits[i]!;
      else if (!index.has(r.target)) {
        // The transition is at 0 % today, so the stage behind it is outside the chain:
        // recompute the whole map with the change (rare).
        const after = buildFlowModel(withImprovedTransition(doc, r.transitionId, step)!.doc);
        delta = after.ok ? after.model.chain.winRate - chain.winRate : null;
        if (!after.ok) problems = after.problems;
      } else if (!canWin.has(r.target)) delta = 0;
      else {
        const j = index.get(r.target)!;
        delta = (increase * visits[i]! * b[j]!) / (1 - increase * nEntries.get(i)!.get(j)!);
      }
      const winRateAfter = delta === null ? null : Math.min(1, chain.winRate + delta);
      const deltaWinRate = winRateAfter === null ? null : winRateAfter - chain.winRate;
      unranked.push({
        transitionId: r.transitionId,
        sourceStageId: stageId,
        targetId: r.target,
        kind,
        currentRate: r.rate!,
        headroom,
        increase,
        newRate: r.rate! + increase,
        winRateAfter,
        deltaWinRate,
        gain: deltaWinRate === null ? null : entries === null ? deltaWinRate : entries * deltaWinRate,
        problems,
      });
    }
  }
  // Keys computed once per candidate: toPrecision in the comparator dominated the ranking at 1,000 stages.
  const keyed = unranked.map((c) => ({ c, key: orderKey(c.gain), position: order.get(c.transitionId)! }));
  keyed.sort((x, y) => y.key - x.key || x.position - y.position);
  const candidates = keyed.map(({ c }, k) => ({ ...c, rank: k + 1, top: k < 2 && c.deltaWinRate !== null && c.deltaWinRate > 1e-12 }));
  return { ok: true, basis: entries === null ? 'win-rate' : 'wins-per-period', step, winRate: chain.winRate, entriesPerPeriod: entries, candidates };
}

export interface SlowStage {
  stageId: string;
  /** N[entry, s]. */
  expectedVisits: number;
  daysPerVisit: number;
  /** Expected days an entering buyer spends in the stage: expectedVisits × daysPerVisit. */
  expectedDays: number;
  /** Share of the expected cycle time; null while any visited stage lacks its days. */
  shareOfCycleTime: number | null;
}

export interface SlowestStages {
  ok: true;
  /** Slowest first; ties in map order. Only stages with their days entered. */
  stages: SlowStage[];
  /** Visited stages whose days per visit are blank. */
  missingDays: { stageId: string; label: string }[];
}

/** Stages ranked by the days an entering buyer can expect to spend in them. */
export function slowestStages(doc: MapDocument, built: FlowModelResult = buildFlowModel(doc)): SlowestStages | FlowFailure {
  if (!built.ok) return built;
  return slowestStagesOf(doc, built.model);
}

function slowestStagesOf(doc: MapDocument, model: FlowModel): SlowestStages {
  const byId = new Map(doc.stages.map((s) => [s.id, s]));
  const missingDays: SlowestStages['missingDays'] = [];
  const stages: SlowStage[] = [];
  for (const stageId of model.chain.reachableStageIds) {
    const daysPerVisit = byId.get(stageId)!.daysPerVisit;
    if (daysPerVisit === null) {
      missingDays.push({ stageId, label: `Days per visit in ${nodeName(doc, stageId)}` });
      continue;
    }
    const expectedVisits = model.chain.expectedVisits[stageId]!;
    stages.push({ stageId, expectedVisits, daysPerVisit, expectedDays: expectedVisits * daysPerVisit, shareOfCycleTime: null });
  }
  const cycleTime = stages.reduce((s, x) => s + x.expectedDays, 0);
  if (missingDays.length === 0 && cycleTime > 0) for (const s of stages) s.shareOfCycleTime = s.expectedDays / cycleTime;
  // Array.prototype.sort is stable, so equal days keep map order.
  stages.sort((x, y) => orderKey(y.expectedDays) - orderKey(x.expectedDays));
  return { ok: true, stages, missingDays };
}
