// Tidy layout (L) leaves room for what the arrows say: after it, no arrow label or
// bottleneck tag covers a stage name, an outcome or another label, on the
// template and on a long journey, at projector and laptop sizes.
import { expect, test } from './fixtures';
import { aLongJourney, aWorkshopFileText } from './maps';
import type { EditorPage } from './pages/EditorPage';

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
      await expectNothingCovered(editor);

      // Close up (the cards show their lines), screen by screen from the entry to the outcomes.
      await editor.zoomToDetail();
      for (let i = 0; i < 80 && (await editor.panTowards(editor.stage('Step 1 of the buyer'), 'left')); i++);
      let screens = 0;
      let bottlenecksSeen = 0;
      do {
        bottlenecksSeen += await editor.canvas.locator('.transition-label.is-bottleneck').count();
        await expect(editor.canvas.locator('.transition-label').first()).toBeVisible();
        await expectNothingCovered(editor, `screen ${screens + 1}`);
        if (SHOTS && screens === 2) await editor.page.screenshot({ path: `${SHOTS}/tidy-40-close-${viewport.width}.png` });
      } while (screens++ < 80 && (await editor.panTowards(editor.outcome('Won'), 'right')));
      await expectNothingCovered(editor);
      expect(screens).toBeGreaterThan(3);
      expect(bottlenecksSeen, 'the bottleneck tags were on the map too').toBeGreaterThan(0);
    });
  });
}
