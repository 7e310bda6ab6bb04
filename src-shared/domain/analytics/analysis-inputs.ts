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

type Node = Record<string, unknown> | unknown[];

/**
 * Words one chain result with the names of successive maps (a facilitator typing a
 * stage name). The first call copies the result once, replacing every placeholder; the
 * first rename copies it again, noting where each placeholder string sits. Later
 * renames re-word only the strings that
 * mention a name that changed, and copy only the objects on the way from those strings
 * up to the root; everything else is the previous call's object (so React sees it
 * unchanged, and a keystroke costs what the renamed stage is mentioned in, not the size
 * of the map). Objects the result shares (every figure lists the same inputs) stay
 * shared. A stage the map no longer has reads "a missing node", as nodeName says: this
 * happens only while a newer result is being computed.
 */
export function chainWording(chain: ChainAnalysis | ProcessAnalysis, inputs: MapDocument): (doc: MapDocument) => ChainAnalysis {
  const { figures, bottlenecks, slowestStages, rolledCompleteAndAccurate, valueAddedRatio } = chain;
  // The ids only: the placeholders' map would keep a stripped copy of every stage alive for as long as the result is shown.
  const stageIds = inputs.stages.map((s) => s.id);
  const outcomeIds = inputs.outcomes.map((o) => o.id);
  const root: Node = { figures, bottlenecks, slowestStages, rolledCompleteAndAccurate, valueAddedRatio };
  /** Names by placeholder key ("S12", "O1"), as last worded. */
  let names = new Map<string, string>();
  /** Each source object: its worded copy (the source itself when nothing in it is worded). */
  const copies = new Map<object, unknown>();
  /** Objects holding each placeholder string, and the objects holding each object. */
  const holders = new Map<string, Node[]>();
  const parents = new Map<object, Node[]>();
  /** The placeholder strings that mention each key, and what each reads now. */
  const mentions = new Map<string, Set<string>>();
  const texts = new Map<string, string>();

  const word = (template: string) =>
    template.replace(PLACEHOLDER, (_, kind: string, index: string) => names.get(kind + index) ?? 'a missing node');

  /**
   * Copies the whole result; with `track`, also notes holders, parents and mentions
   * (the first rename does, not the first call: most results are never renamed before
   * the next rate changes them, and noting costs as much as wording).
   */
  let track = false;
  const copyAll = (value: unknown, parent: Node | null): unknown => {
    if (typeof value === 'string') {
      if (!value.includes(MARK)) return value;
      if (!track) return word(value);
      const list = holders.get(value);
      if (list) {
        if (parent !== null) list.push(parent);
        return texts.get(value)!;
      }
      holders.set(value, parent === null ? [] : [parent]);
      const text = word(value);
      texts.set(value, text);
      for (const m of value.matchAll(PLACEHOLDER)) {
        const key = m[1]! + m[2]!;
        const set = mentions.get(key) ?? new Set<string>();
        set.add(value);
        mentions.set(key, set);
      }
      return text;
    }
    if (value === null || typeof value !== 'object') return value;
    if (track && parent !== null) {
      const list = parents.get(value);
      if (list) list.push(parent);
      else parents.set(value, [parent]);
    }
    const done = copies.get(value);
    if (done !== undefined) return done;
    const node = value as Node;
    let changed = false;
    let out: Node;
    if (Array.isArray(node)) {
      out = node.map((v) => {
        const c = copyAll(v, node);
        if (c !== v) changed = true;
        return c;
      });
    } else {
      const record: Record<string, unknown> = {};
      for (const key in node) {
        const c = copyAll(node[key], node);
        if (c !== node[key]) changed = true;
        record[key] = c;
      }
      out = record;
    }
    const result = changed ? out : value;
    copies.set(value, result);
    return result;
  };

  /** Later calls: re-copies `node` from its previous copy, taking the dirty children anew. */
  const recopy = (node: Node, dirty: ReadonlySet<object>, reworded: ReadonlySet<string>, fresh: Set<object>): unknown => {
    // Copied once per call, however many objects hold it.
    if (fresh.has(node)) return copies.get(node);
    fresh.add(node);
    const source = node as Record<string, unknown>;
    // A node whose copy came out the same object was forgotten (copyRoot): the node is its own copy.
    const before = (copies.get(node) ?? node) as Record<string, unknown>;
    const out: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...(before as unknown as unknown[])] : { ...before };
    for (const key in source) {
      const v = source[key];
      if (typeof v === 'string' && reworded.has(v)) (out as Record<string, unknown>)[key] = texts.get(v)!;
      else if (v !== null && typeof v === 'object' && dirty.has(v)) (out as Record<string, unknown>)[key] = recopy(v as Node, dirty, reworded, fresh);
    }
    copies.set(node, out);
    return out;
  };

  /** Copies the whole result, then forgets the objects that needed no copy: only copied ones are ever looked up again (re-wording copies what holds a placeholder and what holds that). */
  const copyRoot = () => {
    const out = copyAll(root, null) as ChainAnalysis;
    for (const [source, copy] of copies) if (copy === source) copies.delete(source);
    return out;
  };

  let first = true;
  return (doc) => {
    const next = new Map<string, string>();
    stageIds.forEach((id, i) => next.set(`S${i}`, nodeName(doc, id)));
    outcomeIds.forEach((id, i) => next.set(`O${i}`, nodeName(doc, id)));
    const changedKeys = first ? [] : [...next].filter(([key, name]) => names.get(key) !== name).map(([key]) => key);
    names = next;
    if (first) {
      first = false;
      return copyRoot();
    }
    if (changedKeys.length === 0) return (copies.get(root) ?? root) as ChainAnalysis;
    if (!track) {
      track = true;
      copies.clear();
      return copyRoot();
    }
    // Re-word the strings that mention a changed name; mark their holders and everything above as dirty.
    const reworded = new Set<string>();
    const dirty = new Set<object>();
    const climb = (node: Node) => {
      if (dirty.has(node)) return;
      dirty.add(node);
      for (const p of parents.get(node) ?? []) climb(p);
    };
    for (const key of changedKeys) {
      for (const template of mentions.get(key) ?? []) {
        if (reworded.has(template)) continue;
        reworded.add(template);
        texts.set(template, word(template));
        for (const holder of holders.get(template)!) climb(holder);
      }
    }
    if (!dirty.has(root)) return (copies.get(root) ?? root) as ChainAnalysis;
    return recopy(root, dirty, reworded, new Set()) as ChainAnalysis;
  };
}

/** The chain's results for `inputs` (= analysisInputs of some map), worded with the names in `doc`. */
export function presentChain(chain: ChainAnalysis | ProcessAnalysis, inputs: MapDocument, doc: MapDocument): ChainAnalysis {
  return chainWording(chain, inputs)(doc);
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
