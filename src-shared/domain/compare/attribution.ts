// What each change is worth: the change applied alone to the older map and valued with
// the same analysis as Figures, plus the interaction remainder, so the parts add up to
// the whole change between the versions.
import type { MapDocument } from '../map-document';
import { computeProcessFigures } from '../analytics';
import { applyEffects } from '../analytics/effects';
import type { MapChange } from './map-diff';

/** Changes that can move the figures; text, actions, criteria and moves cannot. */
const VALUED = new Set<MapChange['kind']>([
  'stage-added',
  'stage-removed',
  'stage-changed',
  'transition-added',
  'transition-removed',
  'transition-changed',
  'outcome-added',
  'outcome-removed',
  'outcome-changed',
  'process-changed',
]);

export interface ChangeWorth {
  key: string;
  /** Wins per period (or win rate, see `basis`) the change alone adds to the older map; null when it cannot be valued alone. */
  worth: number | null;
  reason: string | null;
  rank: number;
}

export interface Attribution {
  basis: 'wins-per-period' | 'win-rate';
  /** newer − older; null when either side cannot be computed. */
  total: number | null;
  parts: ChangeWorth[];
  /** total − Σ parts: what the changes are worth only together (or parts that cannot be valued alone). */
  interaction: number | null;
}

type Basis = Attribution['basis'];

function measure(doc: MapDocument, basis: Basis): number | null {
  const f = computeProcessFigures(doc);
  const picked = basis === 'wins-per-period' ? f.winsPerPeriod : f.winRate;
  return picked.status === 'ok' ? picked.value : null;
}

/** A stage or outcome change of words only (a rename, a note) cannot move a figure: not valued, not listed as ±0. */
const FIGURE_FIELDS = new Set(['daysPerVisit', 'completeAndAccurate', 'kind']);
const wordsOnly = (change: MapChange) =>
  (change.kind === 'stage-changed' || change.kind === 'outcome-changed') && !change.fields.some((f) => FIGURE_FIELDS.has(f.field));

/** Transitions touching a stage added (or removed) go with that stage: alone they would dangle. */
function stageOf(change: MapChange, added: ReadonlySet<string>, removed: ReadonlySet<string>): string | null {
  if (change.kind !== 'transition-added' && change.kind !== 'transition-removed') return null;
  const set = change.kind === 'transition-added' ? added : removed;
  return set.has(change.source) ? change.source : set.has(change.target) ? change.target : null;
}

/** The older map with one change (and the arrows that belong to it) made. */
export function applyAlone(older: MapDocument, newer: MapDocument, change: MapChange): MapDocument | null {
  const newerStage = (id: string) => newer.stages.find((s) => s.id === id);
  switch (change.kind) {
    case 'stage-added': {
      const stage = newerStage(change.stageId)!;
      const ids = new Set([...older.stages.map((s) => s.id), ...older.outcomes.map((o) => o.id), stage.id]);
      const arrows = newer.transitions.filter(
        (t) => (t.source === stage.id || t.target === stage.id) && ids.has(t.source) && ids.has(t.target) && !older.transitions.some((o) => o.id === t.id),
      );
      return { ...older, stages: [...older.stages, stage], transitions: [...older.transitions, ...arrows] };
    }
    case 'stage-removed':
      return {
        ...older,
        stages: older.stages.filter((s) => s.id !== change.stageId),
        transitions: older.transitions.filter((t) => t.source !== change.stageId && t.target !== change.stageId),
        process: older.process.entryStageId === change.stageId ? { ...older.process, entryStageId: null } : older.process,
      };
    case 'stage-changed': {
      const next = newerStage(change.stageId)!;
      return {
        ...older,
        stages: older.stages.map((s) => (s.id === change.stageId ? { ...s, daysPerVisit: next.daysPerVisit, completeAndAccurate: next.completeAndAccurate } : s)),
      };
    }
    case 'transition-added':
      return { ...older, transitions: [...older.transitions, newer.transitions.find((t) => t.id === change.transitionId)!] };
    case 'transition-removed':
      return { ...older, transitions: older.transitions.filter((t) => t.id !== change.transitionId) };
    case 'transition-changed': {
      const next = newer.transitions.find((t) => t.id === change.transitionId)!;
      const before = older.transitions.find((t) => t.id === change.transitionId)!;
      // A new rate alone is read as an improvement effect reads it: a rise comes out of the
      // stage's losses, so "B → C to 70 %" is worth the same here as in the idea list.
      if (next.target === before.target && next.conversionRate !== null && before.conversionRate !== null) {
        return applyEffects(older, [{ kind: 'conversion', transitionId: next.id, rate: next.conversionRate }]).doc;
      }
      return { ...older, transitions: older.transitions.map((t) => (t.id === next.id ? next : t)) };
    }
    case 'outcome-added':
      return { ...older, outcomes: [...older.outcomes, newer.outcomes.find((o) => o.id === change.outcomeId)!] };
    case 'outcome-removed':
      return {
        ...older,
        outcomes: older.outcomes.filter((o) => o.id !== change.outcomeId),
        transitions: older.transitions.filter((t) => t.target !== change.outcomeId),
      };
    case 'outcome-changed': {
      const next = newer.outcomes.find((o) => o.id === change.outcomeId)!;
      return { ...older, outcomes: older.outcomes.map((o) => (o.id === next.id ? next : o)) };
    }
    case 'process-changed': {
      const entry = newer.process.entryStageId;
      const keepEntry = entry !== null && !older.stages.some((s) => s.id === entry);
      return { ...older, process: { ...newer.process, entryStageId: keepEntry ? older.process.entryStageId : entry } };
    }
    default:
      return null;
  }
}

/**
 * Whether a map made of two valid versions' parts is still one consistent graph (the
 * MapDocumentSchema's cross-checks): every field already passed validation in its own
 * version, so only the joins can break. Re-parsing the whole document instead cost
 * three quarters of a comparison on a 200-stage map — too slow to run while typing.
 */
export function consistentGraph(doc: MapDocument): boolean {
  const ids = new Set<string>();
  const claim = (id: string) => !ids.has(id) && (ids.add(id), true);
  const stages = new Set<string>();
  const nodes = new Set<string>();
  for (const st of doc.stages) {
    if (!claim(st.id)) return false;
    for (const a of st.actions) if (!claim(a.id)) return false;
    for (const e of st.exitCriteria) if (!claim(e.id)) return false;
    const customer = new Set(st.actions.filter((a) => a.actor === 'customer').map((a) => a.id));
    if (st.actions.some((a) => a.serves.some((x) => !customer.has(x)))) return false;
    stages.add(st.id);
    nodes.add(st.id);
  }
  for (const o of doc.outcomes) {
    if (!claim(o.id)) return false;
    nodes.add(o.id);
  }
  const edges = new Set<string>();
  for (const t of doc.transitions) {
    const key = `${t.source}->${t.target}`;
    if (!claim(t.id) || !stages.has(t.source) || !nodes.has(t.target) || t.source === t.target || edges.has(key)) return false;
    edges.add(key);
  }
  return doc.process.entryStageId === null || stages.has(doc.process.entryStageId);
}

/** Each valued change's worth alone, ranked, and the interaction remainder. */
export function attributeChanges(
  older: MapDocument,
  newer: MapDocument,
  changes: readonly MapChange[],
  /** The two versions' own figures when the caller has them already (compareVersions does). */
  known?: Record<Basis, { older: number | null; newer: number | null }>,
): Attribution {
  const basis: Basis = older.process.entriesPerPeriod !== null && newer.process.entriesPerPeriod !== null ? 'wins-per-period' : 'win-rate';
  const base = known ? known[basis].older : measure(older, basis);
  const after = known ? known[basis].newer : measure(newer, basis);
  const total = base === null || after === null ? null : after - base;
  const added = new Set(changes.filter((c) => c.kind === 'stage-added').map((c) => c.stageId!));
  const removed = new Set(changes.filter((c) => c.kind === 'stage-removed').map((c) => c.stageId!));
  const unranked: Omit<ChangeWorth, 'rank'>[] = [];
  for (const change of changes) {
    if (!VALUED.has(change.kind) || stageOf(change, added, removed) !== null || wordsOnly(change)) continue;
    const doc = applyAlone(older, newer, change);
    const valid = doc !== null && consistentGraph(doc);
    const value = valid && base !== null ? measure(doc, basis) : null;
    unranked.push({
      key: change.key,
      worth: value === null || base === null ? null : value - base,
      reason: !valid
        ? 'It only makes sense together with other changes.'
        : base === null
          ? 'The older map’s figures cannot be computed.'
          : value === null
            ? 'Alone, it leaves the map without a figure (rates over 100 % or a blank input).'
            : null,
    });
  }
  const key = (w: number | null) => (w === null ? -Infinity : Math.abs(Number(w.toPrecision(12))));
  const parts = [...unranked].sort((a, b) => key(b.worth) - key(a.worth)).map((p, k) => ({ ...p, rank: k + 1 }));
  const sum = parts.reduce((s, p) => s + (p.worth ?? 0), 0);
  return { basis, total, parts, interaction: total === null ? null : total - sum };
}
