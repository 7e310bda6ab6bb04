// Improvement ideas in the room, with the keyboard where it counts: parked topics made
// ideas, the room votes on the ideas (counts typed and Entered), a third idea let past
// the focus limit by a named participant lands in the decision log, and the report
// lists each idea's votes and the decision.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { FacilitationPage } from './pages/FacilitationPage';
import { ImprovementsPage } from './pages/ImprovementsPage';

const TOPICS = ['Legal review takes weeks', 'No price list per segment', 'Demo without a next step'];

test('parked topics become ideas, the room votes on them, and an override is logged as a decision', async ({ page, library, editor }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await library.createWorkshop({ title: 'Ideas in the room' });
  await editor.waitUntilOpen();
  await editor.addParticipants([
    { name: 'Ana Silva', role: 'Sales lead' },
    { name: 'Ben Okoro', role: 'Account executive' },
  ]);
  const room = new FacilitationPage(page);
  await room.open();

  // Park three topics (type, Enter) and make each an idea from the keyboard (focus, Enter).
  for (const topic of TOPICS) await room.park(topic);
  for (const topic of TOPICS) {
    const parked = room.parkingLot.getByRole('listitem').filter({ hasText: topic });
    await parked.getByRole('button', { name: `Make "${topic}" an improvement idea` }).focus();
    await page.keyboard.press('Enter');
    await expect(parked).toContainText('now an improvement idea');
  }

  // The Improvements view lists them at once (no reload); a round on all of them opens from there.
  const k = new ImprovementsPage(page);
  await k.show('Improvements');
  await expect(k.rows).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('improvements-vote-button-1280x720.png') });
  await page.getByTestId('vote-on-ideas').click();
  await expect(page.getByTestId('vote-round')).toContainText('Which ideas should we try first?');
  // The first count is ready to type: no click between opening the round and the hands.
  await expect(room.voting.getByRole('spinbutton', { name: /^Votes for / }).first()).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('idea-counts-1280x720.png') });
  for (const count of [2, 6, 3]) {
    await page.keyboard.type(String(count));
    await page.keyboard.press('Enter');
  }
  await room.voting.getByRole('button', { name: 'Close the round' }).click();
  await expect(room.voting.locator('.vote-results li')).toHaveText([
    '#1 No price list per segment — 6 votes',
    '#2 Demo without a next step — 3 votes',
    '#3 Legal review takes weeks — 2 votes',
  ]);
  await page.screenshot({ path: test.info().outputPath('idea-vote-1280x720.png') });

  // The Improvements view ranks them by the room's votes (nothing else tells them apart yet).
  await k.show('Improvements');
  expect(await k.order()).toEqual(['No price list per segment', 'Demo without a next step', 'Legal review takes weeks']);
  await expect(k.row('No price list per segment').getByTestId('row-room-votes')).toHaveText('+6 in rounds');

  // Plan the top two; the third is refused by the focus limit and let through by Ana.
  await k.move('No price list per segment', 'planned');
  await expect(k.row('No price list per segment').getByTestId('row-status')).toHaveText('Planned');
  await k.move('Demo without a next step', 'planned');
  await expect(k.row('Demo without a next step').getByTestId('row-status')).toHaveText('Planned');
  await k.move('Legal review takes weeks', 'planned');
  await expect(k.focusRefusal).toBeVisible();
  await k.overrideWith('Legal blocks every enterprise deal this quarter', 'Ana Silva');
  await expect(k.row('Legal review takes weeks').getByTestId('row-status')).toHaveText('Planned');

  await room.open();
  const logged = room.decisions.getByRole('listitem').filter({ hasText: 'Focus limit overridden' });
  await expect(logged).toContainText('"Legal review takes weeks" is planned while "No price list per segment" and "Demo without a next step"');
  await expect(logged).toContainText('Ana Silva · about Legal review takes weeks, No price list per segment, Demo without a next step');
  await expect(logged).toContainText('because Legal blocks every enterprise deal this quarter');
  await logged.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('override-decision-1280x720.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: test.info().outputPath('run-the-room-1920x1080.png') });

  // The report: each idea's votes in the improvement plan, the decision and what each topic became.
  const dir = await mkdtemp(join(tmpdir(), 'leanmap-ideas-'));
  try {
    const { files } = await editor.exportReport(['Markdown'], dir);
    const md = await readFile(join(dir, files[0]!), 'utf8');
    const planRow = (idea: string) => md.split('\n').find((line) => line.includes(`| ${idea} |`) && line.includes('Planned'))!;
    expect(planRow('No price list per segment')).toContain('| 6 |');
    expect(planRow('Legal review takes weeks')).toContain('| 2 |');
    expect(md).toContain('| Ana Silva | Legal review takes weeks; No price list per segment; Demo without a next step |');
    expect(md).toContain('| Converted | Improvement idea: Demo without a next step |');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
