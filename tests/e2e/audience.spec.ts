// The audience view follows the presenter console: two pages (the editor and the
// window its "Open audience view" button opens), each change seen within one second,
// without a reload and without window.opener.
import { expect, test } from './fixtures';
import { aLongJourney, aWorkshopFileText } from './maps';
import { AudiencePage } from './pages/AudiencePage';
import { FacilitationPage } from './pages/FacilitationPage';
import { RoomConsolePage } from './pages/RoomConsolePage';

const WITHIN_A_SECOND = { timeout: 1_000 };
const SHOTS = process.env.LEANMAP_SHOTS_DIR;

test.use({ viewport: { width: 1280, height: 720 } });

test('the audience follows the view, a focused stage, the timer, hidden numbers and a map edit within one second', async ({ library, editor, page }) => {
  // A journey with rates on its arrows, so hiding the numbers shows.
  await library.importFile('room.leanmap.json', aWorkshopFileText('Room workshop', aLongJourney(5)));
  await library.openWorkshop('Room workshop');
  await editor.tidyLayout();
  const room = new RoomConsolePage(page);
  const audience = await room.openAudience();
  await audience.page.setViewportSize({ width: 1280, height: 720 });
  // The console never hands the audience a way back into the editor's window.
  expect(await audience.page.evaluate(() => window.opener)).toBeNull();
  await expect(audience.root).toHaveAttribute('data-view', 'blank');
  await expect(room.roomSees).toHaveText('Blank screen');

  await room.show('Whole map');
  await expect(audience.root).toHaveAttribute('data-view', 'map', WITHIN_A_SECOND);
  await expect(audience.stages).toHaveCount(5, WITHIN_A_SECOND);
  await expect(room.roomSees).toHaveText('Whole map');
  await expect(audience.root).toContainText('%');
  if (SHOTS) await audience.page.screenshot({ path: `${SHOTS}/audience-map-1280.png` });

  await room.button('Hide numbers').click();
  await expect(audience.root).not.toContainText('%', WITHIN_A_SECOND);
  await room.button('Reveal numbers').click();
  await expect(audience.root).toContainText('%', WITHIN_A_SECOND);

  // A map edit on the presenter reaches the room without a reload.
  // The card's top-left corner (its name): at this zoom, arrows run close to its middle.
  await editor.stage('Step 3 of the buyer').click({ position: { x: 12, y: 6 } });
  await expect(editor.stageName).toHaveValue('Step 3 of the buyer');
  await editor.nameStage('Compare the suppliers');
  await expect(audience.stageNames.filter({ hasText: 'Compare the suppliers' })).toHaveCount(1, WITHIN_A_SECOND);

  // Hiding the selected card takes it off the projector; revealing brings it back.
  await room.button('Hide selected').click();
  await expect(audience.stages).toHaveCount(4, WITHIN_A_SECOND);
  await room.button('Reveal selected').click();
  await expect(audience.stages).toHaveCount(5, WITHIN_A_SECOND);

  await room.show('Stage: Compare the suppliers');
  await expect(audience.focus).toBeVisible(WITHIN_A_SECOND);
  await expect(audience.focus.getByRole('heading', { level: 2 })).toHaveText('Compare the suppliers');
  await expect(room.roomSees).toHaveText('Focused stage: Compare the suppliers');
  if (SHOTS) await audience.page.screenshot({ path: `${SHOTS}/audience-stage-1280.png` });

  // The first agenda step sets the timer to its time box; the room sees it start.
  await room.nextStep.click();
  await expect(room.nextStep).toHaveText('Next: Map the buying journey (60 min)');
  await room.show('Timer');
  await expect(audience.clock).toHaveText('20:00', WITHIN_A_SECOND);
  await room.button('Start', { exact: true }).click();
  await expect(audience.page.getByTestId('audience-timer')).toHaveAttribute('data-status', 'running', WITHIN_A_SECOND);
  await expect(audience.clock).toHaveText(/^19:5\d$/, { timeout: 2_500 });
  await room.button('+1 min').click();
  await expect(audience.clock).toHaveText(/^20:5\d$/, WITHIN_A_SECOND);
  if (SHOTS) await audience.page.screenshot({ path: `${SHOTS}/audience-timer-1280.png` });
  await room.button('Pause').click();
  await expect(audience.page.getByTestId('audience-timer')).toHaveAttribute('data-status', 'paused', WITHIN_A_SECOND);

  // Until voting rounds are stored (the room's records), the vote view says none is open.
  await room.show('Current vote');
  await expect(audience.page.getByTestId('audience-message')).toHaveText('No vote is open.', WITHIN_A_SECOND);

  await room.show('Blank screen');
  await expect(audience.root).toHaveAttribute('data-view', 'blank', WITHIN_A_SECOND);
  if (SHOTS) {
    await room.show('Whole map');
    await page.screenshot({ path: `${SHOTS}/presenter-1280.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/presenter-1920.png` });
  }
});

test('an audience address opened on its own shows what the console shows now', async ({ library, host, page, context }) => {
  await library.createWorkshop({ title: 'Late projector', template: 'b2b' });
  const room = new RoomConsolePage(page);
  await room.show('Stage: Decide and commit');
  const audience = new AudiencePage(await context.newPage());
  await audience.open(host.url, room.workshopId());
  await expect(audience.focus.getByRole('heading', { level: 2 })).toHaveText('Decide and commit', WITHIN_A_SECOND);
});

test('the room sees a vote’s ranking only once the facilitator reveals it, within one second', async ({ library, page }) => {
  await library.createWorkshop({ title: 'Vote workshop', template: 'b2b' });
  const room = new RoomConsolePage(page);
  const audience = await room.openAudience();
  await audience.page.setViewportSize({ width: 1280, height: 720 });
  const run = new FacilitationPage(page);
  await run.open();
  await room.show('Current vote');
  await expect(audience.page.getByTestId('audience-message')).toHaveText('No vote is open.', WITHIN_A_SECOND);

  await run.openVote('Where do buyers get stuck?', ['Recognise the problem', 'Compare options']);
  const vote = audience.page.getByTestId('audience-vote');
  await expect(vote).toContainText('Where do buyers get stuck?', WITHIN_A_SECOND);
  // Keyboard only: the counts, then Enter on Close the round, then Enter on Reveal.
  await run.typeHandCounts([2, 5]);
  await expect(run.voting.getByRole('button', { name: 'Close the round' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Counted and closed, but not revealed: the room sees what was voted on, no ranking.
  await expect(vote).toContainText('voting is closed', WITHIN_A_SECOND);
  await expect(audience.ranking).toHaveCount(0);

  await expect(run.voting.getByRole('button', { name: 'Reveal to the room' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(audience.ranking.locator('li')).toHaveText(['1. Compare options 5', '2. Recognise the problem 2'], WITHIN_A_SECOND);
  if (SHOTS) await audience.page.screenshot({ path: `${SHOTS}/audience-vote-1280.png` });
});

test('from the map, R reaches the room switch (the arrow keys then choose) and S starts and pauses the timer', async ({ library, editor, page }) => {
  await library.createWorkshop({ title: 'Keyboard room', template: 'b2b' });
  const room = new RoomConsolePage(page);
  const audience = await room.openAudience();
  await editor.clickEmptyCanvas();
  await page.keyboard.press('r');
  await expect(room.viewSelect).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(room.roomSees).toHaveText('Whole map');
  await expect(audience.root).toHaveAttribute('data-view', 'map', WITHIN_A_SECOND);
  // Arrowing quickly past the other views to the first stage: the switch keeps up, the room lands on the stage.
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await expect(room.viewSelect).toBeFocused();
  await expect(room.roomSees).toHaveText('Focused stage: Recognise the problem');
  await expect(audience.focus.getByRole('heading', { level: 2 })).toHaveText('Recognise the problem', WITHIN_A_SECOND);
  // Typing in a field never reaches the room: the stage name keeps its "s".
  await editor.stage('Compare options').click({ position: { x: 12, y: 6 } });
  await editor.stageName.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('s');
  await expect(editor.stageName).toHaveValue('Compare optionss');
  await expect(room.button('Start', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(room.button('Pause')).toBeVisible();
  await page.keyboard.press('s');
  await expect(room.button('Start', { exact: true })).toBeVisible();
});
