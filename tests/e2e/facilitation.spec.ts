// Running the room from the laptop: the agenda moves on and shows each item to the
// room, the timer starts and pauses, a vote takes hand counts typed and Entered and is
// revealed, a parked topic becomes a stage action, and a decision is logged.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { FacilitationPage } from './pages/FacilitationPage';
import { LibraryPage } from './pages/LibraryPage';

/** The text of a PDF (pdfjs-dist, the legacy build for Node), white space removed so wrapped lines still match. */
async function pdfText(path: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages.join('').replace(/\s+/g, '');
  } finally {
    await pdf.destroy();
  }
}
const squashed = (text: string) => text.replace(/\s+/g, '');

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

  // The report: the decision log and the parking lot in the PDF and the workbook.
  const dir = await mkdtemp(join(tmpdir(), 'leanmap-facilitation-'));
  try {
    const { files } = await editor.exportReport(['PDF', 'Excel (XLSX)'], dir);
    const pdf = await pdfText(join(dir, files.find((f) => f.endsWith('.pdf'))!));
    for (const text of ['Decisions', 'Qualify with three questions at first call', 'Parking lot', 'Legal review takes weeks', 'Voting rounds', 'Where do buyers get stuck?']) {
      expect(pdf).toContain(squashed(text));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, files.find((f) => f.endsWith('.xlsx'))!));
    expect(workbook.getWorksheet('Decisions')!.getRow(2).getCell(1).text).toBe('Qualify with three questions at first call');
    expect(workbook.getWorksheet('Decisions')!.getRow(2).getCell(3).text).toBe('Ana Silva, Ben Okoro');
    expect(workbook.getWorksheet('Parking lot')!.getRow(2).getCell(1).text).toBe('Legal review takes weeks');
    expect(workbook.getWorksheet('Parking lot')!.getRow(2).getCell(3).text).toBe('Converted');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a second presenter window follows the agenda, the timer and a parked topic without a reload', async ({ context, host }) => {
  const pageA = await context.newPage();
  const libraryA = new LibraryPage(pageA);
  const editorA = new EditorPage(pageA);
  await libraryA.open(host.url);
  await libraryA.createWorkshop({ title: 'Two consoles' });
  await editorA.expectSaved();
  const roomA = new FacilitationPage(pageA);
  await roomA.open();

  const pageB = await context.newPage();
  await pageB.goto(host.urlFor(`#/workshop/${editorA.workshopId()}`));
  await new EditorPage(pageB).waitUntilOpen();
  const roomB = new FacilitationPage(pageB);
  await roomB.open();

  await pageA.bringToFront();
  await roomA.goToAgendaItem('Find the bottleneck');
  await roomA.pressKey('s');
  await roomA.park('Who owns the CRM data?');

  // Pushed events: window B shows each change within a second, without being touched.
  await expect(roomB.agenda.locator('[aria-current="step"]')).toContainText('Find the bottleneck', { timeout: 1000 });
  await expect(roomB.roomSees()).toHaveValue('figures', { timeout: 1000 });
  await expect(roomB.console.getByRole('button', { name: /^Pause/ })).toBeVisible({ timeout: 1000 });
  await expect(roomB.parkingLot.getByRole('listitem').filter({ hasText: 'Who owns the CRM data?' })).toBeVisible({ timeout: 1000 });
});
