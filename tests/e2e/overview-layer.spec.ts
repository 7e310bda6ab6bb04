// Far out on a large map, the whole map is drawn on one canvas instead of DOM cards
// (src-renderer/canvas/overview-layer/): the room can still work there. A card clicked
// in the layer is selected in the inspector, the arrow keys move it and Delete removes
// it (an exit's marker selects the exit); Tab and a double-click bring it up to working zoom, where the DOM cards are back.
import { expect, test } from './fixtures';
import { aGridJourney, aWorkshopFileText, GRID } from './maps';
import type { EditorPage, Point } from './pages/EditorPage';

const SHOTS = process.env.LEANMAP_SHOTS_DIR;
const STAGES = 300;

/** The pane on the page and the viewport's pan and zoom. */
async function view(editor: EditorPage) {
  const transform = await editor.viewportTransform();
  const match = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)\s*scale\(\s*([\d.]+)\s*\)/.exec(transform);
  const pane = await editor.pane.boundingBox();
  if (!match || !pane) throw new Error(`No viewport transform in "${transform}".`);
  return { pane, x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

/** A spot well inside stage `n` (1-based) of the grid journey (its card is 380 wide and at least 200 high), on the page. */
async function insideStage(editor: EditorPage, n: number): Promise<Point> {
  const { pane, x, y, zoom } = await view(editor);
  const at = GRID.position(n - 1);
  return { x: pane.x + x + (at.x + 190) * zoom, y: pane.y + y + (at.y + 100) * zoom };
}

/** The stage of the grid journey nearest the canvas centre (1-based), plus `columns` to the side. */
async function stageNearCentre(editor: EditorPage, columns = 0): Promise<number> {
  const { pane, x, y, zoom } = await view(editor);
  const mapX = (pane.width / 2 - x) / zoom;
  const mapY = (pane.height / 2 - y) / zoom;
  const row = Math.max(0, Math.round(mapY / GRID.row));
  const column = Math.min(GRID.perRow - 1, Math.max(0, Math.round(mapX / GRID.column) + columns));
  return Math.min(STAGES, row * GRID.perRow + column + 1);
}

test('a 300-stage map fitted is drawn by the overview layer, and a card in it can be selected, moved and zoomed to', async ({ library, editor, page }) => {
  test.setTimeout(180_000);
  await library.importFile('grid.leanmap.json', aWorkshopFileText('Wide journey', aGridJourney(STAGES)));
  await library.openWorkshop('Wide journey');
  await editor.waitUntilOpen();
  await editor.fitToScreen();

  const layer = editor.canvas.locator('canvas[data-overview-layer]');
  await expect(layer).toBeVisible();
  expect(await editor.zoom()).toBeLessThan(1 / 3);
  // No DOM card or arrow is mounted, and the layer has drawn the map.
  await expect(editor.canvas.locator('.react-flow__node')).toHaveCount(0);
  await expect(editor.edges).toHaveCount(0);
  const drawn = await layer.evaluate((c: HTMLCanvasElement) => {
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let opaque = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) opaque++;
    return opaque;
  });
  expect(drawn, 'the layer drew boxes and arrows').toBeGreaterThan(10_000);
  // The minimap and the controls stay.
  await expect(editor.canvas.locator('.react-flow__minimap')).toBeVisible();
  await expect(editor.canvas.locator('.react-flow__controls')).toBeVisible();

  // A click on a card in the layer selects it, as a click on the DOM card does.
  const chosen = await stageNearCentre(editor);
  const name = `Step ${chosen} of the buyer`;
  const spot = await insideStage(editor, chosen);
  await page.mouse.click(spot.x, spot.y);
  await expect(editor.stageName).toHaveValue(name);
  // A click on the empty canvas clears it.
  await editor.clickEmptyCanvas();
  await expect(editor.nothingSelected).toBeVisible();
  await page.mouse.click(spot.x, spot.y);
  await expect(editor.stageName).toHaveValue(name);

  // The arrow keys move the selected card from the overview; Tab brings it up to working zoom and focuses it.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await expect.poll(() => editor.focusedOnCanvas()).toBe(`stage ${name}`);
  await editor.waitForViewportToSettle();
  expect(await editor.zoom()).toBeCloseTo(1, 2);
  await expect(layer).toHaveCount(0);
  expect(await editor.positionOf(editor.stage(name))).toEqual({ x: GRID.position(chosen - 1).x + 10, y: GRID.position(chosen - 1).y });
  await editor.expectSaved();

  // Back to the whole map: Delete removes a card selected in the layer, and one undo brings it back.
  await editor.fitToScreen();
  await expect(layer).toBeVisible();
  const doomed = await stageNearCentre(editor, -2);
  const doomedSpot = await insideStage(editor, doomed);
  await page.mouse.click(doomedSpot.x, doomedSpot.y);
  await expect(editor.stageName).toHaveValue(`Step ${doomed} of the buyer`);
  await page.keyboard.press('Delete');
  await expect(editor.nothingSelected).toBeVisible();
  await page.mouse.click(doomedSpot.x, doomedSpot.y);
  await expect(editor.nothingSelected).toBeVisible();
  await editor.undo();
  await page.mouse.click(doomedSpot.x, doomedSpot.y);
  await expect(editor.stageName).toHaveValue(`Step ${doomed} of the buyer`);

  // An exit's marker above its stage (every third stage loses buyers) selects the exit, which Delete removes.
  const near = await stageNearCentre(editor, -1);
  const losing = Math.max(3, near - (near % 3));
  const { pane, x, y, zoom } = await view(editor);
  // The marker nearest the card: 52 in from its left, its middle 18 + 22 above its top (exit-markers.ts).
  const marker = { x: pane.x + x + (GRID.position(losing - 1).x + 152) * zoom, y: pane.y + y + (GRID.position(losing - 1).y - 40) * zoom };
  await page.mouse.click(marker.x, marker.y);
  await expect(editor.transitionInspector).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(editor.nothingSelected).toBeVisible();
  await page.mouse.click(marker.x, marker.y);
  await expect(editor.nothingSelected).toBeVisible();

  // A double-click on a card zooms to it.
  const other = await stageNearCentre(editor, 2);
  expect(other).not.toBe(chosen);
  const otherSpot = await insideStage(editor, other);
  await page.mouse.dblclick(otherSpot.x, otherSpot.y);
  await editor.waitForViewportToSettle();
  expect(await editor.zoom()).toBeCloseTo(1, 2);
  await expect(editor.stage(`Step ${other} of the buyer`)).toBeVisible();
  await expect(editor.stageName).toHaveValue(`Step ${other} of the buyer`);

  // Zooming in from the whole map with the controls brings the DOM cards back on their own.
  await editor.fitToScreen();
  await expect(editor.canvas.locator('.react-flow__node')).toHaveCount(0);
  await editor.zoomToDetail();
  await expect(layer).toHaveCount(0);
  await expect(editor.stageCards.first()).toBeVisible();
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`The overview layer at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a 40-stage map fitted shows every card in the layer, and Tab from outside lands on the entry stage', async ({ library, editor, page }) => {
      test.setTimeout(120_000);
      await library.importFile('grid.leanmap.json', aWorkshopFileText('Forty stages', aGridJourney(40)));
      await library.openWorkshop('Forty stages');
      await editor.waitUntilOpen();
      await editor.fitToScreen();
      const layer = editor.canvas.locator('canvas[data-overview-layer]');
      await expect(layer).toBeVisible();
      await expect(editor.canvas.locator('.react-flow__node')).toHaveCount(0);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/overview-layer-40-${viewport.width}.png` });

      // Tabbing into the map from the presenter console lands on the entry stage, at working zoom.
      await page.getByRole('button', { name: 'Open audience view' }).focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => editor.focusedOnCanvas()).toBe('stage Step 1 of the buyer');
      await page.keyboard.press('Tab');
      await expect.poll(() => editor.focusedOnCanvas()).toBe('stage Step 2 of the buyer');
    });
  });
}
