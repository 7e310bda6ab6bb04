// Exits to outcomes are drawn beside their stage: a short arrow from the card's top
// into an outcome marker ("→ Lost · Chose another supplier"), not a long arrow across
// the map. The marker selects its exit; its outcome button goes to the outcome card,
// by mouse and by keyboard. And a map reopens where it was last worked on.
import { expect, test } from './fixtures';

test.describe('Exit markers', () => {
  test('a marker stands above its stage, selects its exit, and takes the facilitator to its outcome', async ({ library, editor, page }) => {
    await library.createWorkshop({ title: 'Exits', template: 'b2b' });
    await expect(editor.stageCards).toHaveCount(5);
    const stage = editor.stage('Compare options');
    // Close up on the stage (the wheel zooms around the pointer): the markers show their words.
    const at = (await stage.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + 10);
    for (let i = 0; i < 20 && (await editor.zoom()) < 0.62; i++) await page.mouse.wheel(0, -120);
    await editor.waitForViewportToSettle();
    const marker = editor.canvas.locator('.exit-marker').filter({ hasText: 'Chose another supplier' });
    await expect(marker).toBeVisible();
    await expect(marker.getByRole('button', { name: 'Go to the outcome Lost' })).toBeVisible();

    // Beside its stage: just above the card's top, starting over its left part.
    const card = (await stage.boundingBox())!;
    const box = (await marker.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(card.y);
    expect(card.y - (box.y + box.height)).toBeLessThan(40);
    expect(box.x).toBeGreaterThan(card.x);
    expect(box.x).toBeLessThan(card.x + card.width / 2);

    // Its arrow is short: it ends at the marker, not at the outcome card.
    const arrow = editor.canvas.locator('.react-flow__edge[aria-label="Transition exit from Compare options to Lost"]');
    await expect(arrow).toHaveCount(1);
    const path = (await arrow.locator('path.react-flow__edge-path').boundingBox())!;
    expect(path.height).toBeLessThan(100);
    expect(path.width).toBeLessThan(60);

    // Clicking the marker selects the exit.
    await marker.locator('.exit-marker-text').click();
    await expect(editor.transitionInspector).toBeVisible();
    await expect(editor.transitionInspector.locator('.transition-route')).toHaveText('Compare options → Lost');
    await expect(marker).toHaveClass(/\bis-selected\b/);

    // Its outcome button selects the outcome card, brings it on screen and focuses it.
    await marker.getByRole('button', { name: 'Go to the outcome Lost' }).click();
    await expect(page.getByTestId('outcome-inspector')).toBeVisible();
    await expect(editor.outcome('Lost')).toBeInViewport();
    await expect.poll(() => editor.focusedOnCanvas()).toBe('outcome Lost');

    // By keyboard: the button is reachable and Enter does the same.
    await editor.fitToScreen();
    // (In the overview a marker shows its outcome and rate; its words are read close up.)
    await editor.canvas.getByRole('button', { name: 'Go to the outcome No decision' }).first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('outcome-inspector')).toBeVisible();
    await expect.poll(() => editor.focusedOnCanvas()).toBe('outcome No decision');
  });

  test('a map reopens at the view it was last worked at', async ({ library, editor }) => {
    await library.createWorkshop({ title: 'Views', template: 'b2b' });
    await expect(editor.stageCards).toHaveCount(5);
    await editor.zoomToDetail();
    await editor.panTowards(editor.outcome('Won'), 'right');
    const worked = await editor.viewportTransform();
    await editor.backToLibrary();
    await library.openWorkshop('Views');
    await editor.waitUntilOpen();
    await expect.poll(() => editor.viewportTransform()).toBe(worked);
  });
});
