// The workshop an export worker practises on before its first real export: the
// built-in B2B journey told several times over in one chain, with numbers on every
// stage and arrow and the suggested measurement plan, so every part of the report
// (analysis tables, bottlenecks, plan) is built. A five-stage template alone leaves
// the code for big tables and maps cold: the first 200-stage export then paid about
// 0.6 s (PDF) and 0.2 s (spreadsheet) more than a repeat, while the code warmed up.
import { newId } from '../../src-shared/domain/ids';
import type { MapDocument, Transition } from '../../src-shared/domain/map-document';
import type { Metric } from '../../src-shared/domain/metric';
import { suggestMetrics } from '../../src-shared/domain/metric-suggestions';
import { templateDocument, withFreshIds } from '../../src-shared/domain/templates';

/** Map units between the rows of the journey's copies: a template row is 760 high with its outcomes. */
const ROW = 1000;

/**
 * The template's journey `copies` times, each copy a row below the last: its last stage
 * leads into the next copy's first instead of to Won, so the map is one journey with one
 * entry and the template's three outcomes. Stages get days and quality, arrows between
 * stages 80 % (back loops 5 %), arrows to outcomes take the rest.
 */
export function warmUpDocument(copies: number): MapDocument {
  const template = templateDocument('b2b-buying-journey');
  const rows = Array.from({ length: Math.max(1, copies) }, () => withFreshIds(template));
  const outcomes = rows[0]!.outcomes.map((o) => ({ ...o, position: { ...o.position, y: o.position.y + (rows.length - 1) * ROW } }));
  const outcomeByKind = new Map(outcomes.map((o) => [o.kind, o.id]));
  const stages = rows.flatMap((row, k) =>
    row.stages.map((s, i) => ({ ...s, position: { ...s.position, y: s.position.y + k * ROW }, daysPerVisit: 3 + ((k + i) % 5), completeAndAccurate: 0.7 + (i % 3) * 0.1 })),
  );
  const transitions: Transition[] = rows.flatMap((row, k) => {
    const order = new Map(row.stages.map((s, i) => [s.id, i]));
    const outcomeKind = new Map(row.outcomes.map((o) => [o.id, o.kind]));
    const next = rows[k + 1]?.stages[0];
    return row.transitions.map((t) => {
      const kind = outcomeKind.get(t.target);
      if (kind === 'won' && next) return { ...t, id: newId(), target: next.id, label: '', conversionRate: 0.8 };
      if (kind !== undefined) return { ...t, target: outcomeByKind.get(kind)!, conversionRate: kind === 'won' ? 0.7 : null };
      return { ...t, conversionRate: order.get(t.target)! > order.get(t.source)! ? 0.8 : 0.05 };
    });
  });
  return {
    ...template,
    stages,
    outcomes,
    transitions,
    process: { ...template.process, entryStageId: stages[0]!.id, entriesPerPeriod: 200, averageDealSize: 25_000, revenueTarget: 1_000_000 },
  };
}

/** The measurement plan Leanmap suggests for `doc`, each with a target: the plan tables of the report. */
export function warmUpMetrics(doc: MapDocument): Metric[] {
  return suggestMetrics(doc, new Set()).map((s) => ({ ...s.fields, target: 10, id: newId(), readings: [] }));
}
