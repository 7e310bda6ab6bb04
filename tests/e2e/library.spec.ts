// The workshop library: a facilitator with several clients finds, renames,
// duplicates and deletes workshops, and gets a deleted one back.
import { expect, test } from './fixtures';

const WORKSHOPS = [
  { title: 'Pipeline review', organisation: 'Acme Ltd' },
  { title: 'Pricing workshop', organisation: 'Globex' },
  { title: 'Renewals mapping', organisation: 'Initech' },
];

test.describe('The workshop library', () => {
  test.beforeEach(async ({ library, editor }) => {
    for (const w of WORKSHOPS) {
      await library.createWorkshop({ ...w, template: 'blank' });
      await editor.backToLibrary();
    }
    await expect(library.rows).toHaveCount(3);
  });

  test('search finds workshops by title and by organisation', async ({ library }) => {
    await library.searchFor('pricing');
    await expect(library.rows).toHaveCount(1);
    await expect(library.row('Pricing workshop')).toBeVisible();

    await library.searchFor('ACME');
    await expect(library.rows).toHaveCount(1);
    await expect(library.row('Pipeline review')).toContainText('Acme Ltd');

    await library.searchFor('no such client');
    await expect(library.rows).toHaveCount(0);
    await expect(library.emptyMessage).toHaveText('No workshop matches "no such client".');

    await library.searchFor('');
    await expect(library.rows).toHaveCount(3);
  });

  test('a workshop can be renamed and duplicated', async ({ library }) => {
    await library.rename('Pricing workshop', 'Pricing strategy');
    await expect(library.row('Pricing workshop')).toHaveCount(0);
    await expect(library.row('Pricing strategy')).toContainText('Globex');

    await library.duplicate('Pricing strategy');
    await expect(library.notice('Duplicated "Pricing strategy".')).toBeVisible();
    await expect(library.rows).toHaveCount(4);
    await expect(library.row('Pricing strategy (copy)')).toContainText('Globex');

    // Both survive a reload.
    await library.page.reload();
    await expect(library.row('Pricing strategy')).toBeVisible();
    await expect(library.row('Pricing strategy (copy)')).toBeVisible();
  });

  test('Escape while renaming keeps the old title', async ({ library }) => {
    const field = await library.startRename('Renewals mapping');
    await field.fill('Something else');
    await field.press('Escape');
    await expect(field).toBeHidden();
    await expect(library.row('Renewals mapping')).toBeVisible();
    await expect(library.row('Something else')).toHaveCount(0);
    await library.page.reload();
    await expect(library.row('Renewals mapping')).toBeVisible();
    await expect(library.row('Something else')).toHaveCount(0);
  });

  test('Delete moves a workshop to the trash, and the notice\'s Undo brings it back', async ({ library }) => {
    await library.delete('Renewals mapping');
    await expect(library.row('Renewals mapping')).toHaveCount(0);
    await expect(library.rows).toHaveCount(2);
    await expect(library.trashToggle).toHaveText('Trash (1)');
    const notice = library.notice('"Renewals mapping" moved to the trash.');
    await expect(notice).toBeVisible();

    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(library.row('Renewals mapping')).toBeVisible();
    await expect(library.rows).toHaveCount(3);
    await expect(library.trashToggle).toHaveText('Trash (0)');
    await expect(library.notice('"Renewals mapping" is back.')).toBeVisible();
  });

  test('the trash restores a workshop, and "Delete forever…" asks before deleting for good', async ({ library }) => {
    await library.delete('Pipeline review');
    await library.delete('Pricing workshop');
    await expect(library.trashToggle).toHaveText('Trash (2)');
    await expect(library.rows).toHaveCount(1);

    await library.showTrash();
    await expect(library.rows).toHaveCount(2);
    // A trashed workshop cannot be opened, only restored or deleted for good.
    await expect(library.row('Pipeline review').getByRole('button', { name: 'Open' })).toHaveCount(0);

    await library.restoreFromTrash('Pipeline review');
    await expect(library.notice('"Pipeline review" restored.')).toBeVisible();
    await expect(library.rows).toHaveCount(1);
    await expect(library.trashToggle).toHaveText('← Back to workshops');

    // Cancel keeps it.
    let dialog = await library.askToDeleteForever('Pricing workshop');
    await expect(dialog).toContainText('"Pricing workshop" and all its maps will be deleted from this computer. This cannot be undone.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(library.row('Pricing workshop')).toBeVisible();

    // Confirming deletes it for good.
    dialog = await library.askToDeleteForever('Pricing workshop');
    await dialog.getByRole('button', { name: 'Delete forever', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(library.notice('"Pricing workshop" deleted.')).toBeVisible();
    await expect(library.rows).toHaveCount(0);
    await expect(library.emptyMessage).toHaveText('The trash is empty.');

    await library.backFromTrash();
    await expect(library.trashToggle).toHaveText('Trash (0)');
    expect((await library.titles()).sort()).toEqual(['Pipeline review', 'Renewals mapping']);
  });
});
