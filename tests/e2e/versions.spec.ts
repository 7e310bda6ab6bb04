// An agreed version is agreed as a whole: after Mark agreed the measurement plan is
// locked in the UI and refused by the API; a new version starts with a copy of the
// plan that can be changed; versions do not leak into each other; and a mistaken
// agreement can be withdrawn with a reason that stays on the version.
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import type { LibraryPage } from './pages/LibraryPage';

const TITLE = 'Renewals 2027';
const METRIC = 'Compare → business case';
const FROM = 'Compare options';

/** A workshop from the template with one participant and one metric on a transition out of "Compare options". */
async function aWorkshopWithAPlan(library: LibraryPage, editor: EditorPage): Promise<string> {
  await library.createWorkshop({ title: TITLE, organisation: 'Acme', template: 'b2b' });
  await editor.addParticipants([{ name: 'Anna Müller', role: 'Head of sales' }]);
  await editor.showView('Measurement plan');
  await editor.newMetricButton.click();
  await expect(editor.metricDialog).toBeVisible();
  await editor.metricDialog.getByLabel('Name *').fill(METRIC);
  const attach = editor.metricDialog.getByLabel('Attached to');
  const option = attach.locator('option', { hasText: `${FROM} →` }).first();
  const label = (await option.textContent())!;
  await attach.selectOption({ label });
  await editor.metricDialog.getByRole('button', { name: 'Save metric', exact: true }).click();
  await expect(editor.metricDialog).toBeHidden();
  await editor.planCell('Target', METRIC).fill('30');
  await editor.planCell('Target', METRIC).press('Enter');
  await expect(editor.metricRow(METRIC)).toContainText(label);
  return label;
}

async function markAgreed(editor: EditorPage, versionName: string): Promise<void> {
  const dialog = await editor.openAgreeDialog(versionName);
  await dialog.getByRole('group', { name: 'Who agreed' }).getByRole('checkbox', { name: /^Anna Müller/ }).check();
  await dialog.getByRole('button', { name: 'Mark agreed', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.agreedBanner).toBeVisible();
}

test.describe('Agreeing a version locks its measurement plan', () => {
  test('agreed: plan locked and refused by the API; a new version copies the plan, editable, and does not leak back', async ({
    library,
    editor,
  }, testInfo) => {
    testInfo.setTimeout(120_000);
    const attachedTo = await aWorkshopWithAPlan(library, editor);
    await markAgreed(editor, 'Current state');

    // Every version is agreed: the details printed on the report are locked.
    await editor.chooseFromWorkshopMenu('Workshop details…');
    await expect(editor.detailsDialog.getByTestId('facts-locked')).toBeVisible();
    await editor.detailsDialog.getByLabel('Organisation (client)').fill('Someone else');
    await editor.detailsDialog.getByRole('button', { name: 'Save details', exact: true }).click();
    await expect(editor.detailsDialog.getByRole('alert')).toContainText('Make a new version to change them');
    await editor.detailsDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    const details = await editor.callApi<{ meta: { organisation: string } }>('workshop.get', { id: editor.workshopId() });
    expect(details.value!.meta.organisation).toBe('Acme');

    // The plan shows it is locked: no new metric, no suggestions, no delete, cells read-only.
    await editor.showView('Measurement plan');
    await expect(editor.planLockedNote).toContainText('make a new version to change it');
    await expect(editor.newMetricButton).toHaveCount(0);
    await expect(editor.plan.getByRole('region', { name: 'Suggested metrics' })).toHaveCount(0);
    await expect(editor.metricRow(METRIC).getByRole('button', { name: `Delete ${METRIC}` })).toHaveCount(0);
    await expect(editor.planCell('Target', METRIC)).not.toBeEditable();
    await expect(editor.planCell('Target', METRIC)).toHaveValue('30');
    await editor.metricRow(METRIC).getByRole('button', { name: `Readings of ${METRIC}`, exact: true }).click();
    await expect(editor.metricDialog.getByTestId('metric-locked')).toBeVisible();
    await expect(editor.metricDialog.getByLabel('Name *')).toBeDisabled();
    await expect(editor.metricDialog.getByRole('button', { name: 'Save metric' })).toHaveCount(0);
    // Readings are observations: a later review still adds them, marked as recorded after the agreement.
    const readings = editor.metricDialog.getByRole('region', { name: 'Readings' });
    await readings.getByLabel('Date', { exact: true }).fill('2027-01-31');
    await readings.getByTestId('reading-value').fill('33');
    await readings.getByRole('button', { name: 'Add reading', exact: true }).click();
    await expect(readings.getByTestId('reading-row')).toHaveCount(1);
    await expect(readings.getByTestId('reading-row')).toContainText('recorded after agreement');
    await editor.metricDialog.getByRole('button', { name: 'Close', exact: true }).click();

    // Another client (same host, same key) is refused too, with a way forward.
    const workshop = await editor.callApi<{ versions: { id: string }[] }>('workshop.get', { id: editor.workshopId() });
    const currentId = workshop.value!.versions[0]!.id;
    const [metric] = (await editor.callApi<{ id: string; revision: number }[]>('metric.list', { versionId: currentId })).value!;
    const refused = await editor.callApi('metric.update', { id: metric!.id, revision: metric!.revision, fields: { target: 99 } });
    expect(refused.error).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('Make a new version') });

    // A new version starts with a copy of the plan, which can be changed.
    await editor.agreedBanner.getByRole('button', { name: 'New version from it…', exact: true }).click();
    await editor.newVersionDialog.getByRole('button', { name: 'Create version', exact: true }).click();
    await expect(editor.selectedVersion).toHaveText('Future state');
    await editor.showView('Measurement plan');
    await expect(editor.planLockedNote).toHaveCount(0);
    await expect(editor.metricRow(METRIC)).toContainText(attachedTo);
    await expect(editor.planCell('Target', METRIC)).toBeEditable();
    await editor.planCell('Target', METRIC).fill('40');
    await editor.planCell('Target', METRIC).press('Enter');
    await expect(editor.planCell('Target', METRIC)).toHaveValue('40');

    // Delete the transition the metric is on, in Future state only.
    await editor.showView('Map');
    await editor.selectStage(FROM);
    const target = attachedTo.split(' → ')[1]!;
    await editor.leadsTo.getByRole('button', { name: `→ ${target}` }).click();
    await editor.transitionInspector.getByRole('button', { name: 'Delete transition' }).click();
    await editor.expectSaved();
    await editor.showView('Measurement plan');
    await expect(editor.metricRow(METRIC)).toContainText('Transition (removed)');

    // Current state keeps its plan as agreed, its metric on a transition that is still there.
    await editor.openVersion('Current state (agreed)');
    await expect(editor.planLockedNote).toBeVisible();
    await expect(editor.metricRow(METRIC)).toContainText(attachedTo);
    await expect(editor.metricRow(METRIC)).not.toContainText('(removed)');
    await expect(editor.planCell('Target', METRIC)).toHaveValue('30');
  });

  test('a mistaken agreement is withdrawn with a reason that stays on the version, and the plan can be changed again', async ({
    library,
    editor,
  }) => {
    await aWorkshopWithAPlan(library, editor);
    await markAgreed(editor, 'Current state');
    await editor.agreedBanner.getByRole('button', { name: 'Withdraw agreement…', exact: true }).click();
    const dialog = editor.page.getByRole('dialog', { name: 'Withdraw the agreement of "Current state"' });
    await expect(dialog).toBeVisible();
    // No reason: refused, says why.
    await dialog.getByRole('button', { name: 'Withdraw agreement', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Say why the agreement is withdrawn');
    await dialog.getByLabel('Why is the agreement withdrawn?').fill('Agreed before finance had seen it');
    await dialog.getByRole('button', { name: 'Withdraw agreement', exact: true }).click();
    await expect(dialog).toBeHidden();

    await expect(editor.agreedBanner).toHaveCount(0);
    await expect(editor.withdrawnBanner).toContainText('Agreement withdrawn');
    await expect(editor.withdrawnBanner).toContainText('Anna Müller (Head of sales)');
    await expect(editor.withdrawnBanner).toContainText('Reason: Agreed before finance had seen it');
    await expect(editor.selectedVersion).toHaveText('Current state');
    await editor.showView('Map');
    await expect(editor.addStageButton).toBeEnabled();
    await editor.showView('Measurement plan');
    await expect(editor.planLockedNote).toHaveCount(0);
    await editor.planCell('Target', METRIC).fill('35');
    await editor.planCell('Target', METRIC).press('Enter');
    await expect(editor.planCell('Target', METRIC)).toHaveValue('35');

    // The reason is kept after a reload, and listed in Workshop ▾ → Map versions….
    await editor.page.reload();
    await editor.waitUntilOpen();
    await expect(editor.withdrawnBanner).toContainText('Agreed before finance had seen it');
    await editor.chooseFromWorkshopMenu('Map versions…');
    const versions = editor.page.getByRole('dialog', { name: 'Map versions' });
    await expect(versions.getByTestId('version-row')).toContainText('Agreed before finance had seen it');
  });
});

test.describe('Managing versions', () => {
  test('a draft version is renamed; an agreed one is deleted only after saying what is lost; the last one stays', async ({
    library,
    editor,
  }) => {
    await aWorkshopWithAPlan(library, editor);
    await markAgreed(editor, 'Current state');
    await editor.agreedBanner.getByRole('button', { name: 'New version from it…', exact: true }).click();
    await editor.newVersionDialog.getByRole('button', { name: 'Create version', exact: true }).click();
    await expect(editor.selectedVersion).toHaveText('Future state');

    await editor.chooseFromWorkshopMenu('Map versions…');
    const dialog = editor.page.getByRole('dialog', { name: 'Map versions' });
    await expect(dialog.getByRole('button', { name: 'Rename Current state' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Rename Future state' }).click();
    await dialog.getByLabel('New name of Future state').fill('Target journey');
    await dialog.getByLabel('New name of Future state').press('Enter');
    await expect(editor.selectedVersion).toHaveText('Target journey');

    // Deleting the agreed version asks first, naming what is lost; Cancel keeps it.
    await dialog.getByRole('button', { name: 'Delete Current state' }).click();
    const confirm = editor.page.getByRole('dialog', { name: 'Delete "Current state"?' });
    await expect(confirm).toContainText('is agreed');
    await expect(confirm).toContainText('loses the agreed map, its measurement plan with every reading, and the record of who agreed');
    await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeVisible();
    await expect(editor.versionSelect.locator('option')).toHaveText(['Current state (agreed)', 'Target journey']);

    await dialog.getByRole('button', { name: 'Delete Current state' }).click();
    await confirm.getByRole('button', { name: 'Delete the agreed version', exact: true }).click();
    await expect(editor.versionSelect.locator('option')).toHaveText(['Target journey']);
    await expect(dialog.getByRole('button', { name: 'Delete Target journey' })).toBeDisabled();
  });

  test('two tabs change the same metric: the other tab shows the change at once, and its own edit then saves', async ({
    context,
    host,
    library,
    editor,
  }) => {
    await aWorkshopWithAPlan(library, editor);
    const pageB = await context.newPage();
    const tabB = new EditorPage(pageB);
    await pageB.goto(host.urlFor(`#/workshop/${editor.workshopId()}`));
    await tabB.waitUntilOpen();
    await tabB.showView('Measurement plan');
    await expect(tabB.planCell('Target', METRIC)).toHaveValue('30');

    await editor.page.bringToFront();
    await editor.planCell('Target', METRIC).fill('45');
    await editor.planCell('Target', METRIC).press('Enter');
    await expect(editor.planCell('Target', METRIC)).toHaveValue('45');

    await pageB.bringToFront();
    await expect(tabB.planCell('Target', METRIC)).toHaveValue('45', { timeout: 2000 });
    await tabB.planCell('Owner', METRIC).fill('Head of sales');
    await tabB.planCell('Owner', METRIC).press('Enter');
    await expect(pageB.getByTestId('plan-conflict-banner')).toHaveCount(0);
    await editor.page.bringToFront();
    await expect(editor.planCell('Owner', METRIC)).toHaveValue('Head of sales', { timeout: 2000 });
  });

  // A tab that hears no pushed events (its event stream dropped) is still on the old revision.
  test('two tabs change the same metric: the second, not hearing the first, is refused, overwrites nothing, and reloads the latest plan', async ({
    context,
    host,
    library,
    editor,
  }) => {
    await aWorkshopWithAPlan(library, editor);
    const route = `#/workshop/${editor.workshopId()}`;
    const pageB = await context.newPage();
    const tabB = new EditorPage(pageB);
    await pageB.route('**/api/events**', (r) => r.abort());
    await pageB.goto(host.urlFor(route));
    await tabB.waitUntilOpen();
    await tabB.showView('Measurement plan');
    await expect(tabB.planCell('Target', METRIC)).toHaveValue('30');

    await editor.page.bringToFront();
    await editor.planCell('Target', METRIC).fill('45');
    await editor.planCell('Target', METRIC).press('Enter');
    await expect(editor.planCell('Target', METRIC)).toHaveValue('45');

    await pageB.bringToFront();
    await tabB.planCell('Owner', METRIC).fill('Head of sales');
    await tabB.planCell('Owner', METRIC).press('Enter');
    const banner = pageB.getByTestId('plan-conflict-banner');
    await expect(banner).toContainText('changed in another window or tab');
    await banner.getByRole('button', { name: 'Reload the latest plan', exact: true }).click();
    await expect(banner).toHaveCount(0);
    await expect(tabB.planCell('Target', METRIC)).toHaveValue('45');
  });
});
