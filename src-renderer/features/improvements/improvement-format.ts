// How an improvement reads on screen: what it addresses, its effects, its modelled gain,
// and the "+10 points" starting suggestion offered when an idea is captured at an arrow.
import type { ExpectedEffect, ModelledGain } from '../../../src-shared/domain/analytics/effects';
import { resolveRates } from '../../../src-shared/domain/analytics/rates';
import type { ImprovementTarget } from '../../../src-shared/domain/improvement';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { formatPercent, formatPercentPoints } from '../../../src-shared/domain/number-format';
import { formatCount, formatDays, formatMoney } from '../../lib/figure-format';

const nodeName = (doc: MapDocument, id: string) =>
  doc.stages.find((s) => s.id === id)?.name || doc.outcomes.find((o) => o.id === id)?.label || '(removed)';

export function transitionName(doc: MapDocument, transitionId: string): string {
  const t = doc.transitions.find((x) => x.id === transitionId);
  return t ? `${nodeName(doc, t.source)} → ${nodeName(doc, t.target)}` : 'an arrow no longer on the map';
}

export function targetLabel(doc: MapDocument, target: ImprovementTarget): string {
  switch (target.kind) {
    case 'process':
      return 'The whole process';
    case 'stage':
      return `Stage: ${nodeName(doc, target.stageId)}`;
    case 'pain-point':
      return `Pain point in ${nodeName(doc, target.stageId)}`;
    case 'action': {
      const action = doc.stages.find((s) => s.id === target.stageId)?.actions.find((a) => a.id === target.actionId);
      return `Action in ${nodeName(doc, target.stageId)}: ${action?.text || '(removed)'}`;
    }
    case 'transition':
      return `Arrow: ${transitionName(doc, target.transitionId)}`;
  }
}

export function effectLabel(doc: MapDocument, effect: ExpectedEffect): string {
  if (effect.kind === 'conversion') return `${transitionName(doc, effect.transitionId)} converts ${formatPercent(effect.rate)}`;
  if (effect.kind === 'days-per-visit') return `${nodeName(doc, effect.stageId)} takes ${formatDays(effect.days)} per visit`;
  return `${nodeName(doc, effect.stageId)} %C&A ${formatPercent(effect.share)}`;
}

/** The transition's conversion today (entered or derived), or null while its stage has blanks. */
export function currentConversion(doc: MapDocument, transitionId: string): number | null {
  const t = doc.transitions.find((x) => x.id === transitionId);
  if (!t) return null;
  return resolveRates(doc).get(t.source)?.outgoing.find((r) => r.transitionId === transitionId)?.rate ?? null;
}

/** The starting suggestion for an idea at an arrow: its conversion ten points higher (at most 100 %). */
export function suggestedConversion(doc: MapDocument, transitionId: string): ExpectedEffect[] {
  const now = currentConversion(doc, transitionId);
  if (now === null) return [];
  return [{ kind: 'conversion', transitionId, rate: Math.min(1, Math.round((now + 0.1) * 1e6) / 1e6) }];
}

/** The one figure that ranks the idea: extra wins per period, or the change in win rate. */
export function formatGain(modelled: ModelledGain | null, period: string): string {
  if (!modelled || modelled.gain === null) return '—';
  if (modelled.basis === 'wins-per-period') return `${modelled.gain >= 0 ? '+' : '−'}${formatCount(Math.abs(modelled.gain))} wins/${period}`;
  return `${formatPercentPoints(modelled.gain)} win rate`;
}

const signed = (n: number, text: (x: number) => string) => `${n >= 0 ? '+' : '−'}${text(Math.abs(n))}`;

/** The modelled change in each figure a leader asks about (short labels for the ranked list); a figure the map cannot compute is left out. */
export function deltaLines(modelled: ModelledGain, period: string, currency: string): { label: string; short: string; text: string }[] {
  const d = modelled.delta;
  const lines: { label: string; short: string; text: string }[] = [];
  if (d.winsPerPeriod !== null) lines.push({ label: `Wins per ${period}`, short: 'Wins', text: signed(d.winsPerPeriod, formatCount) });
  if (d.revenuePerPeriod !== null) lines.push({ label: `Revenue per ${period}`, short: 'Revenue', text: signed(d.revenuePerPeriod, (x) => formatMoney(x, currency)) });
  if (d.revenueGap !== null) lines.push({ label: 'Gap to target', short: 'Gap', text: signed(d.revenueGap, (x) => formatMoney(x, currency)) });
  if (d.winRate !== null) lines.push({ label: 'Win rate', short: 'Win rate', text: formatPercentPoints(d.winRate) });
  if (d.noDecisionShare !== null) lines.push({ label: 'No-decision share', short: 'No decision', text: formatPercentPoints(d.noDecisionShare) });
  if (d.daysToWin !== null) lines.push({ label: 'Days to a win', short: 'Days to win', text: signed(d.daysToWin, formatDays) });
  return lines;
}

/** Today as an ISO calendar date in the facilitator's time zone. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
