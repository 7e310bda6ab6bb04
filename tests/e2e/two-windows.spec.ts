// Two editor windows on one workshop (the facilitator's laptop and a co-facilitator's
// tab): what one saves appears in the other at once, without a reload, and neither
// raises a conflict for an edit the other made.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { LibraryPage } from './pages/LibraryPage';

async function twoWindows(context: import('@playwright/test').BrowserContext, hostUrl: string, urlFor: (route: string) => string) {
  const pageA = await context.newPage();
  const library = new LibraryPage(pageA);
  const a = new EditorPage(pageA);
  await library.open(hostUrl);
  await library.createWorkshop({ title: 'Shared map', organisation: 'Acme Ltd', template: 'b2b' });
  await a.expectSaved();
  const pageB = await context.newPage();
  const b = new EditorPage(pageB);
  await pageB.goto(urlFor(`#/workshop/${a.workshopId()}`));
  await b.waitUntilOpen();
  await expect(b.stage('Compare options')).toBeVisible();
  return { pageA, pageB, a, b };
}

/** Holds one window's map saves until released (a save that loses the race). */
async function holdSaves(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/map.save', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe('Two editor windows on one workshop', () => {
  test('an edit in one window appears in the other without a reload, and back again', async ({ context, host }) => {
    const { pageA, pageB, a, b } = await twoWindows(context, host.url, (r) => host.urlFor(r));
    // B has a stage selected: it stays selected while A's edit arrives.
    await b.selectStage('Recognise the problem');

    await pageA.bringToFront();
    await a.selectStage('Compare options');
    await a.nameStage('Compare vendors');
    await a.expectSaved();

    await expect(b.stage('Compare vendors')).toBeVisible({ timeout: 2000 });
    await expect(b.stage('Compare options')).toHaveCount(0);
    await expect(b.saveStatus).toHaveAttribute('data-state', 'saved');
    await expect(b.conflictBanner).toBeHidden();
    await expect(b.stageName).toHaveValue('Recognise the problem');

    // B edits from there: no conflict, and A sees it without a reload.
    await pageB.bringToFront();
    await b.nameStage('Notice the problem');
    await b.expectSaved();
    await expect(b.conflictBanner).toBeHidden();
    await expect(a.stage('Notice the problem')).toBeVisible({ timeout: 2000 });
    await expect(a.stage('Compare vendors')).toBeVisible();
    await expect(a.conflictBanner).toBeHidden();
  });

  test('a window whose save lost the race keeps its edit and takes the other\'s, with no conflict', async ({ context, host }) => {
    const { pageA, pageB, a, b } = await twoWindows(context, host.url, (r) => host.urlFor(r));
    // B types while its save is held back, so A's save lands first.
    const release = await holdSaves(pageB);
    await pageB.bringToFront();
    await b.selectStage('Recognise the problem');
    await b.nameStage('Notice the problem');

    await pageA.bringToFront();
    await a.selectStage('Compare options');
    await a.nameStage('Compare vendors');
    await a.expectSaved();

    release();
    await expect(b.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 5000 });
    await expect(b.conflictBanner).toBeHidden();
    await expect(b.stage('Compare vendors')).toBeVisible();
    await expect(b.stage('Notice the problem')).toBeVisible();
    await expect(a.stage('Notice the problem')).toBeVisible({ timeout: 2000 });
    await expect(a.stage('Compare vendors')).toBeVisible();

    // And what is stored is both edits.
    await pageA.reload();
    await a.waitUntilOpen();
    await expect(a.stage('Notice the problem')).toBeVisible();
    await expect(a.stage('Compare vendors')).toBeVisible();
  });
});
