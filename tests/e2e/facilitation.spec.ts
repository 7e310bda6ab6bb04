// Running the room from the laptop: the agenda moves on and shows each item to the
// room, the timer starts and pauses, a vote takes hand counts typed and Entered and is
// revealed, a parked topic becomes a stage action, and a decision is logged.
import { expect, test } from './fixtures';
import { FacilitationPage } from './pages/FacilitationPage';

const PEOPLE = [
  { name: 'Ana Silva', role: 'Sales lead' },
  { name: 'Ben Okoro', role: 'Account executive' },
] as const;

test('a facilitator runs the agenda, the timer, a vote, the parking lot and the decision log', async ({ page, library, editor }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await library.createWorkshop({ title: 'Run the room' });
  await editor.waitUntilOpen();
  await editor.addParticipants(PEOPLE);
  const room = new FacilitationPage(page);
  await room.open();

  // The agenda: going to an item makes it current, shows its view to the room and sets the timer.
  await room.goToAgendaItem('Map the buying journey');
  await expect(room.roomSees()).toHaveValue('map');
  await expect(room.timerDigits).toHaveText('1:00:00');
  await room.pressKey('n');
  await expect(room.agenda.locator('[aria-current="step"]')).toContainText('Customer actions and commitments');
  await expect(room.timerDigits).toHaveText('45:00');

  // The timer: S starts it, it counts down, S pauses it and it stays put.
  await room.pressKey('s');
  await expect(room.timerDigits).toHaveText(/^44:5\d$/, { timeout: 5000 });
  await room.pressKey('s');
  await expect(room.console.getByRole('button', { name: /^Start/ })).toBeVisible();
  const paused = await room.timerDigits.innerText();
  await page.waitForTimeout(1200);
  await expect(room.timerDigits).toHaveText(paused);
  await room.pressKey('5');
  await expect(room.timerDigits).not.toHaveText(paused);

  // A vote: pick two stages, type the hands and Enter each, close, reveal.
  await room.openVote('Where do buyers get stuck?', ['Recognise the problem', 'Compare options']);
  await room.typeHandCounts([2, 5]);
  await room.voting.getByRole('button', { name: 'Close the round' }).click();
  const ranking = room.voting.locator('.vote-results li');
  await expect(ranking).toHaveText(['#1 Compare options — 5 votes', '#2 Recognise the problem — 2 votes']);
  await room.voting.getByRole('button', { name: 'Reveal to the room' }).click();
  await expect(room.voting.getByRole('button', { name: 'Hide from the room' })).toBeVisible();

  // The parking lot: park a topic and make it an action of a stage on the map.
  await room.park('Legal review takes weeks');
  const parked = room.parkingLot.getByRole('listitem').filter({ hasText: 'Legal review takes weeks' });
  await parked.getByLabel(/^Stage for/).selectOption({ label: 'Compare options' });
  await parked.getByRole('button', { name: 'Make it a stage action' }).click();
  await expect(parked).toContainText('converted');

  // The decision log: by participants, then reversed with a reason.
  await room.logDecision('Qualify with three questions at first call', ['Ana Silva', 'Ben Okoro']);
  const decision = room.decisions.getByRole('listitem').filter({ hasText: 'Qualify with three questions' });
  await expect(decision).toContainText('Ana Silva, Ben Okoro');
  await page.screenshot({ path: test.info().outputPath('presenter-1280x720.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: test.info().outputPath('presenter-1920x1080.png') });

  // The converted topic is an action on the map, saved.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Map' }).click();
  await editor.expectSaved();
  await editor.selectStage('Compare options');
  const sellerActions = page.getByRole('region', { name: 'Seller actions' }).getByPlaceholder('e.g. Sends a cost benchmark');
  await expect(sellerActions.last()).toHaveValue('Legal review takes weeks');
});
