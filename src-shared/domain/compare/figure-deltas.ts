// The process figures of two versions side by side: old → new and the difference,
// with "cannot compute" (never zero) where either side lacks an input.
import { analyseProcess, type Figure } from '../analytics';
import type { MapDocument } from '../map-document';

export const COMPARED_FIGURES = [
  ['winRate', 'Win rate', 'share'],
  ['noDecisionShare', 'No decision (incl. stalled)', 'share'],
  ['lostShare', 'Lost', 'share'],
  ['daysToWin', 'Days to a win', 'days'],
  ['cycleTimeDays', 'Days to any outcome', 'days'],
  ['winsPerPeriod', 'Wins per period', 'count'],
  ['revenuePerPeriod', 'Revenue per period', 'money'],
  ['revenueGap', 'Gap to target', 'money'],
  ['rolledCompleteAndAccurate', 'Rolled %C&A', 'share'],
  ['valueAddedRatio', 'Value-added ratio', 'share'],
] as const;

export type ComparedFigureName = (typeof COMPARED_FIGURES)[number][0];
export type FigureUnit = (typeof COMPARED_FIGURES)[number][2];

export interface FigureDelta {
  name: ComparedFigureName;
  label: string;
  unit: FigureUnit;
  before: number | null;
  after: number | null;
  /** after − before; null when either side cannot be computed. */
  delta: number | null;
  /** Why a side has no value, in a facilitator's words. */
  cannotCompute: { side: 'before' | 'after'; reason: string }[];
}

export interface FigureSnapshot {
  values: Record<ComparedFigureName, { value: number | null; reason: string | null }>;
  /** The top two bottlenecks as "from → to" names (transition ids kept). */
  topBottlenecks: { transitionId: string; name: string }[];
}

function reasonOf(f: Figure): string {
  // Two inputs named, the rest counted: a figures table must stay readable on a projector.
  if (f.status === 'missing') {
    const named = f.missing.slice(0, 2).map((m) => m.label);
    const more = f.missing.length - named.length;
    return `needs ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  }
  if (f.status === 'not-defined') return f.reason;
  if (f.status === 'blocked') return 'the map has an error to fix first';
  return '';
}

const entry = (f: Figure) => (f.status === 'ok' ? { value: f.value, reason: null } : { value: null, reason: reasonOf(f) });

const nameOf = (doc: MapDocument, id: string) =>
  doc.stages.find((s) => s.id === id)?.name ?? doc.outcomes.find((o) => o.id === id)?.label ?? 'a removed node';

/** The compared figures of one map, from one analysis. */
export function figureSnapshot(doc: MapDocument): FigureSnapshot {
  const a = analyseProcess(doc);
  const f = a.figures;
  const var_ = a.valueAddedRatio.overall.ratio;
  const values: FigureSnapshot['values'] = {
    winRate: entry(f.winRate),
    noDecisionShare: entry(f.noDecisionShare),
    lostShare: entry(f.lostShare),
    daysToWin: entry(f.daysToWin),
    cycleTimeDays: entry(f.cycleTimeDays),
    winsPerPeriod: entry(f.winsPerPeriod),
    revenuePerPeriod: entry(f.revenuePerPeriod),
    revenueGap: entry(f.revenueGap),
    rolledCompleteAndAccurate: entry(a.rolledCompleteAndAccurate.figure),
    valueAddedRatio: var_ === null ? { value: null, reason: 'the map has no actions' } : { value: var_, reason: null },
  };
  const topBottlenecks = a.bottlenecks.ok
    ? a.bottlenecks.candidates
        .filter((c) => c.top)
        .map((c) => ({ transitionId: c.transitionId, name: `${nameOf(doc, c.sourceStageId)} → ${nameOf(doc, c.targetId)}` }))
    : [];
  return { values, topBottlenecks };
}

export function compareFigures(before: FigureSnapshot, after: FigureSnapshot): FigureDelta[] {
  return COMPARED_FIGURES.map(([name, label, unit]) => {
    const b = before.values[name];
    const a = after.values[name];
    const cannotCompute: FigureDelta['cannotCompute'] = [];
    if (b.value === null) cannotCompute.push({ side: 'before', reason: b.reason ?? 'cannot compute' });
    if (a.value === null) cannotCompute.push({ side: 'after', reason: a.reason ?? 'cannot compute' });
    return { name, label, unit, before: b.value, after: a.value, delta: b.value === null || a.value === null ? null : a.value - b.value, cannotCompute };
  });
}
