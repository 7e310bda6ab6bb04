// The facilitator moves fast with the keyboard: Delete, Escape and N on the
// canvas, and letters typed into a field stay in the field.
import { expect, test } from './fixtures';

test.describe('Keyboard shortcuts in the editor', () => {
  test.beforeEach(async ({ library, editor }) => {
    await library.createWorkshop({ title: 'Shortcut practice', organisation: 'Initech', template: 'b2b' });
    await expect(editor.stageCards).toHaveCount(5);
  });

  test('Delete removes the selected stage and its transitions', async ({ editor }) => {
    const edges = await editor.edges.count();
    await editor.selectStage('Compare options');
    await editor.page.keyboard.press('Delete');
    await expect(editor.stage('Compare options')).toHaveCount(0);
    await expect(editor.stageCards).toHaveCount(4);
    await expect(editor.edges).not.toHaveCount(edges);
    // The inspector no longer shows the deleted stage: nothing is selected.
    await expect(editor.stageInspector).toBeHidden();
    await expect(editor.nothingSelected).toBeVisible();
    await editor.expectSaved();

    await editor.page.reload();
    await editor.waitUntilOpen();
    await expect(editor.stageCards).toHaveCount(4);
    await expect(editor.stage('Compare options')).toHaveCount(0);
  });

  test('one Ctrl+Z after Delete brings the stage back with its transitions', async ({ editor }) => {
    // React Flow reports the removed arrows and the removed card separately;
    // MapCanvas.onDelete turns both into one undo step.
    const edges = await editor.edges.count();
    await editor.selectStage('Compare options');
    await editor.page.keyboard.press('Delete');
    await expect(editor.stageCards).toHaveCount(4);
    await expect(editor.nothingSelected).toBeVisible();
    await editor.undo();
    await expect(editor.stage('Compare options')).toBeVisible();
    await expect(editor.edges).toHaveCount(edges, { timeout: 3_000 });
  });

  test('the inspector\'s Delete stage button is undone in one step', async ({ editor }) => {
    const edges = await editor.edges.count();
    await editor.selectStage('Compare options');
    await editor.stageInspector.getByRole('button', { name: 'Delete stage' }).click();
    await expect(editor.stageCards).toHaveCount(4);
    await expect(editor.nothingSelected).toBeVisible();
    await editor.undo();
    await expect(editor.stage('Compare options')).toBeVisible();
    await expect(editor.edges).toHaveCount(edges);
  });

  test('Escape clears the selection', async ({ editor }) => {
    await editor.selectStage('Build the business case');
    await expect(editor.node(editor.stage('Build the business case'))).toHaveClass(/\bselected\b/);
    await editor.page.keyboard.press('Escape');
    await expect(editor.nothingSelected).toBeVisible();
    await expect(editor.stageInspector).toBeHidden();
    await expect(editor.node(editor.stage('Build the business case'))).not.toHaveClass(/\bselected\b/);
  });

  test('N adds a stage from the canvas but only types an "n" while typing in a text field', async ({ editor }) => {
    await editor.selectStage('Recognise the problem');
    await editor.customerGoal.fill('');
    await editor.customerGoal.pressSequentially('Notice n');
    await expect(editor.customerGoal).toHaveValue('Notice n');
    await editor.stageName.click();
    await editor.stageName.press('End');
    await editor.stageName.press('n');
    await expect(editor.stageName).toHaveValue('Recognise the problemn');
    await expect(editor.stageCards).toHaveCount(5);
    await expect(editor.stage('New stage')).toHaveCount(0);

    // Out of the field, N adds a stage.
    await editor.clickEmptyCanvas();
    await editor.addStageWithKey();
    await editor.fitToScreen();
    await expect(editor.stageCards).toHaveCount(6);
  });
});
