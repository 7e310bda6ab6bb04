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
          // A rate never breaks from its % sign at a line end.
          const rate = !hideNumbers && t.conversionRate !== null ? ` ${formatPercent(t.conversionRate).replace(" %", "\u00a0%")}` : '';
          const label = t.label.trim() ? ` · ${t.label.trim()}` : '';
          return { id: t.id, text: `→ ${names.get(t.target) || 'unnamed'}${rate}${label}` };
        });
      return {
        id: s.id,
        name: s.name || 'Unnamed stage',
        counts: `${customer} customer · ${seller} seller · ${plural(s.exitCriteria.length, 'exit criterion', 'exit criteria')}`,
        days: !hideNumbers && s.daysPerVisit !== null ? `${plural(Math.round(s.daysPerVisit * 10) / 10, 'day', 'days')} per visit` : null,
        exits,
      };
    });
  const outcomes = doc.outcomes.filter((o) => !hidden.has(o.id)).map((o) => ({ id: o.id, label: o.label, kind: o.kind }));
  return { stages, outcomes };
}

/**
 * How the whole map is laid out on a 1280×720 projector with names at ≥ 28 px: up to
 * eight stages as cards side by side (with their counts); more as rows in two columns,
 * name and ways out only (the focused-stage view has the rest).
 */
export function audienceLayout(stageCount: number): { kind: 'cards'; columns: number } | { kind: 'rows'; columns: number } {
  if (stageCount <= 4) return { kind: 'cards', columns: Math.max(1, stageCount) };
  // Balanced rows (5 → 3 + 2, 8 → 4 + 4) rather than one stage alone on a row.
  if (stageCount <= 8) return { kind: 'cards', columns: Math.ceil(stageCount / 2) };
  return { kind: 'rows', columns: 2 };
}
