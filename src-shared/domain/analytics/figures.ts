// The process figures a leader sees (win rate, cycle time, capacity against target…),
// each with the inputs it used, or the inputs it still needs, or why it has no value:
// never a number built on a guess.
import type { MapDocument, ProcessInputs, Transition } from '../map-document';
import { buildFlowModel, type FlowModel, type FlowModelResult, type FlowProblem, type FlowResult } from './flow';
import { canReach, type Successors } from './graph';
import { nodeName, transitionName } from './labels';
import { sparseLuFactor, sparseSolve, sparseSolveTransposed } from './sparse-lu';
import { resolveRates } from './rates';

export type ProcessField = 'entriesPerPeriod' | 'averageDealSize' | 'revenueTarget';

export type FigureName =
  | 'winRate'
  | 'noDecisionShare'
  | 'lostShare'
  | 'disqualifiedShare'
  | 'cycleTimeDays'
  | 'daysToWin'
  | 'winsPerPeriod'
  | 'revenuePerPeriod'
  | 'revenueGap'
  | 'entriesNeededPerPeriod'
  | 'buyersPerStage';

/**
 * One input a figure was computed from: ids and the value used, no words. Its label
 * (what a leader checks it against) is `inputLabel(doc, input)`, worded when shown:
 * a 2,000-stage map's figures list some ten thousand inputs, and a label stored in
 * each was most of the analysis result's size (and of its copy from the worker).
 */
export type InputUsed =
  | { kind: 'entry-stage'; stageId: string }
  | { kind: 'conversion'; transitionId: string; value: number; from: 'entered' | 'rest' }
  | { kind: 'stalled'; stageId: string; value: number }
  | { kind: 'days-per-visit'; stageId: string; value: number }
  | { kind: 'complete-and-accurate'; stageId: string; value: number }
  | { kind: 'process'; field: ProcessField; value: number }
  | { kind: 'figure'; figure: InputFigure; value: number };

/** One input still to be entered, named so the facilitator can find it on the map. */
export type MissingInput =
  | { kind: 'conversion'; transitionId: string; stageId: string; label: string }
  | { kind: 'days-per-visit'; stageId: string; label: string }
  | { kind: 'complete-and-accurate'; stageId: string; label: string }
  | { kind: 'process'; field: ProcessField; label: string };

export type Figure<T = number> =
  | { status: 'ok'; value: T; formula: string; inputs: InputUsed[] }
  /** Inputs still blank; the figure appears once they are entered. */
  | { status: 'missing'; missing: MissingInput[] }
  /** The inputs are there but the figure means nothing (e.g. days to a win when nobody wins). */
  | { status: 'not-defined'; reason: string }
  /** The map itself has an error (rates above 100 %, an endless loop…). */
  | { status: 'blocked'; problems: FlowProblem[] };

export interface StageBuyers {
  stageId: string;
  /** N[entry, s]: visits per entering buyer (above 1 when buyers loop back). */
  visitsPerEntry: number;
  /** entriesPerPeriod × visitsPerEntry. */
  buyersPerPeriod: number;
}

export interface ProcessFigures {
  period: ProcessInputs['period'];
  currency: string;
  flow: FlowResult;
  winRate: Figure;
  /** No-decision outcomes plus Stalled. */
  noDecisionShare: Figure;
  lostShare: Figure;
  disqualifiedShare: Figure;
  /** Expected days from entry to any outcome: (N·t)[entry]. */
  cycleTimeDays: Figure;
  /** Expected days from entry to Won, for buyers who win: (N′·t)[entry]. */
  daysToWin: Figure;
  winsPerPeriod: Figure;
  revenuePerPeriod: Figure;
  /** revenueTarget − revenue: positive means short of the target. */
  revenueGap: Figure;
  /** Entries per period that today's conversion would need to meet the target. */
  entriesNeededPerPeriod: Figure;
  /** Buyers per period in each reachable stage, for a funnel chart (map order). */
  buyersPerStage: Figure<StageBuyers[]>;
}

/** What a figure depends on: either known, with the inputs, or what is still missing. */
type Needed<T> = { ok: true; value: T; inputs: InputUsed[] } | { ok: false; missing: MissingInput[]; problems: FlowProblem[] };

function known<T>(value: T, inputs: InputUsed[] = []): Needed<T> {
  return { ok: true, value, inputs };
}

function combine<T extends unknown[]>(...needs: { [K in keyof T]: Needed<T[K]> }): Needed<T> {
  const missing: MissingInput[] = [];
  const problems: FlowProblem[] = [];
  const inputs: InputUsed[] = [];
  const values: unknown[] = [];
  for (const need of needs as Needed<unknown>[]) {
    if (need.ok) {
      values.push(need.value);
      inputs.push(...need.inputs);
    } else {
      missing.push(...need.missing);
      problems.push(...need.problems);
    }
  }
  if (missing.length > 0 || problems.length > 0) return { ok: false, missing, problems };
  return { ok: true, value: values as T, inputs };
}

type Computed<T> = { value: T; formula: string; inputs?: InputUsed[] } | { reason: string };

function toFigure<V, T>(need: Needed<V>, compute: (value: V) => Computed<T>): Figure<T> {
  if (!need.ok) {
    // A map error outranks blanks: fixing the error may change which inputs are needed.
    const errors = need.problems.filter((p) => p.code !== 'missing-conversion');
    return errors.length > 0 ? { status: 'blocked', problems: need.problems } : { status: 'missing', missing: need.missing };
  }
  const result = compute(need.value);
  if ('reason' in result) return { status: 'not-defined', reason: result.reason };
  return { status: 'ok', value: result.value, formula: result.formula, inputs: result.inputs ?? need.inputs };
}

const PERIOD_WORD = { month: 'month', quarter: 'quarter' } as const;

function processFieldLabel(doc: MapDocument, field: ProcessField): string {
  const per = PERIOD_WORD[doc.process.period];
  return { entriesPerPeriod: `Buyers entering per ${per}`, averageDealSize: 'Average deal size', revenueTarget: `Revenue target per ${per}` }[field];
}

function processField(doc: MapDocument, field: ProcessField): Needed<number> {
  const value = doc.process[field];
  return value === null
    ? { ok: false, missing: [{ kind: 'process', field, label: processFieldLabel(doc, field) }], problems: [] }
    : known(value, [{ kind: 'process', field, value }]);
}

/** The figures other figures are computed from. */
export type InputFigure = 'winRate' | 'winsPerPeriod' | 'revenuePerPeriod';

const FIGURE_LABELS: Record<InputFigure, (per: string) => string> = {
  winRate: () => 'Win rate',
  winsPerPeriod: (per) => `Wins per ${per}`,
  revenuePerPeriod: (per) => `Revenue per ${per}`,
};

const stalledLabel = (doc: MapDocument, stageId: string) => `Share that stalls in ${nodeName(doc, stageId)} (no rate assigned)`;
const daysLabel = (doc: MapDocument, stageId: string) => `Days per visit in ${nodeName(doc, stageId)}`;
const conversionLabel = (doc: MapDocument, t: Pick<Transition, 'source' | 'target'>, from: 'entered' | 'rest') =>
  `Conversion rate ${transitionName(doc, t)}${from === 'rest' ? ' (the rest of the stage)' : ''}`;
export const completeAndAccurateLabel = (doc: MapDocument, stageId: string) => `%C&A of hand-offs into ${nodeName(doc, stageId)}`;

/** The words for an input a figure used, with the names `doc` gives its stages today. */
export function inputLabel(doc: MapDocument, input: InputUsed): string {
  switch (input.kind) {
    case 'entry-stage':
      return `Buyers enter at ${nodeName(doc, input.stageId)}`;
    case 'conversion': {
      const t = doc.transitions.find((x) => x.id === input.transitionId);
      return t ? conversionLabel(doc, t, input.from) : 'Conversion rate of an arrow the map no longer has';
    }
    case 'stalled':
      return stalledLabel(doc, input.stageId);
    case 'days-per-visit':
      return daysLabel(doc, input.stageId);
    case 'complete-and-accurate':
      return completeAndAccurateLabel(doc, input.stageId);
    case 'process':
      return processFieldLabel(doc, input.field);
    case 'figure':
      return FIGURE_LABELS[input.figure](PERIOD_WORD[doc.process.period]);
  }
}

/** The chain, with every rate, the stalled shares and the entry as its inputs. */
function chainNeed(doc: MapDocument, built: FlowModelResult): Needed<FlowModel> {
  if (!built.ok) {
    const missing: MissingInput[] = [];
    const byId = new Map(doc.transitions.map((t) => [t.id, t]));
    for (const p of built.problems) {
      if (p.code !== 'missing-conversion') continue;
      for (const id of p.transitionIds) {
        const t = byId.get(id)!;
        missing.push({ kind: 'conversion', transitionId: id, stageId: p.stageId, label: `Conversion rate ${transitionName(doc, t)}` });
      }
    }
    return { ok: false, missing, problems: built.problems };
  }
  const { chain } = built.model;
  const inputs: InputUsed[] = [{ kind: 'entry-stage', stageId: chain.entryStageId }];
  for (const r of chain.rates) inputs.push({ kind: 'conversion', transitionId: r.transitionId, value: r.rate!, from: r.from === 'rest' ? 'rest' : 'entered' });
  for (const [stageId, value] of Object.entries(chain.stalledByStage)) inputs.push({ kind: 'stalled', stageId, value });
  return known(built.model, inputs);
}

/** daysPerVisit of the given stages (map order), or which are blank. */
function daysNeed(doc: MapDocument, stageIds: ReadonlySet<string>): Needed<Map<string, number>> {
  const days = new Map<string, number>();
  const inputs: InputUsed[] = [];
  const missing: MissingInput[] = [];
  for (const s of doc.stages) {
    if (!stageIds.has(s.id)) continue;
    if (s.daysPerVisit === null) missing.push({ kind: 'days-per-visit', stageId: s.id, label: daysLabel(doc, s.id) });
    else {
      days.set(s.id, s.daysPerVisit);
      inputs.push({ kind: 'days-per-visit', stageId: s.id, value: s.daysPerVisit });
    }
  }
  return missing.length > 0 ? { ok: false, missing, problems: [] } : known(days, inputs);
}

/**
 * Stages whose days a figure will need, also while rates are still blank (so the
 * facilitator sees every blank at once): the reachable stages, and for days to a win
 * those of them from which a Won outcome may be reached (blank rates counted as maybe).
 */
function stagesNeedingDays(doc: MapDocument, built: FlowModelResult): { all: Set<string>; toWin: Set<string> } {
  if (built.ok) return { all: new Set(built.model.chain.reachableStageIds), toWin: built.model.canWin };
  if (built.entryStageId === null) return { all: new Set(), toWin: new Set() };
  const unreachable = new Set(built.unreachableStageIds);
  const all = new Set(doc.stages.filter((s) => !unreachable.has(s.id)).map((s) => s.id));
  const rates = resolveRates(doc);
  const wonIds = new Set(doc.outcomes.filter((o) => o.kind === 'won').map((o) => o.id));
  const successors: Successors = new Map();
  const exitsToWon: string[] = [];
  for (const [id, s] of rates) {
    const maybe = s.outgoing.filter((r) => r.rate === null || r.rate > 0);
    successors.set(id, maybe.filter((r) => !r.targetIsOutcome).map((r) => r.target));
    if (maybe.some((r) => wonIds.has(r.target))) exitsToWon.push(id);
  }
  const mayWin = canReach(exitsToWon, successors);
  return { all, toWin: new Set([...all].filter((id) => mayWin.has(id))) };
}

function figureInput(figure: InputFigure, f: Figure): InputUsed[] {
  return f.status === 'ok' ? [{ kind: 'figure', figure, value: f.value }] : [];
}

const NOBODY_WINS = 'No buyer reaches a Won outcome at today’s rates, so there is no win to time or to scale up.';

/**
 * Expected days to Won for buyers who win: the chain conditioned on winning
 * (DOMAIN.md): b = B[·, Won], Q′ᵢⱼ = Qᵢⱼ·bⱼ/bᵢ over stages with bᵢ > 0, N′ = (I − Q′)⁻¹,
 * days = (N′·t)[entry].
 */
function conditionedDaysToWin(model: FlowModel, days: Map<string, number>): number | null {
  const { chain, stageRates, index, factorization, wonExit, canWin } = model;
  const b = sparseSolve(factorization, wonExit);
  const winners = chain.reachableStageIds.filter((id) => canWin.has(id));
  const m = winners.length;
  const local = new Map(winners.map((id, i) => [id, i]));
  const columns: number[][] = [];
  const values: number[][] = [];
  for (let i = 0; i < m; i++) {
    const id = winners[i]!;
    const bi = b[index.get(id)!]!;
    const rowColumns = [i];
    const rowValues = [1];
    for (const r of stageRates.get(id)!.outgoing) {
      const j = local.get(r.target);
      if (j === undefined || r.targetIsOutcome || !(r.rate! > 0)) continue;
      rowColumns.push(j);
      rowValues.push(-(r.rate! * b[index.get(r.target)!]!) / bi);
    }
    columns.push(rowColumns);
    values.push(rowValues);
  }
  const entry = local.get(chain.entryStageId)!;
  const factored = sparseLuFactor({ n: m, columns, values }, { start: entry });
  if (!factored.ok) return null;
  const e = new Float64Array(m);
  e[entry] = 1;
  const visits = sparseSolveTransposed(factored.factorization, e);
  return winners.reduce((sum, id, i) => sum + Math.max(0, visits[i]!) * days.get(id)!, 0);
}

/** Every process figure. Pass `built` (from buildFlowModel) to reuse a model already solved for this document. */
export function computeProcessFigures(doc: MapDocument, built: FlowModelResult = buildFlowModel(doc)): ProcessFigures {
  const chain = chainNeed(doc, built);
  const entries = processField(doc, 'entriesPerPeriod');
  const dealSize = processField(doc, 'averageDealSize');
  const target = processField(doc, 'revenueTarget');
  const per = PERIOD_WORD[doc.process.period];
  const daysFor = stagesNeedingDays(doc, built);

  const share = (pick: (m: FlowModel) => number, formula: string) => toFigure(chain, (m) => ({ value: pick(m), formula }));
  const winRate = share((m) => m.chain.winRate, 'B[entry, Won]: the share of entering buyers who end in a Won outcome');
  const noDecisionShare = share((m) => m.chain.noDecisionShare, 'B[entry, No decision] + B[entry, Stalled]');
  const lostShare = share((m) => m.chain.lostShare, 'B[entry, Lost]');
  const disqualifiedShare = share((m) => m.chain.disqualifiedShare, 'B[entry, Disqualified]');
  const nobodyWins = (m: FlowModel) => !m.canWin.has(m.chain.entryStageId);

  const cycleTimeDays = toFigure(combine(chain, daysNeed(doc, daysFor.all)), ([m, days]) => ({
    value: m.chain.reachableStageIds.reduce((sum, id) => sum + m.chain.expectedVisits[id]! * days.get(id)!, 0),
    formula: 'Σ over stages of expected visits × days per visit: (N·t)[entry]',
  }));

  const daysToWin: Figure =
    built.ok && nobodyWins(built.model)
      ? { status: 'not-defined', reason: NOBODY_WINS }
      : toFigure(combine(chain, daysNeed(doc, daysFor.toWin)), ([m, days]): Computed<number> => {
          const value = conditionedDaysToWin(m, days);
          return value === null
            ? { reason: 'The journey of the buyers who win could not be solved.' }
            : { value, formula: 'Expected days to Won for buyers who win: (N′·t)[entry], with Q′ᵢⱼ = Qᵢⱼ·bⱼ/bᵢ and b = B[·, Won]' };
        });

  const winsPerPeriod = toFigure(combine(chain, entries), ([m, n]) => ({
    value: n * m.chain.winRate,
    formula: `Buyers entering per ${per} × win rate`,
    inputs: [...(entries.ok ? entries.inputs : []), ...figureInput('winRate', winRate)],
  }));

  const revenuePerPeriod = toFigure(combine(chain, entries, dealSize), ([m, n, size]) => ({
    value: n * m.chain.winRate * size,
    formula: `Wins per ${per} × average deal size`,
    inputs: [...figureInput('winsPerPeriod', winsPerPeriod), ...(dealSize.ok ? dealSize.inputs : [])],
  }));

  const revenueGap = toFigure(combine(chain, entries, dealSize, target), ([m, n, size, goal]) => ({
    value: goal - n * m.chain.winRate * size,
    formula: `Revenue target per ${per} − revenue per ${per} (positive: short of the target)`,
    inputs: [...(target.ok ? target.inputs : []), ...figureInput('revenuePerPeriod', revenuePerPeriod)],
  }));

  const entriesNeededPerPeriod = toFigure(combine(chain, dealSize, target), ([m, size, goal]): Computed<number> => {
    if (nobodyWins(m)) return { reason: `${NOBODY_WINS} No number of new buyers would meet the target.` };
    if (size === 0) return { reason: 'The average deal size is 0, so no number of new buyers would meet the target.' };
    return {
      value: goal / (m.chain.winRate * size),
      formula: `Revenue target per ${per} ÷ (win rate × average deal size)`,
      inputs: [...(target.ok ? target.inputs : []), ...(dealSize.ok ? dealSize.inputs : []), ...figureInput('winRate', winRate)],
    };
  });

  const buyersPerStage = toFigure(combine(chain, entries), ([m, n]) => ({
    value: m.chain.reachableStageIds.map((stageId): StageBuyers => ({
      stageId,
      visitsPerEntry: m.chain.expectedVisits[stageId]!,
      buyersPerPeriod: n * m.chain.expectedVisits[stageId]!,
    })),
    formula: `Buyers entering per ${per} × expected visits to the stage per entering buyer (N[entry, stage])`,
  }));

  return {
    period: doc.process.period,
    currency: doc.process.currency,
    flow: built.ok ? built.model.chain : built,
    winRate,
    noDecisionShare,
    lostShare,
    disqualifiedShare,
    cycleTimeDays,
    daysToWin,
    winsPerPeriod,
    revenuePerPeriod,
    revenueGap,
    entriesNeededPerPeriod,
    buyersPerStage,
  };
}
