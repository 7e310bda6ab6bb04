// Legibility is measured: at 1280×720 the audience view shows stage names at ≥ 28 px and
// every other text at ≥ 18 px as rendered, nothing over anything else and nothing off
// screen, for the template and a 15-stage journey; a focused stage at ≥ 24 px. The
// editor works at 1280×720 and at 150 % browser zoom (853×480 CSS pixels).
import { expect, test } from './fixtures';
import { aLongJourney, aWorkshopFileText } from './maps';
import { AudiencePage } from './pages/AudiencePage';
import { RoomConsolePage } from './pages/RoomConsolePage';

const SHOTS = process.env.LEANMAP_SHOTS_DIR;
const PROJECTOR = { width: 1280, height: 720 };

test.use({ viewport: PROJECTOR });

async function expectLegibleMap(audience: AudiencePage, stages: number): Promise<void> {
  await expect(audience.stages).toHaveCount(stages);
  const texts = await audience.renderedTexts();
  const names = await audience.renderedTexts('.aud-stage-name');
  expect(names.length).toBeGreaterThanOrEqual(stages);
  expect(names.filter((t) => t.px < 28), 'stage names below 28 px').toEqual([]);
  expect(texts.filter((t) => t.px < 18), 'texts below 18 px').toEqual([]);
  expect(await audience.overlappingTexts(), 'texts over other texts').toEqual([]);
  expect(await audience.textsOutsideWindow(), 'texts off the projector').toEqual([]);
  // Not a text but cut off all the same: an outcome's border below the screen's edge.
  expect(await audience.overflowPx(), 'the view fits the projector without scrolling').toEqual({ x: 0, y: 0 });
}

test('the template map is legible on the projector', async ({ library, page, context, host }) => {
  await library.createWorkshop({ title: 'Legible template', template: 'b2b' });
  const room = new RoomConsolePage(page);
  await room.show('Whole map');
  const audience = new AudiencePage(await context.newPage());
  await audience.page.setViewportSize(PROJECTOR);
  await audience.open(host.url, room.workshopId());
  await expectLegibleMap(audience, 5);
  if (SHOTS) await audience.page.screenshot({ path: `${SHOTS}/audience-template-1280.png` });

  await room.show('Stage: Compare options');
  await expect(audience.focus).toBeVisible();
  const focus = await audience.renderedTexts('[data-testid="audience-focus"]');
  expect(focus.length).toBeGreaterThan(6);
  expect(focus.filter((t) => t.px < 24), 'focused-stage lines below 24 px').toEqual([]);
  expect(await audience.overlappingTexts()).toEqual([]);
  expect(await audience.textsOutsideWindow()).toEqual([]);
  if (SHOTS) await audience.page.screenshot({ path: `${SHOTS}/audience-focus-template-1280.png` });
});

test('a 15-stage journey is legible on the projector, in rows', async ({ library, page, context, host }) => {
  await library.importFile('fifteen.leanmap.json', aWorkshopFileText('Fifteen stages', aLongJourney(15)));
  await library.openWorkshop('Fifteen stages');
  const room = new RoomConsolePage(page);
  await room.show('Whole map');
  const audience = new AudiencePage(await context.newPage());
  await audience.page.setViewportSize(PROJECTOR);
  await audience.open(host.url, room.workshopId());
  await expectLegibleMap(audience, 15);
  // Rates and arrow labels are among the texts measured.
  const texts = (await audience.renderedTexts()).map((t) => t.text);
  expect(texts.some((t) => /\d\s%/.test(t))).toBe(true);
  expect(texts.some((t) => t.includes('Chose another supplier'))).toBe(true);
  if (SHOTS) await audience.page.screenshot({ path: `${SHOTS}/audience-15-1280.png` });
});

for (const [what, viewport] of [
  ['1280×720', PROJECTOR],
  ['150 % zoom on 1280×720', { width: 853, height: 480 }],
] as const) {
  test(`the editor works at ${what}: panel, minimap and whole window toggle, the toolbar is not clipped`, async ({ library, editor, page }) => {
    await page.setViewportSize(viewport);
    await library.createWorkshop({ title: 'Small screen', template: 'b2b' });
    await editor.waitUntilOpen();
    // Every toolbar and console control is inside the window, none cut off.
    for (const strip of [page.locator('.toolbar'), page.getByTestId('room-console')]) {
      const clipped = await strip.evaluate((el) => {
        const out: string[] = [];
        for (const c of el.querySelectorAll('button, select')) {
          const r = c.getBoundingClientRect();
          if (r.width > 0 && (r.left < 0 || r.right > window.innerWidth + 0.5)) out.push(c.textContent ?? '');
        }
        if (el.scrollWidth > el.clientWidth + 1) out.push('(the strip scrolls sideways)');
        return out;
      });
      expect(clipped).toEqual([]);
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/editor-${viewport.width}.png` });

    await editor.clickEmptyCanvas();
    await expect(editor.inspector).toBeVisible();
    await page.keyboard.press('p');
    await expect(editor.inspector).toHaveCount(0);
    await page.keyboard.press('p');
    await expect(editor.inspector).toBeVisible();

    const minimap = page.locator('.react-flow__minimap');
    await expect(minimap).toBeVisible();
    await page.keyboard.press('m');
    await expect(minimap).toHaveCount(0);

    await page.keyboard.press('w');
    await expect(page.locator('.toolbar')).toHaveCount(0);
    await expect(editor.inspector).toHaveCount(0);
    const canvas = await editor.canvas.boundingBox();
    expect(canvas?.width).toBeGreaterThanOrEqual(viewport.width - 1);
    expect(canvas?.height).toBeGreaterThanOrEqual(viewport.height - 1);
    await page.keyboard.press('w');
    await expect(page.locator('.toolbar')).toBeVisible();
  });
}
