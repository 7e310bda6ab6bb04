// Card sizes worked out from the text before a card is drawn (src-renderer/canvas/card-size.ts),
// here with a simple fake font: every character half as wide as the type is high.
import { describe, expect, it } from 'vitest';
import { estimateExitMarkerSize, estimateOutcomeSize, estimateStageSize } from '../../../src-renderer/canvas/card-size';
import type { TextMetrics } from '../../../src-shared/domain/report/text-metrics';
import { aStage, anOutcome } from '../../fixtures/factories';

const halfEm: TextMetrics = { runs: (text, size) => (text ? [{ text, family: 'fake', width: [...text].length * size * 0.5 }] : []) };

describe('a stage card’s size', () => {
  it('an empty card: border, a one-line name and three sections saying they are empty', () => {
    // 6 border + 10.8 + 9 header padding + 2 rule + 31.32 name line = 59.12;
    // each section 7.2 + 9 padding + 19.548 heading + 23.94 empty line = 59.688.
    expect(estimateStageSize(aStage({ name: 'Compare options' }), halfEm)).toEqual({ width: 380, height: 238 });
  });

  it('a customer action of sixteen five-character words wraps to two lines of 23.8 px', () => {
    // 8.5 px a character: eight words (331.5 px without the last space) fit the 337.2 px line.
    const text = Array.from({ length: 16 }, () => 'aaaa').join(' ');
    const stage = aStage({ name: 'Compare options', actions: [{ id: 'a1', actor: 'customer', text, leanClass: null, serves: [] } as never] });
    // 59.12 + (7.2 + 9 + 19.548 + 3.6 + 2 × 23.8) + 2 × 59.688 = 265.444
    expect(estimateStageSize(stage, halfEm).height).toBe(265);
  });

  it('a long name takes more lines, a goal and the numbers add their rows', () => {
    const short = estimateStageSize(aStage({ name: 'Compare' }), halfEm).height;
    const long = estimateStageSize(aStage({ name: 'Compare the options the buyer has found with the ones we offer today' }), halfEm).height;
    expect(long - short).toBeCloseTo(2 * 31.32, 0);
    const withGoal = estimateStageSize(aStage({ name: 'Compare', customerGoal: 'Find the best', daysPerVisit: 3 }), halfEm).height;
    expect(withGoal - short).toBeCloseTo(5.4 + 25.2 + 6.3 + 23.22, 0);
  });
});

describe('outcome and marker sizes', () => {
  it('an outcome pill is at least 200 px wide; 37.8 px of 27 px type, 2 × 18 padding, 2 × 4 border high', () => {
    expect(estimateOutcomeSize(anOutcome('won'), halfEm)).toEqual({ width: 200, height: 82 });
  });

  it('an exit marker fits its words in one 44 px row, up to 388 px', () => {
    const exit = { kind: 'exit' as const, label: 'Budget', outcomeKind: 'lost' as const, rate: 0.1, rateIsRest: false, bottleneckRank: null };
    // "Lost" 34 + "Budget" 51 + "10 %" 34 at 8.5 px a character, 2 gaps of 6.3, 2 × (8.1 + 2 + 8) sides.
    expect(estimateExitMarkerSize(anOutcome('lost'), exit, halfEm)).toEqual({ width: Math.round(34 + 51 + 34 + 12.6 + 36.2), height: 44 });
    expect(estimateExitMarkerSize(anOutcome('lost'), { ...exit, label: 'x'.repeat(200) }, halfEm).width).toBe(388);
  });
});
