// A facilitator drives the map from the keyboard: arrow keys move a card (saved,
// one undo step), Escape leaves a name for the map, Tab walks the journey, N
// inserts a stage after the selected one, O asks which outcome.
import { expect, test } from './fixtures';

const RECOGNISE = 'Recognise the problem';
const DEFINE = 'Define what good looks like';
const COMPARE = 'Compare options';
const BUSINESS_CASE = 'Build the business case';
const DECIDE = 'Decide and commit';

test.describe('The keyboard on the map', () => {
  test.beforeEach(async ({ library, editor }) => {
    await library.createWorkshop({ title: 'Keyboard workshop', organisation: 'Initech', template: 'b2b' });
    await expect(editor.stageCards).toHaveCount(5);
    await editor.expectSaved();
  });

  test('arrow keys move the selected card, the move is saved, and one Ctrl+Z undoes the whole move', async ({ editor, page }) => {
    // An earlier step that the undo must leave alone.
    await editor.selectStage(COMPARE);
    await editor.nameStage('Compare vendors');
    await editor.selectStage('Compare vendors');
    const card = editor.stage('Compare vendors');
    const before = await editor.positionOf(card);

    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    const moved = { x: before.x + 30, y: before.y + 40 };
    await expect.poll(() => editor.positionOf(card)).toEqual(moved);
    await editor.expectSaved();

    // The keys stopped: one undo step takes the card back, and only that.
    await page.waitForTimeout(600);
    await editor.undo();
    await expect.poll(() => editor.positionOf(card)).toEqual(before);
    await expect(editor.stage('Compare vendors')).toBeVisible();
    await editor.expectSaved();
    await editor.redo();
    await expect.poll(() => editor.positionOf(card)).toEqual(moved);
    await editor.expectSaved();

    await page.reload();
    await editor.waitUntilOpen();
    await expect.poll(() => editor.positionOf(editor.stage('Compare vendors'))).toEqual(moved);
  });

  test('after naming a new stage, Escape returns to the map and the next N adds another stage', async ({ editor, page }) => {
    await editor.clickEmptyCanvas();
    await editor.addStageWithKey();
    await page.keyboard.type('Feel the pain');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.focusedOnCanvas()).toBe('stage Feel the pain');

    await editor.addStageWithKey();
    await expect(editor.stage('Feel the pain')).toHaveCount(1);
    await editor.fitToScreen();
    await expect(editor.stageCards).toHaveCount(7);
  });

  test('N with a stage selected inserts the new stage after it: A→B becomes A→new→B, nothing covered, one undo step', async ({ editor, page }) => {
    await editor.selectStage(COMPARE);
    await editor.addStageWithKey();
    await page.keyboard.type('Shortlist suppliers');
    await page.keyboard.press('Enter');
    await expect(editor.leadsToEntry(BUSINESS_CASE)).toBeVisible();

    await editor.fitToScreen();
    await editor.selectStage(COMPARE);
    await expect(editor.leadsToEntry('Shortlist suppliers')).toBeVisible();
    await expect(editor.leadsToEntry(BUSINESS_CASE)).toHaveCount(0);
    await expect(editor.leadsToEntry('Lost (Chose another supplier)')).toBeVisible(); // its exit stays

    // No card covers another.
    const boxes = await editor.canvas.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `cards ${i} and ${j} overlap`).toBe(false);
      }
    await editor.expectSaved();

    // Naming was its own step; one more undo takes the insertion back, arrows and all.
    await editor.clickEmptyCanvas();
    await editor.undo();
    await editor.undo();
    await expect(editor.stage('Shortlist suppliers')).toHaveCount(0);
    await expect(editor.stage('New stage')).toHaveCount(0);
    await editor.selectStage(COMPARE);
    await expect(editor.leadsToEntry(BUSINESS_CASE)).toBeVisible();
  });

  test('Tab visits the cards in journey order, then the arrows', async ({ editor, page }) => {
    // A stage inserted after the first one comes second in the journey, though last in the map's list.
    await editor.selectStage(RECOGNISE);
    await editor.addStageWithKey();
    await page.keyboard.type('Feel the pain');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('f');
    await editor.waitForViewportToSettle();

    // The presenter console is the last of the chrome before the map.
    await page.getByRole('button', { name: 'Open audience view' }).focus();
    const visited: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      visited.push(await editor.focusedOnCanvas());
    }
    expect(visited).toEqual([
      `stage ${RECOGNISE}`,
      'stage Feel the pain',
      `stage ${DEFINE}`,
      `stage ${COMPARE}`,
      `stage ${BUSINESS_CASE}`,
      `stage ${DECIDE}`,
      'outcome Won',
      'outcome Lost',
      'outcome No decision',
      `Transition forward from ${RECOGNISE} to Feel the pain`,
    ]);
    // Shift+Tab goes back the same way.
    await page.keyboard.press('Shift+Tab');
    expect(await editor.focusedOnCanvas()).toBe('outcome No decision');
  });

  test('O asks which outcome to add: first letter and arrows choose, Enter adds, Escape adds nothing', async ({ editor, page }) => {
    await editor.clickEmptyCanvas();
    await page.keyboard.press('o');
    await expect(editor.outcomeChooser).toBeVisible();
    const options = editor.outcomeChooser.getByRole('option');
    await expect(options).toHaveText([/Won$/, /Lost$/, /No decision$/, /Disqualified$/]);
    await page.keyboard.press('Escape');
    await expect(editor.outcomeChooser).toBeHidden();
    await editor.fitToScreen();
    await expect(editor.outcomeCards).toHaveCount(3);

    await page.keyboard.press('o');
    await page.keyboard.press('d');
    await expect(options.filter({ hasText: 'Disqualified' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(options.filter({ hasText: 'No decision' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(editor.outcomeChooser).toBeHidden();
    await editor.fitToScreen();
    await expect(editor.outcome('Disqualified')).toBeVisible();
    await expect(editor.outcome('Won')).toHaveCount(1);
    await expect(editor.outcomeCards).toHaveCount(4);
    await editor.expectSaved();
  });

  test('the Figures tab opens at its top, wherever the Edit tab was scrolled to', async ({ editor }) => {
    await editor.selectStage(COMPARE);
    const panel = editor.page.locator('aside.inspector');
    await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    await editor.openSidePanel('Figures');
    await expect(editor.figuresPanel).toBeVisible();
    expect(await panel.evaluate((el) => el.scrollTop)).toBe(0);
  });
});
