// Bad input in the New workshop dialog is explained, and nothing is created.
import { expect, test } from './fixtures';

test.describe('The New workshop form', () => {
  test('a workshop without a title is refused with "Give the workshop a title" and nothing is created', async ({ library }) => {
    await expect(library.emptyMessage).toHaveText(/No workshops yet/);
    const dialog = await library.startNewWorkshop();
    const title = dialog.getByLabel('Title');
    await dialog.getByLabel('Organisation (client)').fill('Acme Ltd');

    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await expect(dialog.getByText('Give the workshop a title')).toBeVisible();
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toBeVisible();

    // Spaces only are no title either.
    await title.fill('   ');
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await expect(dialog.getByText('Give the workshop a title')).toBeVisible();
    await expect(dialog).toBeVisible();

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(library.rows).toHaveCount(0);
    await expect(library.emptyMessage).toHaveText(/No workshops yet/);

    // Nothing was stored either: a reload shows the same empty library.
    await library.page.reload();
    await expect(library.root).toBeVisible();
    await expect(library.emptyMessage).toHaveText(/No workshops yet/);
    await expect(library.rows).toHaveCount(0);
  });

  test('after the error, giving a title creates the workshop', async ({ library, editor }) => {
    const dialog = await library.startNewWorkshop();
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await expect(dialog.getByText('Give the workshop a title')).toBeVisible();
    await dialog.getByLabel('Title').fill('Second attempt');
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await editor.waitUntilOpen();
    await expect(editor.title).toHaveText('Second attempt');
    await editor.backToLibrary();
    await expect(library.rows).toHaveCount(1);
  });
});
