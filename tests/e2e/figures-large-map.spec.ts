// A large map's figures are computed in a Web Worker (the app's CSP allows only its own
// worker script): they appear, and follow a changed process input, without any CSP
// violation. The expected numbers come from the shared arithmetic run here in Node.
import { analyseProcess } from '../../src-shared/domain/analytics';
import { expect, test } from './fixtures';
import { aLongJourney, aWorkshopFileText } from './maps';

const STAGES = 400;
/** The long journey with rates a 400-stage map can keep (15 % lost per stage would leave nobody). */
const GENTLER: Record<number, number> = { 0.85: 0.995, 0.1: 0.003, 0.05: 0.001, 0.02: 0.001 };

test('a 400-stage map gets its figures from the analysis worker, and they follow a changed input', async ({ library, editor, page }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const long = aLongJourney(STAGES);
  const doc = { ...long, transitions: long.transitions.map((t) => ({ ...t, conversionRate: GENTLER[t.conversionRate ?? -1] ?? t.conversionRate })) };
  const expected = analyseProcess(doc).figures;
  if (expected.winRate.status !== 'ok') throw new Error('the journey should have a win rate');

  await library.importFile('long.leanmap.json', aWorkshopFileText('Long journey', doc));
  await library.openWorkshop('Long journey');
  await editor.waitUntilOpen();
  await editor.openSidePanel('Figures');
  await expect.poll(() => editor.figureValue('figure-win-rate'), { timeout: 30_000 }).toBeCloseTo(expected.winRate.value, 9);
  await expect(editor.figuresPanel.getByTestId('figures-updating')).toHaveCount(0);
  expect(page.workers().map((w) => w.url()).some((url) => /analysis\.worker-[\w-]+\.js$/.test(url))).toBe(true);

  // Buyers entering per month is an input of the chain: the worker recomputes wins per month.
  const entries = editor.figuresPanel.getByTestId('entries-per-period');
  await editor.typeInto(entries, '300');
  await entries.press('Tab');
  await expect.poll(() => editor.figureValue('figure-wins'), { timeout: 30_000 }).toBeCloseTo(300 * expected.winRate.value, 6);
  await expect(editor.figuresPanel.getByTestId('figures-updating')).toHaveCount(0);
  expect(violations).toEqual([]);
});
