// The size a card will have on the canvas, worked out from its text before it is drawn,
// with the one line breaker the exports use (src-shared text-metrics) and the canvas's
// CSS sizes below. React Flow gets each card's size and handles up front, so a card
// off screen is never drawn just to be measured; once drawn, its measured size wins.
import type { Outcome, Stage } from '../../src-shared/domain/map-document';
import { textWidth, wrapText, type FontWeight, type TextMetrics } from '../../src-shared/domain/report/text-metrics';
import type { TransitionEdgeData } from './flow-types';
import { EXIT_MARKER } from './exit-markers';

export interface Size {
  width: number;
  height: number;
}

/** styles.css in map units (the root font is 18 px, cards 17 px, lines 1.4 high, headings 1.2). */
const REM = 18;
const STAGE = {
  width: 380,
  border: 3,
  header: { padTop: 0.6 * REM, padBottom: 0.5 * REM, padX: 0.8 * REM, rule: 2 },
  name: { size: 1.45 * REM, line: 1.45 * REM * 1.2 },
  goal: { gap: 0.3 * REM, size: REM, line: REM * 1.4 },
  numbers: { gap: 0.35 * REM, row: 0.85 * REM * 1.4 + 0.1 * REM },
  section: { padTop: 0.4 * REM, padBottom: 0.5 * REM, padX: 0.8 * REM, bar: 8, heading: 0.78 * REM * 1.2 + 0.15 * REM },
  line: { size: 17, line: 17 * 1.4, pad: 0.2 * REM, mark: 1.25 * REM + 0.4 * REM },
  emptyLine: 0.95 * REM * 1.4,
} as const;
const OUTCOME = { minWidth: 200, padX: 1.4 * REM, border: 4, size: 1.5 * REM, height: 1.5 * REM * 1.4 + 2 * REM + 8 } as const;
const MARKER = { padX: 0.45 * REM, border: 2, gap: 0.35 * REM, size: 17, chipPadX: 8 } as const;

/** Lines the text takes at this width (at least one). */
function lines(metrics: TextMetrics, text: string, width: number, size: number, weight: FontWeight = 'regular'): number {
  return Math.max(1, wrapText(metrics, text || '(no text yet)', width, size, weight).length);
}

export function estimateStageSize(stage: Stage, metrics: TextMetrics): Size {
  const inner = STAGE.width - 2 * STAGE.border;
  const { header, name, goal, numbers, section, line } = STAGE;
  let height = 2 * STAGE.border + header.padTop + header.padBottom + header.rule;
  height += lines(metrics, stage.name || 'Unnamed stage', inner - 2 * header.padX, name.size, 'bold') * name.line;
  if (stage.customerGoal) height += goal.gap + lines(metrics, stage.customerGoal, inner - 2 * header.padX, goal.size) * goal.line;
  if (stage.daysPerVisit !== null || stage.completeAndAccurate !== null) height += numbers.gap + numbers.row;
  const textWidthIn = inner - section.bar - 2 * section.padX;
  const sectionHeight = (texts: readonly { text: string; marked: boolean }[]) => {
    let h = section.padTop + section.padBottom + section.heading;
    if (texts.length === 0) return h + STAGE.emptyLine;
    for (const t of texts) h += line.pad + lines(metrics, t.text, textWidthIn - (t.marked ? line.mark : 0), line.size) * line.line;
    return h;
  };
  const customer = stage.actions.filter((a) => a.actor === 'customer');
  const seller = stage.actions.filter((a) => a.actor !== 'customer');
  height += sectionHeight(customer.map((a) => ({ text: a.text, marked: a.leanClass !== null })));
  height += sectionHeight(seller.map((a) => ({ text: a.text, marked: a.leanClass !== null })));
  height += sectionHeight(stage.exitCriteria.map((c) => ({ text: `✓ ${c.text}`, marked: false })));
  return { width: STAGE.width, height: Math.round(height) };
}

export function estimateOutcomeSize(outcome: Outcome, metrics: TextMetrics): Size {
  const width = textWidth(metrics, outcome.label, OUTCOME.size, 'bold') + 2 * OUTCOME.padX + 2 * OUTCOME.border;
  return { width: Math.round(Math.max(OUTCOME.minWidth, width)), height: Math.round(OUTCOME.height) };
}

export function estimateExitMarkerSize(outcome: Outcome, exit: TransitionEdgeData, metrics: TextMetrics): Size {
  const parts = [outcome.label, exit.label, exit.rate === null ? '' : `${Math.round(exit.rate * 1000) / 10} %${exit.rateIsRest ? ' (rest)' : ''}`];
  if (exit.bottleneckRank) parts.push(`Bottleneck #${exit.bottleneckRank}`);
  const texts = parts.filter(Boolean);
  const width = texts.reduce((sum, t) => sum + textWidth(metrics, t, MARKER.size, 'bold'), 0) + (texts.length - 1) * MARKER.gap + 2 * (MARKER.padX + MARKER.border + MARKER.chipPadX);
  return { width: Math.round(Math.min(EXIT_MARKER.maxWidth, width)), height: EXIT_MARKER.height };
}

/** Sizes of the three kinds of card, for reconcileNodes. */
export interface CardSizer {
  stage(stage: Stage): Size;
  outcome(outcome: Outcome): Size;
  exitMarker(outcome: Outcome, exit: TransitionEdgeData): Size;
}

export function cardSizer(metrics: TextMetrics): CardSizer {
  return {
    stage: (s) => estimateStageSize(s, metrics),
    outcome: (o) => estimateOutcomeSize(o, metrics),
    exitMarker: (o, e) => estimateExitMarkerSize(o, e, metrics),
  };
}

