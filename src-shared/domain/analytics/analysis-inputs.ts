// What the process arithmetic reads of a map, so an editor re-runs it only when one of
// those inputs changes: typing a stage name or moving a card does not.
//
// The analysis splits in two:
// - the chain (figures, bottlenecks, slowest stages, main path, value-added ratio) reads
//   ids, rates, days, %C&A, action classes and the process numbers — never a position or
//   a text. Its messages name stages, so it runs on `analysisInputs(doc)`: the map with
//   every name replaced by a placeholder, every text emptied and every position zeroed.
//   `presentAnalysis` puts today's names in place of the placeholders: a string
//   substitution, not a re-run, so a renamed stage reads right at once.
// - the checks read names and texts (a seller-centric stage name, a seller action
//   without a customer action), and are cheap: they run on the map itself.
import type { MapDocument, Outcome, Stage, Transition } from '../map-document';
import { checkMap, type CheckableMetric } from './checks';
import { nodeName } from './labels';
import { analyseProcess, type ProcessAnalysis } from './process-analysis';

/** The analysis without the checks: what the chain computes from analysisInputs. */
export type ChainAnalysis = Omit<ProcessAnalysis, 'checks'>;

/**
 * A name the placeholders stand for: quoted exactly as labels.ts quotes a name. The
 * marker is a control character no typed name contains; and as the substitution is one
 * pass over the placeholders, a name that did contain one is put in as it is.
 */
const MARK = '\u0001';
const PLACEHOLDER = new RegExp(`"${MARK}([SO])(\\d+)${MARK}"`, 'g');
const placeholder = (kind: 'S' | 'O', index: number) => `${MARK}${kind}${index}${MARK}`;

/** The map as the chain reads it: names as placeholders, texts empty, positions at 0, actions reduced to their class. Ids and numbers kept. */
export function analysisInputs(doc: MapDocument): MapDocument {
  const origin = { x: 0, y: 0 };
  return {
    schemaVersion: doc.schemaVersion,
    stages: doc.stages.map(
      (s, i): Stage => ({
        id: s.id,
        name: placeholder('S', i),
        customerGoal: '',
        actions: s.actions.map((a) => ({ id: a.id, text: '', actor: 'customer', leanClass: a.leanClass, ownerRole: '', votes: 0, serves: [] })),
        exitCriteria: [],
        stakeholders: '',
        toolsAndContent: '',
        painPoints: '',
        notes: '',
        position: origin,
        daysPerVisit: s.daysPerVisit,
        completeAndAccurate: s.completeAndAccurate,
      }),
    ),
    outcomes: doc.outcomes.map((o, i): Outcome => ({ id: o.id, kind: o.kind, label: placeholder('O', i), position: origin })),
    transitions: doc.transitions.map((t): Transition => ({ id: t.id, source: t.source, target: t.target, label: '', conversionRate: t.conversionRate })),
    process: doc.process,
  };
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !same(a[i]!, b[i]!)) return false;
  return true;
}

const sameStageInputs = (a: Stage, b: Stage) =>
  a.id === b.id &&
  a.daysPerVisit === b.daysPerVisit &&
  a.completeAndAccurate === b.completeAndAccurate &&
  sameList(a.actions, b.actions, (x, y) => x.id === y.id && x.leanClass === y.leanClass);

const sameTransitionInputs = (a: Transition, b: Transition) =>
  a.id === b.id && a.source === b.source && a.target === b.target && a.conversionRate === b.conversionRate;

/**
 * Whether the chain would compute the same for both maps: true when they differ only in
 * names, texts and positions. O(stages + transitions), with no copies: run per keystroke.
 */
export function sameAnalysisInputs(a: MapDocument, b: MapDocument): boolean {
  if (a === b) return true;
  const p = a.process;
  const q = b.process;
  return (
    (p === q ||
      (p.entryStageId === q.entryStageId &&
        p.period === q.period &&
        p.entriesPerPeriod === q.entriesPerPeriod &&
        p.averageDealSize === q.averageDealSize &&
        p.revenueTarget === q.revenueTarget &&
        p.currency === q.currency)) &&
    sameList(a.outcomes, b.outcomes, (x, y) => x.id === y.id && x.kind === y.kind) &&
    sameList(a.transitions, b.transitions, sameTransitionInputs) &&
    sameList(a.stages, b.stages, sameStageInputs)
  );
}

/** Whether the checks would find the same for both maps and plans: true when they differ only in positions and texts the checks do not read. */
export function sameCheckInputs(a: MapDocument, am: readonly CheckableMetric[], b: MapDocument, bm: readonly CheckableMetric[]): boolean {
  return (
    sameList(am, bm, (x, y) =>
      x.id === y.id && x.name === y.name && x.question === y.question && x.definition === y.definition && x.ownerRole === y.ownerRole && x.baseline === y.baseline && x.target === y.target,
    ) &&
    sameList(a.outcomes, b.outcomes, (x, y) => x.id === y.id && x.kind === y.kind && x.label === y.label) &&
    sameList(a.transitions, b.transitions, sameTransitionInputs) &&
    sameList(a.stages, b.stages, (x, y) => x.id === y.id && x.name === y.name && x.actions === y.actions && x.exitCriteria === y.exitCriteria)
  );
}

/** Whether every stage and outcome is named alike in both maps (same ids in the same order). */
export function sameNames(a: MapDocument, b: MapDocument): boolean {
  return sameList(a.stages, b.stages, (x, y) => x.id === y.id && x.name === y.name) && sameList(a.outcomes, b.outcomes, (x, y) => x.id === y.id && x.label === y.label);
}

/** Copies a value of the analysis with every placeholder replaced (plain data: objects, arrays, strings, numbers). */
function substitute(value: unknown, name: (kind: string, index: number) => string): unknown {
  if (typeof value === 'string') return value.includes(MARK) ? value.replace(PLACEHOLDER, (_, kind: string, index: string) => name(kind, Number(index))) : value;
  if (Array.isArray(value)) return value.map((v) => substitute(v, name));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, name);
    return out;
  }
  return value;
}

/**
 * The chain's results for `inputs` (= analysisInputs of some map), worded with the names
 * in `doc`. A stage `doc` no longer has reads "a missing node", as nodeName says: this
 * happens only while a newer result is being computed.
 */
export function presentChain(chain: ChainAnalysis | ProcessAnalysis, inputs: MapDocument, doc: MapDocument): ChainAnalysis {
  const { figures, bottlenecks, slowestStages, rolledCompleteAndAccurate, valueAddedRatio } = chain;
  const name = (kind: string, index: number) => {
    const node = kind === 'S' ? inputs.stages[index] : inputs.outcomes[index];
    return node === undefined ? 'a missing node' : nodeName(doc, node.id);
  };
  return substitute({ figures, bottlenecks, slowestStages, rolledCompleteAndAccurate, valueAddedRatio }, name) as ChainAnalysis;
}

/** Everything analyseProcess(doc, { metrics }) returns, from the chain computed on analysisInputs(doc). */
export function presentAnalysis(chain: ChainAnalysis | ProcessAnalysis, inputs: MapDocument, doc: MapDocument, metrics: readonly CheckableMetric[] = []): ProcessAnalysis {
  return { ...presentChain(chain, inputs, doc), checks: checkMap(doc, metrics) };
}

/** The chain only, for analysisInputs(doc): the checks of a stripped map mean nothing (they run on the map itself). */
export function analyseChain(inputs: MapDocument): ChainAnalysis {
  const { figures, bottlenecks, slowestStages, rolledCompleteAndAccurate, valueAddedRatio } = analyseProcess(inputs);
  return { figures, bottlenecks, slowestStages, rolledCompleteAndAccurate, valueAddedRatio };
}
