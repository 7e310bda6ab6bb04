// The process figures as a facilitator gets them in the room: conversion rates
// typed in each stage's "Leads to" rows, days per visit on every stage, the
// process inputs in the Figures tab. Every figure the panel shows is checked
// against numbers this test works out on its own, with a small absorbing-Markov-
// chain solver below (fixed-point iteration, independent of the app's analytics).
import { expect, test } from './fixtures';
import type { EditorPage } from './pages/EditorPage';

// ——— The map as typed in the workshop ———

const RECOGNISE = 'Recognise the problem';
const DEFINE = 'Define what good looks like';
const COMPARE = 'Compare options';
const BUSINESS_CASE = 'Build the business case';
const DECIDE = 'Decide and commit';
const STAGES = [RECOGNISE, DEFINE, COMPARE, BUSINESS_CASE, DECIDE];
const ENTRY = RECOGNISE;

type OutcomeKind = 'won' | 'lost' | 'no_decision';
const OUTCOMES: Record<string, OutcomeKind> = { Won: 'won', Lost: 'lost', 'No decision': 'no_decision' };

interface Way {
  from: string;
  to: string;
  /** What is typed in the "Leads to" row, in percent; null leaves it blank. */
  typed: string | null;
  /** A loop back (re-evaluate): not a candidate for the bottleneck ranking. */
  loop?: boolean;
}

/** The template's transitions with the conversions the team agrees on. */
const WAYS: Way[] = [
  { from: RECOGNISE, to: DEFINE, typed: '60' },
  { from: DEFINE, to: COMPARE, typed: '70' },
  { from: DEFINE, to: 'No decision', typed: '20' },
  { from: COMPARE, to: BUSINESS_CASE, typed: '50' },
  // The one blank exit to an outcome: it takes "the rest" of Compare options (50 %).
  { from: COMPARE, to: 'Lost', typed: null },
  { from: BUSINESS_CASE, to: DECIDE, typed: '55' },
  { from: BUSINESS_CASE, to: COMPARE, typed: '20', loop: true },
  { from: BUSINESS_CASE, to: 'No decision', typed: '15' },
  { from: DECIDE, to: 'Won', typed: '65' },
  { from: DECIDE, to: 'Lost', typed: '25' },
];

/** Mean days per visit, as typed. */
const DAYS: Record<string, string> = { [RECOGNISE]: '7', [DEFINE]: '14', [COMPARE]: '21', [BUSINESS_CASE]: '10.5', [DECIDE]: '12' };

const ENTRIES = '120';
const DEAL_SIZE = '40000';
const TARGET = '500000';

// ——— The arithmetic, worked out independently ———

interface Rate {
  from: string;
  to: string;
  rate: number;
  loop: boolean;
}

const isStage = (name: string) => STAGES.includes(name);

/** The typed percentages as shares, the single blank exit to an outcome taking the rest of its stage. */
function resolveRates(ways: Way[]): Rate[] {
  return ways.map((w) => {
    if (w.typed !== null) return { from: w.from, to: w.to, rate: Number(w.typed) / 100, loop: !!w.loop };
    const siblings = ways.filter((x) => x.from === w.from);
    const blanks = siblings.filter((x) => x.typed === null);
    if (blanks.length !== 1 || isStage(w.to)) throw new Error(`Test data: ${w.from} → ${w.to} cannot take the rest.`);
    const typed = siblings.reduce((sum, x) => sum + (x.typed === null ? 0 : Number(x.typed) / 100), 0);
    return { from: w.from, to: w.to, rate: Math.max(0, 1 - typed), loop: !!w.loop };
  });
}

/** What a stage leaves unassigned (Stalled). */
function stalledShare(rates: Rate[], stage: string): number {
  return Math.max(0, 1 - rates.filter((r) => r.from === stage).reduce((sum, r) => sum + r.rate, 0));
}

/**
 * Solves x = c + Q·x over the stages by fixed-point (Jacobi) iteration from 0. With
 * every stage able to leave the chain, Q's spectral radius is below 1 and this converges.
 */
function fixedPoint(stages: string[], constant: (s: string) => number, step: (s: string) => { to: string; weight: number }[]): Record<string, number> {
  let x: Record<string, number> = Object.fromEntries(stages.map((s) => [s, 0]));
  for (let iteration = 0; iteration < 1_000_000; iteration++) {
    const next: Record<string, number> = {};
    let change = 0;
    for (const s of stages) {
      next[s] = constant(s) + step(s).reduce((sum, e) => sum + e.weight * x[e.to]!, 0);
      change = Math.max(change, Math.abs(next[s]! - x[s]!) / Math.max(1, Math.abs(next[s]!)));
    }
    x = next;
    if (change < 1e-15) return x;
  }
  throw new Error('The fixed-point iteration did not converge.');
}

interface Expected {
  winRate: number;
  noDecisionShare: number;
  lostShare: number;
  daysToWin: number;
  cycleTimeDays: number;
  winsPerPeriod: number;
  revenuePerPeriod: number;
  revenueGap: number;
  entriesNeeded: number;
}

const stageSteps = (rates: Rate[]) => (s: string) => rates.filter((r) => r.from === s && isStage(r.to)).map((r) => ({ to: r.to, weight: r.rate }));

/** The chance of ending in an outcome of a kind, from every stage (Stalled counts as no decision). */
function absorption(rates: Rate[], kind: OutcomeKind): Record<string, number> {
  return fixedPoint(
    STAGES,
    (s) =>
      rates.filter((r) => r.from === s && OUTCOMES[r.to] === kind).reduce((sum, r) => sum + r.rate, 0) +
      (kind === 'no_decision' ? stalledShare(rates, s) : 0),
    stageSteps(rates),
  );
}

function winRateOf(rates: Rate[]): number {
  return absorption(rates, 'won')[ENTRY]!;
}

function expectedFigures(rates: Rate[]): Expected {
  const days = (s: string) => Number(DAYS[s]);
  const win = absorption(rates, 'won');
  // Expected days to any outcome: T = t + Q·T.
  const toEnd = fixedPoint(STAGES, days, stageSteps(rates));
  // Expected days to Won for buyers who win: the chain conditioned on winning,
  // Q′ᵢⱼ = Qᵢⱼ·wⱼ/wᵢ over the stages from which a win is possible.
  const winners = STAGES.filter((s) => win[s]! > 0);
  const toWin = fixedPoint(winners, days, (s) =>
    rates.filter((r) => r.from === s && winners.includes(r.to)).map((r) => ({ to: r.to, weight: (r.rate * win[r.to]!) / win[s]! })),
  );
  const winRate = win[ENTRY]!;
  const entries = Number(ENTRIES);
  const dealSize = Number(DEAL_SIZE);
  const target = Number(TARGET);
  return {
    winRate,
    noDecisionShare: absorption(rates, 'no_decision')[ENTRY]!,
    lostShare: absorption(rates, 'lost')[ENTRY]!,
    daysToWin: toWin[ENTRY]!,
    cycleTimeDays: toEnd[ENTRY]!,
    winsPerPeriod: entries * winRate,
    revenuePerPeriod: entries * winRate * dealSize,
    revenueGap: target - entries * winRate * dealSize,
    entriesNeeded: target / (winRate * dealSize),
  };
}

/**
 * The bottleneck ranking: each forward transition and each exit to Won raised by
 * 10 points (capped at what its stage loses), the increase taken from the stage's
 * leaks (exits to other outcomes and its stalled share) in proportion; ranked by
 * the extra wins per period, best first.
 */
function rankBottlenecks(rates: Rate[]): { from: string; to: string; gain: number }[] {
  const base = winRateOf(rates);
  const entries = Number(ENTRIES);
  const candidates = rates.filter((r) => (isStage(r.to) && !r.loop) || OUTCOMES[r.to] === 'won');
  return candidates
    .map((c) => {
      const leaks = rates.filter((r) => r.from === c.from && !isStage(r.to) && OUTCOMES[r.to] !== 'won');
      const headroom = leaks.reduce((sum, r) => sum + r.rate, 0) + stalledShare(rates, c.from);
      const increase = Math.min(0.1, headroom);
      const keep = headroom === 0 ? 1 : 1 - increase / headroom;
      const improved = rates.map((r) => (r === c ? { ...r, rate: r.rate + increase } : leaks.includes(r) ? { ...r, rate: r.rate * keep } : r));
      return { from: c.from, to: c.to, gain: entries * (winRateOf(improved) - base) };
    })
    .sort((a, b) => b.gain - a.gain);
}

// ——— Driving the editor ———

const RELATIVE = 1e-6;

/** Waits until a figure shows the expected value, within 1e-6 relative. */
async function expectFigure(editor: EditorPage, testId: string, expected: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const shown = await editor.figureValue(testId);
        return shown === null ? Infinity : Math.abs(shown - expected) / Math.max(Math.abs(expected), 1e-300);
      },
      { message: `${testId} shows ${expected} (relative error)` },
    )
    .toBeLessThanOrEqual(RELATIVE);
}

async function expectAllFigures(editor: EditorPage, e: Expected): Promise<void> {
  await expect(editor.figuresPanel).toBeVisible();
  await expectFigure(editor, 'figure-win-rate', e.winRate);
  await expectFigure(editor, 'figure-no-decision', e.noDecisionShare);
  await expectFigure(editor, 'figure-lost', e.lostShare);
  await expectFigure(editor, 'figure-days-to-win', e.daysToWin);
  await expectFigure(editor, 'figure-cycle-time', e.cycleTimeDays);
  await expectFigure(editor, 'figure-wins', e.winsPerPeriod);
  await expectFigure(editor, 'figure-revenue', e.revenuePerPeriod);
  // The panel shows the size of the gap and says on which side of the target it is.
  await expectFigure(editor, 'figure-gap', Math.abs(e.revenueGap));
  await expect(editor.figure('figure-gap')).toContainText(e.revenueGap > 0 ? 'Short of the target by' : 'Above the target by');
  await expectFigure(editor, 'figure-entries-needed', e.entriesNeeded);
}

/** The exact values of the figures the panel shows now (to compare before and after). */
async function shownFigures(editor: EditorPage): Promise<(number | null)[]> {
  const ids = ['figure-win-rate', 'figure-days-to-win', 'figure-cycle-time', 'figure-wins', 'figure-gap', 'figure-entries-needed'];
  return Promise.all(ids.map((id) => editor.figureValue(id)));
}

/** Types every conversion of a stage's "Leads to" rows and its days per visit. */
async function fillStage(editor: EditorPage, stage: string): Promise<void> {
  await editor.selectStage(stage);
  for (const way of WAYS.filter((w) => w.from === stage)) {
    const field = editor.outgoingConversion(way.to);
    if (way.typed === null) {
      await expect(field).toHaveValue('');
      continue;
    }
    await editor.typeInto(field, way.typed);
    await field.press('Tab');
  }
  await editor.typeInto(editor.stageDays, DAYS[stage]!);
  await editor.stageDays.press('Enter');
}

test.describe('Process figures from the numbers typed on the map', () => {
  test('the figures panel shows the win rate, cycle times, capacity and bottleneck the numbers imply', async ({ page, library, editor }) => {
    const rates = resolveRates(WAYS);
    const expected = expectedFigures(rates);
    const ranking = rankBottlenecks(rates);
    // The data is chosen so that the ranking has a clear winner.
    expect(ranking[0]!.gain - ranking[1]!.gain).toBeGreaterThan(1e-3);
    const top = ranking[0]!;

    await library.createWorkshop({ title: 'Figures workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.fitToScreen();

    // Before any number: the win rate says what it needs.
    await editor.openSidePanel('Figures');
    await expect(editor.figure('figure-win-rate')).toHaveAttribute('data-status', 'missing');
    await expect(editor.figure('figure-win-rate')).toContainText('Needs');

    // Every stage: the conversion of each way out, and the days per visit.
    await editor.openSidePanel('Edit');
    for (const stage of STAGES) await fillStage(editor, stage);

    // The loop back is recognised as one, and the blank exit to Lost takes the rest.
    await editor.selectStage(BUSINESS_CASE);
    await expect(editor.leadsTo.getByTestId('outgoing-transition').filter({ hasText: `→ ${COMPARE}` })).toContainText('loop back');
    const rest = editor.canvas.locator('.transition-label').filter({ hasText: '(rest)' });
    await expect(rest).toHaveCount(1);
    await expect(rest).toContainText('Chose another supplier');
    await expect(rest).toContainText('50 % (rest)');

    // The process inputs, typed in the Figures tab.
    await editor.openSidePanel('Figures');
    const entries = editor.figuresPanel.getByTestId('entries-per-period');
    await editor.typeInto(entries, ENTRIES);
    await entries.press('Tab');
    await expect(editor.figuresPanel.getByTestId('average-deal-size')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DEAL_SIZE);
    await page.keyboard.press('Tab');
    await expect(editor.figuresPanel.getByTestId('revenue-target')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(TARGET);
    await page.keyboard.press('Tab');

    await expectAllFigures(editor, expected);

    // The bottlenecks, ranked as worked out above; the top one is marked on the canvas.
    const names = ranking.map((r) => `${r.from} → ${r.to}`);
    await expect(editor.bottleneckRows.locator('.link-button')).toHaveText(names);
    // It says what it ranks: the loop back is left out on purpose, and why.
    await expect(editor.figuresPanel.getByTestId('bottleneck-scope')).toContainText('each forward transition (to a later stage) and each transition to Won');
    await expect(editor.figuresPanel.getByTestId('bottleneck-scope')).toContainText('Loops back are not ranked: sending more buyers back is more rework');
    await expect(editor.bottleneckRows.first()).toHaveClass(/\bis-top\b/);
    await expect(editor.bottleneckLabel(1)).toBeVisible();
    await expect(editor.bottleneckLabel(1)).toContainText('Bottleneck #1');
    await expect(editor.bottleneckLabel(2)).toBeVisible();
    // The label names the same transition: choosing the list's first row selects that
    // arrow, and it is the arrow whose label says "Bottleneck #1".
    await editor.bottleneckRows.first().getByRole('button', { name: names[0] }).click();
    await expect(editor.transitionInspector).toBeVisible();
    await expect(editor.transitionInspector.locator('.transition-route')).toHaveText(`${top.from} → ${top.to}`);
    await expect(editor.bottleneckLabel(1)).toHaveClass(/\bis-selected\b/);
    await expect(editor.bottleneckLabel(2)).not.toHaveClass(/\bis-selected\b/);
    await expect(editor.canvas.locator('.react-flow__edge.selected')).toHaveAttribute(
      'aria-label',
      `Transition forward from ${top.from} to ${top.to}`,
    );
    const topRate = rates.find((r) => r.from === top.from && r.to === top.to)!.rate;
    await expect(editor.bottleneckLabel(1)).toContainText(`${Math.round(topRate * 1000) / 10} %`);
    await expect(editor.transitionInspector.getByTestId('transition-conversion')).toHaveValue(String(Math.round(topRate * 100 * 1e6) / 1e6));
    await editor.expectSaved();
  });

  test('a wrong or missing number is explained and never changes the figures', async ({ page, library, editor }) => {
    const expected = expectedFigures(resolveRates(WAYS));

    await library.createWorkshop({ title: 'Figures workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.fitToScreen();
    await editor.openSidePanel('Edit');
    for (const stage of STAGES) await fillStage(editor, stage);
    await editor.openSidePanel('Figures');
    for (const [testId, value] of [['entries-per-period', ENTRIES], ['average-deal-size', DEAL_SIZE], ['revenue-target', TARGET]] as const) {
      const field = editor.figuresPanel.getByTestId(testId);
      await editor.typeInto(field, value);
      await field.press('Enter');
    }
    await expectAllFigures(editor, expected);
    const before = await shownFigures(editor);

    // Not a number (typed), then out of range (pasted: typed key by key, "150" passes
    // through 1 % and 15 %, see the next test): a clear error under the field, and
    // the figures do not change.
    for (const [text, how, message] of [
      ['abc', 'typed', '"abc" is not a number. Type a number from 0 to 100 %, or leave it empty if unknown.'],
      ['150', 'pasted', '150 is out of range. Type a number from 0 to 100 %.'],
    ] as const) {
      await editor.openSidePanel('Edit');
      await editor.selectStage(DEFINE);
      const field = editor.outgoingConversion(COMPARE);
      await expect(field).toHaveValue('70');
      if (how === 'typed') await editor.typeInto(field, text);
      else await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(editor.fieldError(field)).toHaveText(message);
      await expect(field).toHaveAccessibleDescription(message);
      await field.press('Tab');
      await expect(editor.fieldError(field)).toBeVisible();
      await editor.openSidePanel('Figures');
      await expectAllFigures(editor, expected);
      expect(await shownFigures(editor)).toEqual(before);
    }

    // The map kept the old value: the field shows it again.
    await editor.openSidePanel('Edit');
    await expect(editor.stageInspector).toBeVisible();
    await expect(editor.outgoingConversion(COMPARE)).toHaveValue('70');
    await expect(editor.outgoingConversion(COMPARE)).not.toHaveAttribute('aria-invalid', 'true');

    // A cleared conversion: the figures built on it say what they need instead of a number.
    await editor.typeInto(editor.outgoingConversion(COMPARE), '');
    await editor.outgoingConversion(COMPARE).press('Tab');
    await editor.openSidePanel('Figures');
    const needs = `Needs Conversion rate from "${DEFINE}" to "${COMPARE}"`;
    for (const id of ['figure-win-rate', 'figure-days-to-win', 'figure-cycle-time', 'figure-wins', 'figure-entries-needed']) {
      await expect(editor.figure(id)).toHaveAttribute('data-status', 'missing');
      await expect(editor.figure(id)).toContainText(needs);
      await expect(editor.figure(id).locator('.figure-value')).toHaveCount(0);
    }
    await expect(editor.bottleneckLabel(1)).toHaveCount(0);

    // A cleared days per visit: the cycle time names the stage it needs.
    await editor.openSidePanel('Edit');
    await editor.selectStage(DECIDE);
    await editor.typeInto(editor.stageDays, '');
    await editor.stageDays.press('Enter');
    await editor.openSidePanel('Figures');
    await expect(editor.figure('figure-cycle-time')).toContainText(`Days per visit in "${DECIDE}"`);

    // The missing conversion is a link to the arrow: follow it and type the value there.
    await editor.figure('figure-win-rate').getByRole('button', { name: `Conversion rate from "${DEFINE}" to "${COMPARE}"` }).click();
    await expect(editor.transitionInspector).toBeVisible();
    await expect(editor.transitionInspector.locator('.transition-route')).toHaveText(`${DEFINE} → ${COMPARE}`);
    const conversion = editor.transitionInspector.getByTestId('transition-conversion');
    await expect(conversion).toHaveValue('');
    await editor.typeInto(conversion, '70');
    await conversion.press('Enter');
    await editor.openSidePanel('Figures');
    await expect(editor.figure('figure-win-rate')).toHaveAttribute('data-status', 'ok');
    await expect(editor.figure('figure-cycle-time')).toHaveAttribute('data-status', 'missing');
    await editor.figure('figure-cycle-time').getByRole('button', { name: `Days per visit in "${DECIDE}"` }).click();
    await expect(editor.stageInspector).toBeVisible();
    await expect(editor.stageName).toHaveValue(DECIDE);
    await editor.typeInto(editor.stageDays, DAYS[DECIDE]!);
    await editor.stageDays.press('Enter');
    await editor.openSidePanel('Figures');
    await expectAllFigures(editor, expected);

    // A reload shows the same numbers, in the fields and in the figures.
    await editor.expectSaved();
    await page.reload();
    await editor.waitUntilOpen();
    await editor.openSidePanel('Figures');
    await expectAllFigures(editor, expected);
    await expect(editor.figuresPanel.getByTestId('entries-per-period')).toHaveValue(ENTRIES);
    // Amounts are shown as they were read: grouped by thousands.
    await expect(editor.figuresPanel.getByTestId('average-deal-size')).toHaveValue('40,000');
    await expect(editor.figuresPanel.getByTestId('revenue-target')).toHaveValue('500,000');
    await expect(editor.bottleneckLabel(1)).toBeVisible();
    await editor.openSidePanel('Edit');
    for (const stage of STAGES) {
      await editor.selectStage(stage);
      for (const way of WAYS.filter((w) => w.from === stage)) await expect(editor.outgoingConversion(way.to)).toHaveValue(way.typed ?? '');
      await expect(editor.stageDays).toHaveValue(DAYS[stage]!);
    }
  });

  // "150" passes through "1" and "15": NumberField puts the map back to the value the
  // field had when it was entered as soon as the text stops being valid.
  test('typing an out-of-range conversion key by key leaves the figures unchanged', async ({ library, editor }) => {
    const expected = expectedFigures(resolveRates(WAYS));
    await library.createWorkshop({ title: 'Figures workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.fitToScreen();
    await editor.openSidePanel('Edit');
    for (const stage of STAGES) await fillStage(editor, stage);
    await editor.openSidePanel('Figures');
    await expectFigure(editor, 'figure-win-rate', expected.winRate);

    await editor.openSidePanel('Edit');
    await editor.selectStage(DEFINE);
    const field = editor.outgoingConversion(COMPARE);
    await editor.typeInto(field, '150');
    await expect(editor.fieldError(field)).toHaveText('150 is out of range. Type a number from 0 to 100 %.');
    await field.press('Tab');
    await editor.openSidePanel('Figures');
    const shown = await editor.figureValue('figure-win-rate');
    expect(Math.abs(shown! - expected.winRate) / expected.winRate).toBeLessThanOrEqual(RELATIVE);
  });
});
