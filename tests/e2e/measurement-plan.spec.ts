// The measurement plan as the facilitator builds it at the end of the workshop:
// metrics taken from the map's suggestions, owner, baseline and target typed in
// the table from the keyboard, dated readings added at a later review, and the
// checks that keep the plan honest (a target for every metric, never rank people).
import { expect, test } from './fixtures';
import type { EditorPage } from './pages/EditorPage';

const WIN_RATE = 'Win rate';
const OWNER = 'Head of sales operations';
const BASELINE = '22';
const TARGET = '30';
const PER_REP = 'Win rate per rep';

/** A reading as typed in the readings form. */
const MARCH = { date: '2025-03-31', value: '26', note: 'March review' };
const FEBRUARY = { date: '2025-02-28', value: '24', note: 'February review' };

/** How the browser shows a date in tables (day, short month, year, in its locale). */
function shownDate(editor: EditorPage, isoDate: string): Promise<string> {
  return editor.page.evaluate(
    (d) => new Date(`${d}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
    isoDate,
  );
}

/** Adds a reading with the readings form of the open metric editor. */
async function addReading(editor: EditorPage, reading: { date: string; value: string; note: string }): Promise<void> {
  const readings = editor.metricDialog.getByRole('region', { name: 'Readings' });
  await readings.getByLabel('Date', { exact: true }).fill(reading.date);
  const value = readings.getByTestId('reading-value');
  await value.click();
  await value.pressSequentially(reading.value);
  await editor.page.keyboard.press('Tab');
  await expect(readings.getByLabel('Note', { exact: true })).toBeFocused();
  await editor.page.keyboard.type(reading.note);
  await editor.page.keyboard.press('Enter');
  await expect(value).toHaveValue('');
}

/** Everything typed for the win rate, as the plan table and its editor show it. */
async function expectWinRateIntact(editor: EditorPage): Promise<void> {
  await expect(editor.planCell('Owner', WIN_RATE)).toHaveValue(OWNER);
  await expect(editor.planCell('Baseline', WIN_RATE)).toHaveValue(BASELINE);
  await expect(editor.planCell('Target', WIN_RATE)).toHaveValue(TARGET);
  const latest = editor.metricRow(WIN_RATE).locator('td').nth(8);
  await expect(latest).toContainText(`${MARCH.value} %`);
  await expect(latest).toContainText(await shownDate(editor, MARCH.date));
  // 26 % lies between the baseline (22 %) and the target (30 %).
  await expect(latest.locator('.trend')).toHaveText('improving');
  await expect(latest.locator('.trend')).toHaveClass(/\btrend-improving\b/);
}

test.describe('The measurement plan', () => {
  test('a metric from a suggestion, filled in from the keyboard, with dated readings; all suggestions; kept after a reload; checked', async ({
    page,
    library,
    editor,
  }) => {
    await library.createWorkshop({ title: 'Plan workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.showView('Measurement plan');
    await expect(editor.plan.getByText('No metrics yet.')).toBeVisible();
    const suggestions = editor.plan.getByTestId('suggestion');
    await expect(suggestions.first()).toBeVisible();
    const offered = await suggestions.count();
    expect(offered).toBeGreaterThan(2);
    await expect(editor.plan.getByRole('heading', { name: `Suggested metrics (${offered})` })).toBeVisible();

    // One metric from its suggestion: it leaves the suggestions and joins the plan.
    await editor.plan.getByRole('button', { name: `Add ${WIN_RATE}`, exact: true }).click();
    await expect(editor.metricRows).toHaveCount(1);
    await expect(editor.metricRow(WIN_RATE)).toContainText('Whole process');
    await expect(editor.plan.getByRole('button', { name: `Add ${WIN_RATE}`, exact: true })).toHaveCount(0);
    await expect(suggestions).toHaveCount(offered - 1);
    await expect(editor.plan.getByRole('heading', { name: `Suggested metrics (${offered - 1})` })).toBeVisible();

    // Owner, baseline and target typed in place, Tab from cell to cell.
    const owner = editor.planCell('Owner', WIN_RATE);
    await expect(owner).toHaveValue('Sales operations');
    await owner.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(OWNER);
    await page.keyboard.press('Tab');
    await expect(editor.planCell('Baseline', WIN_RATE)).toBeFocused();
    await page.keyboard.type(BASELINE);
    await page.keyboard.press('Tab');
    await expect(editor.planCell('Target', WIN_RATE)).toBeFocused();
    await page.keyboard.type(TARGET);
    await page.keyboard.press('Tab');
    const edit = editor.metricRow(WIN_RATE).getByRole('button', { name: `Edit ${WIN_RATE}`, exact: true });
    await expect(edit).toBeFocused();
    await expect(edit).toHaveText('Edit · readings');
    await expect(owner).toHaveValue(OWNER);
    await expect(editor.planCell('Baseline', WIN_RATE)).toHaveValue(BASELINE);
    await expect(editor.planCell('Target', WIN_RATE)).toHaveValue(TARGET);
    await expect(editor.metricRow(WIN_RATE).locator('[aria-invalid="true"]')).toHaveCount(0);
    await expect(editor.metricRow(WIN_RATE).locator('td').nth(8)).toHaveText('—');

    // Its editor, opened from the keyboard: no readings yet.
    await page.keyboard.press('Enter');
    await expect(editor.metricDialog).toBeVisible();
    const readings = editor.metricDialog.getByRole('region', { name: 'Readings' });
    await expect(readings.getByText('No readings yet.')).toBeVisible();

    // A dated reading, then an earlier one: the table lists them by date.
    await addReading(editor, MARCH);
    const rows = readings.getByTestId('reading-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(await shownDate(editor, MARCH.date));
    await expect(rows.first()).toContainText(`${MARCH.value} %`);
    await expect(rows.first()).toContainText(MARCH.note);
    await addReading(editor, FEBRUARY);
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(await shownDate(editor, FEBRUARY.date));
    await expect(rows.nth(0)).toContainText(`${FEBRUARY.value} %`);
    await expect(rows.nth(1)).toContainText(await shownDate(editor, MARCH.date));

    // A reading that is not a number: a clear error, and nothing is added.
    const value = readings.getByTestId('reading-value');
    await value.click();
    await value.pressSequentially('twenty');
    await value.press('Enter');
    await expect(readings.getByRole('alert')).toHaveText('"twenty" is not a number. Type a number from 0 to 100 %, or leave it empty if unknown.');
    await expect(value).toHaveAttribute('aria-invalid', 'true');
    await expect(value).toHaveValue('twenty');
    await expect(rows).toHaveCount(2);
    await editor.metricDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(editor.metricDialog).toBeHidden();

    // The plan table shows the latest reading (by date) and where it stands.
    await expectWinRateIntact(editor);

    // "Add all" adds every other suggestion.
    await editor.plan.getByRole('button', { name: 'Add all', exact: true }).click();
    await expect(editor.metricRows).toHaveCount(offered);
    await expect(editor.plan.getByRole('region', { name: 'Suggested metrics' })).toHaveCount(0);
    await expect(editor.metricRows.first()).toContainText(WIN_RATE);

    // A metric of our own, from "+ New metric" and its editor.
    await editor.plan.getByRole('button', { name: '+ New metric', exact: true }).click();
    await expect(editor.metricDialog).toBeVisible();
    const name = editor.metricDialog.getByLabel('Name *', { exact: true });
    await expect(name).toBeFocused();
    await expect(name).toHaveValue('New metric');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(PER_REP);
    await editor.metricDialog.getByRole('button', { name: 'Save metric', exact: true }).click();
    await expect(editor.metricDialog).toBeHidden();
    await expect(editor.metricRows).toHaveCount(offered + 1);
    await expect(editor.metricRow(PER_REP)).toBeVisible();
    await expect(editor.metricRow('New metric')).toHaveCount(0);

    // A reload: the plan is all there.
    await page.reload();
    await editor.waitUntilOpen();
    await editor.showView('Measurement plan');
    await expect(editor.metricRows).toHaveCount(offered + 1);
    await expect(editor.plan.getByRole('region', { name: 'Suggested metrics' })).toHaveCount(0);
    await expect(editor.metricRow(PER_REP)).toBeVisible();
    await expectWinRateIntact(editor);
    await editor.openMetric(WIN_RATE);
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(FEBRUARY.note);
    await expect(rows.nth(1)).toContainText(MARCH.note);
    await page.keyboard.press('Escape');
    await expect(editor.metricDialog).toBeHidden();

    // The checks, grouped by what they are about: a metric without a target, and
    // one whose name ranks individual people.
    await editor.showView('Map');
    await editor.openSidePanel('Checks');
    const panel = page.getByTestId('checks-panel');
    const checks = panel.getByTestId('check');
    await expect(checks.first()).toBeVisible();
    await expect(editor.sidePanelTab('Checks')).toHaveText(`Checks (${await checks.count()})`);
    const perRep = panel.getByTestId('check-group').filter({ hasText: `Metric "${PER_REP}"` });
    await expect(perRep).toHaveCount(1);
    await expect(perRep).toHaveClass(/\bcheck-warning\b/);
    const noTarget = perRep.locator('[data-testid="check"][data-code="metric-without-target"]');
    await expect(noTarget).toHaveCount(1);
    await expect(noTarget).toContainText('no target');
    const ranksPeople = panel.locator('[data-testid="check"][data-code="metric-ranks-individuals"]');
    await expect(ranksPeople).toHaveCount(1);
    await expect(perRep).toContainText(`"${PER_REP}" looks like it ranks individual people ("per rep" in its name)`);
    await expect(perRep.locator('[data-code="metric-ranks-individuals"]')).toHaveCount(1);
    // The win rate has its owner, baseline and target: nothing to say about it.
    await expect(panel.getByTestId('check-group').filter({ hasText: `Metric "${WIN_RATE}"` })).toHaveCount(0);
    // Every suggested metric but the win rate still lacks a target, and so does ours.
    await expect(panel.locator('[data-testid="check"][data-code="metric-without-target"]')).toHaveCount(offered);

    // A check about a metric opens the plan.
    await perRep.getByRole('button', { name: 'Open plan' }).click();
    await expect(editor.plan).toBeVisible();
    await expect(editor.metricRow(PER_REP)).toBeVisible();
  });

  // Each cell sends only its own field; the plan store queues a metric's patches and
  // applies each onto the latest saved metric, so a slow host cannot lose one.
  test('owner, baseline and target typed in a row are all kept when the host is slow to answer', async ({ page, library, editor }) => {
    await library.createWorkshop({ title: 'Plan workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.showView('Measurement plan');
    await editor.plan.getByRole('button', { name: `Add ${WIN_RATE}`, exact: true }).click();
    await expect(editor.metricRows).toHaveCount(1);

    // A busy laptop: every save takes 300 ms to be answered.
    await page.route('**/api/metric.update', async (route) => {
      await new Promise((done) => setTimeout(done, 300));
      await route.continue();
    });
    let answered = 0;
    page.on('response', (response) => {
      if (response.url().endsWith('/api/metric.update')) answered++;
    });
    await editor.planCell('Owner', WIN_RATE).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(OWNER);
    await page.keyboard.press('Tab');
    await page.keyboard.type(BASELINE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TARGET);
    await page.keyboard.press('Tab');
    await expect.poll(() => answered, { message: 'all three saves answered' }).toBe(3);

    await page.reload();
    await editor.waitUntilOpen();
    await editor.showView('Measurement plan');
    await expect(editor.planCell('Target', WIN_RATE)).toHaveValue(TARGET);
    await expect(editor.planCell('Owner', WIN_RATE)).toHaveValue(OWNER, { timeout: 2_000 });
    await expect(editor.planCell('Baseline', WIN_RATE)).toHaveValue(BASELINE, { timeout: 2_000 });
  });
});
