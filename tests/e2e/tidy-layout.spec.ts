// Tidy layout (L) leaves room for what the arrows say: after it, no arrow label or
// bottleneck tag covers a stage name, an outcome or another label, on the
// template and on a long journey, at projector and laptop sizes.
import { expect, test } from './fixtures';
import { aLongJourney, aWorkshopFileText } from './maps';
import type { EditorPage } from './pages/EditorPage';
import { LAYER_ZOOM } from '../../src-renderer/canvas/overview-layer/layer-zoom';

const SHOTS = process.env.LEANMAP_SHOTS_DIR;

/** Labels are measured, then placed, in the frames after they appear: wait for that, then nothing may overlap. */
async function expectNothingCovered(editor: EditorPage, where = 'the map'): Promise<void> {
  await expect.poll(() => editor.overlappingText(), { message: `no label covers a name or another label on ${where}`, timeout: 3_000 }).toEqual([]);
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`Tidy layout at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('on the template, no label covers a name or another label', async ({ library, editor }) => {
      await library.createWorkshop({ title: 'Tidy template', template: 'b2b' });
      await expect(editor.stageCards).toHaveCount(5);
      await editor.tidyLayout();
      await expect(editor.canvas.locator('.transition-label')).not.toHaveCount(0);
      if (SHOTS) await editor.page.screenshot({ path: `${SHOTS}/tidy-template-${viewport.width}.png` });
      await expectNothingCovered(editor);
    });

    test('on a 40-stage journey, no label covers a name or another label, in the overview or close up', async ({ library, editor }) => {
      test.setTimeout(240_000);
      await library.importFile('long-journey.leanmap.json', aWorkshopFileText('Long journey', aLongJourney(40)));
      await library.openWorkshop('Long journey');
      await editor.waitUntilOpen();
      await editor.tidyLayout();
      if (SHOTS) await editor.page.screenshot({ path: `${SHOTS}/tidy-40-${viewport.width}.png` });
      // Fitted, a 40-stage journey is drawn by the overview layer (no DOM labels to
      // compare): zoom in to the far-out DOM view, where the labels are drawn at their largest.
      if ((await editor.zoom()) < LAYER_ZOOM) {
        await expect(editor.canvas.locator('canvas[data-overview-layer]')).toBeVisible();
        for (let i = 0; i < 10 && (await editor.zoom()) < LAYER_ZOOM; i++) await editor.canvas.locator('.react-flow__controls-zoomin').click();
        await editor.waitForViewportToSettle();
      }
      await expect(editor.canvas.locator('.transition-label').first(), 'the far-out view has DOM labels to compare').toBeVisible();
      await expectNothingCovered(editor, 'the far-out view');

      // Close up (the cards show their lines), card by card from the entry to the outcomes,
      // as a facilitator walks it with Tab: each card is brought on screen when it is not.
      // (The row of a long journey is not level, so dragging sideways alone can leave it.)
      await editor.zoomToDetail();
      await editor.page.getByRole('button', { name: 'Open audience view' }).focus();
      let screens = 0;
      let bottlenecksSeen = 0;
      for (let i = 0; i < 40; i++) {
        await editor.page.keyboard.press('Tab');
        // A card off screen is brought on screen first, then focused.
        await expect.poll(() => editor.focusedOnCanvas()).toBe(`stage Step ${i + 1} of the buyer`);
        await editor.waitForViewportToSettle();
        bottlenecksSeen += await editor.canvas.locator('.transition-label.is-bottleneck').count();
        await expect(editor.canvas.locator('.transition-label').first()).toBeVisible();
        await expectNothingCovered(editor, `the screen at Step ${i + 1}`);
        if (SHOTS && i === 2) await editor.page.screenshot({ path: `${SHOTS}/tidy-40-close-${viewport.width}.png` });
        screens++;
      }
      await expectNothingCovered(editor);
      expect(screens).toBeGreaterThan(3);
      expect(bottlenecksSeen, 'the bottleneck tags were on the map too').toBeGreaterThan(0);
    });
  });
}
