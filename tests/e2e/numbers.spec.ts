// Numbers typed as people type them in the room: thousands groups, currency signs,
// a share typed for a percentage. Each is read as meant and shown grouped, refused
// with a sentence that changes nothing, or asked about with both readings to pick.
import { expect, test } from './fixtures';
import type { EditorPage } from './pages/EditorPage';

const RECOGNISE = 'Recognise the problem';
const DEFINE = 'Define what good looks like';
const COMPARE = 'Compare options';
const BUSINESS_CASE = 'Build the business case';
const DECIDE = 'Decide and commit';

/** Conversions for every way of the template, so the figures have a win rate. */
const WAYS: { from: string; to: string; typed: string }[] = [
  { from: RECOGNISE, to: DEFINE, typed: '60' },
  { from: DEFINE, to: COMPARE, typed: '70' },
  { from: DEFINE, to: 'No decision', typed: '20' },
  { from: COMPARE, to: BUSINESS_CASE, typed: '50' },
  { from: BUSINESS_CASE, to: DECIDE, typed: '55' },
  { from: BUSINESS_CASE, to: COMPARE, typed: '20' },
  { from: BUSINESS_CASE, to: 'No decision', typed: '15' },
  { from: DECIDE, to: 'Won', typed: '65' },
  { from: DECIDE, to: 'Lost', typed: '25' },
];

async function typeConversions(editor: EditorPage): Promise<void> {
  await editor.openSidePanel('Edit');
  for (const way of WAYS) {
    await editor.selectStage(way.from);
    const field = editor.outgoingConversion(way.to);
    await editor.typeInto(field, way.typed);
    await field.press('Tab');
  }
}

/** Waits until revenue per period is wins per period times the deal size. */
async function expectRevenueFor(editor: EditorPage, dealSize: number): Promise<void> {
  await expect
    .poll(async () => {
      const wins = await editor.figureValue('figure-wins');
      const revenue = await editor.figureValue('figure-revenue');
      return wins === null || revenue === null ? null : Math.abs(revenue - wins * dealSize) / (wins * dealSize);
    })
    .toBeLessThanOrEqual(1e-9);
}

test.describe('Typed numbers are read as meant, or asked about', () => {
  test('amounts with thousands groups and currency signs in the Figures tab', async ({ library, editor }) => {
    await library.createWorkshop({ title: 'Numbers workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.fitToScreen();
    await typeConversions(editor);
    await editor.openSidePanel('Figures');
    const entries = editor.figuresPanel.getByTestId('entries-per-period');
    const dealSize = editor.figuresPanel.getByTestId('average-deal-size');
    const target = editor.figuresPanel.getByTestId('revenue-target');

    await editor.typeInto(entries, '1,200');
    await entries.press('Tab');
    await expect(entries).toHaveValue('1,200');

    // "5,000" is five thousand euros: the field shows it grouped, the revenue follows.
    await editor.typeInto(dealSize, '5000');
    await dealSize.press('Tab');
    await expect(dealSize).toHaveValue('5,000');
    await editor.typeInto(dealSize, '5,000');
    await dealSize.press('Tab');
    await expect(dealSize).toHaveValue('5,000');
    await expectRevenueFor(editor, 5000);
    const revenue = await editor.figureValue('figure-revenue');

    // Dollars in a euro workshop: a sentence, and nothing changes.
    await editor.typeInto(dealSize, '$5,000');
    const dollars = `"$5,000" is in dollars, but this workshop's figures are in EUR. Type the amount in euros, or change the currency first.`;
    await expect(editor.fieldError(dealSize)).toHaveText(dollars);
    await expect(dealSize).toHaveAttribute('aria-invalid', 'true');
    await expect(dealSize).toHaveAccessibleDescription(dollars);
    await dealSize.press('Tab');
    await expect(editor.fieldError(dealSize)).toBeVisible();
    await expectRevenueFor(editor, 5000);
    expect(await editor.figureValue('figure-revenue')).toBe(revenue);

    // Euros in a euro workshop: one thousand two hundred, not 1.2.
    await editor.typeInto(dealSize, '€1,200');
    await dealSize.press('Tab');
    await expect(dealSize).toHaveValue('1,200');
    await expect(editor.fieldError(dealSize)).toHaveCount(0);
    await expectRevenueFor(editor, 1200);

    // Dotted thousands and multipliers are read the same way.
    await editor.typeInto(target, '1.400.000');
    await target.press('Enter');
    await expect(target).toHaveValue('1,400,000');
    await editor.typeInto(target, '1,4 Mio.');
    await target.press('Tab');
    await expect(target).toHaveValue('1,400,000');

    // After the workshop switches to dollars, euros are refused there too.
    const currency = editor.figuresPanel.getByLabel('Currency', { exact: true });
    await currency.fill('USD');
    await editor.typeInto(dealSize, '€1,200');
    await expect(editor.fieldError(dealSize)).toHaveText(
      `"€1,200" is in euros, but this workshop's figures are in USD. Type the amount in US dollars, or change the currency first.`,
    );
    await dealSize.press('Escape');
    await expect(dealSize).toHaveValue('1,200');

    await editor.expectSaved();
    await editor.page.reload();
    await editor.waitUntilOpen();
    await editor.openSidePanel('Figures');
    await expect(dealSize).toHaveValue('1,200');
    await expect(target).toHaveValue('1,400,000');
    await expect(entries).toHaveValue('1,200');
  });

  test('0.8 typed as a conversion asks whether 80 % was meant before it is used', async ({ page, library, editor }) => {
    await library.createWorkshop({ title: 'Numbers workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.fitToScreen();
    await typeConversions(editor);
    await editor.openSidePanel('Figures');
    await editor.typeInto(editor.figuresPanel.getByTestId('entries-per-period'), '100');
    const winsBefore = await editor.figureValue('figure-wins');
    expect(winsBefore).not.toBeNull();

    await editor.openSidePanel('Edit');
    await editor.selectStage(DECIDE);
    const won = editor.outgoingConversion('Won');
    await editor.typeInto(won, '0.8');
    const question = editor.numberQuestion(won);
    await expect(question).toContainText('0.8 % — did you mean 80 %?');
    await expect(question.getByRole('button')).toHaveText(['0.8 %', '80 %']);
    await expect(won).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: test.info().outputPath('conversion-question.png') });

    // Not used until answered: the figures still have the 65 %.
    await editor.openSidePanel('Figures');
    expect(await editor.figureValue('figure-wins')).toBe(winsBefore);
    await editor.openSidePanel('Edit');
    await editor.selectStage(DECIDE);
    await expect(won).toHaveValue('65');

    // Answered with a click: 80 % is stored and shown.
    await editor.typeInto(won, '0.8');
    await editor.pickReading(won, '80 %');
    await expect(won).toHaveValue('80');
    await expect(won).not.toHaveAttribute('aria-invalid', 'true');
    await expect(editor.canvas.locator('.transition-label').filter({ hasText: '80 %' })).toHaveCount(1);

    // Answered from the keyboard: Tab to the readings, Enter on the one meant.
    await editor.typeInto(won, '0.5');
    await page.keyboard.press('Tab');
    await expect(editor.numberQuestion(won).getByRole('button', { name: '0.5 %', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(won).toHaveValue('0.5 %');
    await expect(editor.numberQuestion(won)).toHaveCount(0);

    // A separator that reads two ways in a days field: both readings, and the pick is kept.
    const days = editor.stageDays;
    await editor.typeInto(days, '1.234');
    await expect(editor.numberQuestion(days)).toContainText('"1.234" could be 1.234 days or 1234 days. Which one did you mean?');
    await editor.pickReading(days, '1234 days');
    await expect(days).toHaveValue('1234');

    await editor.expectSaved();
    await page.reload();
    await editor.waitUntilOpen();
    await editor.fitToScreen();
    await editor.selectStage(DECIDE);
    await expect(editor.outgoingConversion('Won')).toHaveValue('0.5 %');
    await expect(editor.stageDays).toHaveValue('1234');
  });

  test('the measurement plan asks the same questions: baseline in the table, a reading, a target in the editor', async ({ page, library, editor }) => {
    await library.createWorkshop({ title: 'Numbers workshop', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.showView('Measurement plan');
    await editor.plan.getByRole('button', { name: 'Add Win rate', exact: true }).click();
    await expect(editor.metricRow('Win rate')).toBeVisible();

    // A share typed into a percent cell: asked, not saved, until a reading is picked.
    const baseline = editor.planCell('Baseline', 'Win rate');
    await baseline.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.22');
    await page.keyboard.press('Enter');
    const question = editor.metricRow('Win rate').getByTestId('number-question');
    await expect(question).toContainText('0.22 % — did you mean 22 %?');
    await question.getByRole('button', { name: '22 %', exact: true }).click();
    await expect(question).toHaveCount(0);
    await expect(baseline).toHaveValue('22');

    // A reading typed as "0,3": the readings form asks before adding it.
    await editor.openMetric('Win rate');
    const readings = editor.metricDialog.getByRole('region', { name: 'Readings' });
    await readings.getByTestId('reading-value').fill('0,3');
    await readings.getByRole('button', { name: 'Add reading', exact: true }).click();
    await expect(readings.getByTestId('number-question')).toContainText('0.3 % — did you mean 30 %?');
    await expect(readings.getByTestId('reading-row')).toHaveCount(0);
    await readings.getByTestId('number-question').getByRole('button', { name: '30 %', exact: true }).click();
    await expect(readings.getByTestId('reading-row')).toHaveCount(1);
    await expect(readings.getByTestId('reading-row')).toContainText('30 %');

    // A target of "1,500" %: both readings named, the one a percentage can be offered.
    const target = editor.metricDialog.getByLabel('Target', { exact: true });
    await target.fill('1,500');
    await editor.metricDialog.getByRole('button', { name: 'Save metric', exact: true }).click();
    const asked = editor.metricDialog.getByTestId('number-question');
    await expect(asked).toHaveText(/"1,500" could be 1\.5 % or 1500 %, but a percentage is at most 100 %\. Did you mean 1\.5 %\?/);
    await expect(editor.metricDialog).toBeVisible();
    await asked.getByRole('button', { name: '1.5 %', exact: true }).click();
    await expect(target).toHaveValue('1.5');
    await editor.metricDialog.getByRole('button', { name: 'Save metric', exact: true }).click();
    await expect(editor.metricDialog).toBeHidden();
    await expect(editor.planCell('Target', 'Win rate')).toHaveValue('1.5');
  });
});

test.describe('In a German-language browser', () => {
  test.use({ locale: 'de-DE' });

  test('amounts are shown with the marks of the display locale and read back as themselves', async ({ page, library, editor }) => {
    await library.createWorkshop({ title: 'Zahlen', organisation: 'Acme GmbH', template: 'b2b' });
    await editor.fitToScreen();
    await editor.openSidePanel('Figures');
    const dealSize = editor.figuresPanel.getByTestId('average-deal-size');
    await editor.typeInto(dealSize, '48.000');
    await dealSize.press('Tab');
    await expect(dealSize).toHaveValue('48.000');
    await editor.typeInto(dealSize, '1234,5');
    await dealSize.press('Tab');
    await expect(dealSize).toHaveValue('1.234,5');

    await editor.openSidePanel('Edit');
    await editor.selectStage(COMPARE);
    await editor.typeInto(editor.stageDays, '10.5');
    await editor.stageDays.press('Enter');
    await expect(editor.stageDays).toHaveValue('10,5');

    await editor.expectSaved();
    await page.reload();
    await editor.waitUntilOpen();
    await editor.openSidePanel('Figures');
    await expect(dealSize).toHaveValue('1.234,5');
  });
});
