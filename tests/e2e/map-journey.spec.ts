// The facilitator's main story: start from the B2B template, add and name stages,
// fill one in, link a seller action to the customer action it helps, connect the
// stage to Won by dragging on the canvas, undo and redo, and find it all again
// after a reload and after the host crashed and was started again.
import { expect, test } from './fixtures';
import type { EditorPage, Point } from './pages/EditorPage';

const TEMPLATE_STAGES = ['Recognise the problem', 'Define what good looks like', 'Compare options', 'Build the business case', 'Decide and commit'];
const PILOT = 'Run a pilot';
const ORDER = 'Sign the order';
const CUSTOMER_ACTION = 'Runs a pilot with two teams';
const SELLER_ACTION = 'Sets up the pilot workspace';

/** Everything the facilitator built on the pilot stage, as the editor shows it. */
async function expectPilotStageIntact(editor: EditorPage, position: Point): Promise<void> {
  await editor.fitToScreen();
  await expect(editor.stageCards).toHaveCount(7);
  await expect(editor.stage(PILOT)).toBeVisible();
  await expect(editor.stage(ORDER)).toBeVisible();
  expect(await editor.positionOf(editor.stage(PILOT))).toEqual(position);
  await editor.selectStage(PILOT);
  await expect(editor.customerActions).toHaveCount(1);
  await expect(editor.customerActions.first()).toHaveValue(CUSTOMER_ACTION);
  await expect(editor.sellerActions).toHaveCount(1);
  await expect(editor.sellerActions.first()).toHaveValue(SELLER_ACTION);
  await expect(editor.servesChip(SELLER_ACTION, CUSTOMER_ACTION)).toHaveAttribute('aria-pressed', 'true');
  await expect(editor.leadsToEntry('Won')).toBeVisible();
}

test.describe('Mapping a buying journey from the B2B template', () => {
  test('the facilitator builds on the template, and the map survives a reload and a host crash', async ({ page, host, library, editor }) => {
    await library.createWorkshop({ title: 'Acme pipeline review', organisation: 'Acme Ltd', template: 'b2b' });
    const workshopId = editor.workshopId();

    // The template: five stages and the Won / Lost / No decision outcomes.
    await expect(editor.stageCards).toHaveCount(5);
    for (const name of TEMPLATE_STAGES) await expect(editor.stage(name)).toBeVisible();
    await expect(editor.outcomeCards).toHaveCount(3);
    for (const label of ['Won', 'Lost', 'No decision']) await expect(editor.outcome(label)).toBeVisible();
    await expect(editor.page.getByTestId('workshop-title')).toHaveText('Acme pipeline review');

    // A stage from the toolbar, named and filled in from the inspector.
    await editor.addStageWithToolbar();
    await expect(editor.stageName).toHaveValue('New stage');
    await editor.nameStage(PILOT);
    await editor.addCustomerAction(CUSTOMER_ACTION);
    await editor.addSellerAction(SELLER_ACTION);
    const chip = editor.servesChip(SELLER_ACTION, CUSTOMER_ACTION);
    await expect(chip).toHaveAttribute('aria-pressed', 'false');
    await expect(editor.stageInspector.getByText('Helps no customer action: waste?')).toBeVisible();
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(editor.stageInspector.getByText('Helps no customer action: waste?')).toBeHidden();

    // Another stage with the N key, from the canvas.
    await editor.clickEmptyCanvas();
    await expect(editor.nothingSelected).toBeVisible();
    await editor.addStageWithKey();
    await editor.nameStage(ORDER);

    // Move the pilot stage to a clear spot by dragging its card.
    await editor.clickEmptyCanvas();
    await editor.fitToScreen();
    await expect(editor.stageCards).toHaveCount(7);
    const before = await editor.positionOf(editor.stage(PILOT));
    await editor.dragCard(editor.stage(PILOT), 0, 250, { x: 0.75, y: 0.8 });
    await expect.poll(() => editor.positionOf(editor.stage(PILOT))).not.toEqual(before);
    const moved = await editor.positionOf(editor.stage(PILOT));
    expect(moved.y).toBeGreaterThan(before.y + 200);

    // Connect it to Won by dragging from its right handle to the outcome.
    const edgesBefore = await editor.edges.count();
    await editor.connectStageToOutcome(PILOT, 'Won');
    await expect(editor.edges).toHaveCount(edgesBefore + 1);
    await expect(editor.transitionInspector).toBeVisible();
    await expect(editor.transitionInspector.locator('.transition-route')).toHaveText(`${PILOT} → Won`);

    // Undo takes the transition away, redo brings it back.
    await editor.undo();
    await expect(editor.edges).toHaveCount(edgesBefore);
    await expect(editor.transitionInspector).toBeHidden();
    await editor.redo();
    await expect(editor.edges).toHaveCount(edgesBefore + 1);
    await expect(editor.transitionInspector.locator('.transition-route')).toHaveText(`${PILOT} → Won`);

    await editor.expectSaved();
    await expect(editor.undoButton).toBeEnabled();

    // A reload shows the same map.
    await page.reload();
    await editor.waitUntilOpen();
    await expectPilotStageIntact(editor, moved);
    await expect(editor.undoButton).toBeDisabled();

    // The host crashes (SIGKILL) and is started again on the same data folder:
    // new port, new token; the map is still all there, where it was dragged.
    const oldUrl = host.url;
    await host.restart('SIGKILL');
    expect(host.url).not.toBe(oldUrl);
    await page.goto(host.urlFor(`#/workshop/${workshopId}`));
    await editor.waitUntilOpen();
    await expect(editor.title).toHaveText('Acme pipeline review');
    await expect(editor.saveStatus).toHaveAttribute('data-state', 'saved');
    await expectPilotStageIntact(editor, moved);
    await editor.backToLibrary();
    await expect(library.row('Acme pipeline review')).toContainText('7 stages');
  });

  test('a stage can also be connected from the inspector, without dragging', async ({ library, editor }) => {
    await library.createWorkshop({ title: 'Keyboard mapping', organisation: 'Globex', template: 'b2b' });
    await editor.addStageWithToolbar();
    await editor.nameStage(PILOT);
    await expect(editor.leadsTo.getByText('Drag from the card’s right edge')).toBeVisible();
    await editor.addTransitionWithInspector('Outcome: Won');
    await expect(editor.leadsToEntry('Won')).toBeVisible();
    // An existing target is no longer offered.
    await expect(editor.addTransitionSelect.getByRole('option', { name: 'Outcome: Won' })).toHaveCount(0);
    await editor.expectSaved();
    await editor.page.reload();
    await editor.waitUntilOpen();
    await editor.selectStage(PILOT);
    await expect(editor.leadsToEntry('Won')).toBeVisible();
  });
});
