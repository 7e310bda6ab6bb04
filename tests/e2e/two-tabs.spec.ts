// Two tabs on the same map (say the facilitator's laptop and a co-facilitator's
// tab on the same host) that changed the SAME stage: the second save on an old
// revision is refused, nothing is overwritten, and the refused tab can reload the
// latest map. (Edits to different stages, or made while the other tab was idle,
// merge instead: two-windows.spec.ts. Here tab B hears no pushed events, as when its
// event stream has dropped, so it is still on the old revision when it types.)
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { LibraryPage } from './pages/LibraryPage';

test.describe('Two tabs editing the same map', () => {
  test('the tab on an old revision that changed the same stage gets a conflict, and its reload shows the other tab\'s edit', async ({ context, host }) => {
    const pageA = await context.newPage();
    const libraryA = new LibraryPage(pageA);
    const tabA = new EditorPage(pageA);
    await libraryA.open(host.url);
    await libraryA.createWorkshop({ title: 'Shared map', organisation: 'Acme Ltd', template: 'b2b' });
    await tabA.expectSaved();
    const route = `#/workshop/${tabA.workshopId()}`;

    const pageB = await context.newPage();
    const tabB = new EditorPage(pageB);
    await pageB.route('**/api/events**', (route) => route.abort());
    await pageB.goto(host.urlFor(route));
    await tabB.waitUntilOpen();
    await expect(tabB.stage('Compare options')).toBeVisible();

    // Tab A renames a stage and saves.
    await pageA.bringToFront();
    await tabA.selectStage('Compare options');
    await tabA.nameStage('Compare vendors');
    await tabA.expectSaved();

    // Tab B, still on the revision it opened, renames the same stage: refused.
    await pageB.bringToFront();
    await expect(tabB.stage('Compare options')).toBeVisible();
    await tabB.selectStage('Compare options');
    await tabB.stageName.fill('Compare suppliers');
    await expect(tabB.conflictBanner).toBeVisible();
    await expect(tabB.conflictBanner).toContainText('Your last change was not saved.');
    // Said once, not once by the banner and again by the refusal it shows.
    expect((await tabB.conflictBanner.innerText()).split('Your last change was not saved.')).toHaveLength(2);
    await expect(tabB.saveStatus).toHaveAttribute('data-state', 'conflict');
    await expect(tabB.saveStatus).toHaveText(/not saved/i);
    await expect(tabB.conflictBanner.getByRole('button', { name: 'Keep my version as a file' })).toBeVisible();

    // A's edit is intact, and B's was not written.
    await pageA.bringToFront();
    await pageA.reload();
    await tabA.waitUntilOpen();
    await expect(tabA.stage('Compare vendors')).toBeVisible();
    await expect(tabA.stage('Compare suppliers')).toHaveCount(0);

    // B reloads the latest map: A's edit, no banner, saved.
    await pageB.bringToFront();
    await tabB.conflictBanner.getByRole('button', { name: 'Reload the latest map' }).click();
    await expect(tabB.conflictBanner).toBeHidden();
    await expect(tabB.recoveryBanner).toBeHidden(); // B chose the latest map over its edits
    await expect(tabB.stage('Compare vendors')).toBeVisible();
    await expect(tabB.stage('Compare options')).toHaveCount(0);
    await expect(tabB.stage('Recognise the problem')).toBeVisible();
    await expect(tabB.saveStatus).toHaveAttribute('data-state', 'saved');

    // And B can edit again from there; A sees it after a reload.
    await tabB.selectStage('Recognise the problem');
    await tabB.nameStage('Notice the problem');
    await tabB.expectSaved();
    await pageA.bringToFront();
    await pageA.reload();
    await tabA.waitUntilOpen();
    await expect(tabA.stage('Notice the problem')).toBeVisible();
    await expect(tabA.stage('Compare vendors')).toBeVisible();
  });
});
