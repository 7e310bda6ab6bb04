// What the audience's whole-map view lists, in the order a buyer meets it: each stage
// with its counts, days and the ways out (with their rates), then the outcomes. Objects
// the facilitator hides are left out; numbers are left out while hidden.
import { journeyOrder } from '../../../src-shared/domain/journey-order';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { formatPercent } from '../../../src-shared/domain/number-format';

export interface AudienceStageCard {
  id: string;
  name: string;
  counts: string;
  days: string | null;
  exits: { id: string; text: string }[];
}

export interface AudienceMapModel {
  stages: AudienceStageCard[];
  outcomes: { id: string; label: string; kind: string }[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function audienceMapModel(doc: MapDocument, hiddenIds: readonly string[], hideNumbers: boolean): AudienceMapModel {
  const hidden = new Set(hiddenIds);
  const order = journeyOrder(doc);
  const position = new Map(order.map((id, k) => [id, k]));
  const names = new Map<string, string>([...doc.stages.map((s) => [s.id, s.name] as const), ...doc.outcomes.map((o) => [o.id, o.label] as const)]);
  const byOrder = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (position.get(a.id) ?? 1e9) - (position.get(b.id) ?? 1e9));
  const stages = byOrder(doc.stages)
    .filter((s) => !hidden.has(s.id))
    .map((s) => {
      const customer = s.actions.filter((a) => a.actor === 'customer').length;
      const seller = s.actions.length - customer;
      const exits = doc.transitions
        .filter((t) => t.source === s.id && !hidden.has(t.id) && !hidden.has(t.target))
        .map((t) => {
          const rate = !hideNumbers && t.conversionRate !== null ? ` ${formatPercent(t.conversionRate)}` : '';
          return { id: t.id, text: `→ ${names.get(t.target) || 'unnamed'}${rate}` };
        });
      return {
        id: s.id,
        name: s.name || 'Unnamed stage',
        counts: `${plural(customer, 'customer action', 'customer actions')} · ${plural(seller, 'seller action', 'seller actions')} · ${plural(s.exitCriteria.length, 'exit criterion', 'exit criteria')}`,
        days: !hideNumbers && s.daysPerVisit !== null ? `${plural(Math.round(s.daysPerVisit * 10) / 10, 'day', 'days')} per visit` : null,
        exits,
      };
    });
  const outcomes = doc.outcomes.filter((o) => !hidden.has(o.id)).map((o) => ({ id: o.id, label: o.label, kind: o.kind }));
  return { stages, outcomes };
}

/** Columns for the stage grid: as many as keep a name at ≥ 28 px readable on a 1280 px projector. */
export function audienceColumns(stageCount: number): number {
  if (stageCount <= 4) return Math.max(1, stageCount);
  if (stageCount <= 8) return 4;
  return 5;
}
