// Stopping an export: while the map picture is being built, "Stop export" cancels
// it on the backend; nothing is downloaded, the dialog says so, and a second export
// afterwards works.
import { expect, test } from './fixtures';
import { EXPORT_FORMAT_LABELS } from './pages/EditorPage';

test('a facilitator stops a slow export: nothing is saved, and the next export works', async ({ library, editor }, testInfo) => {
  testInfo.setTimeout(120_000);
  await library.createWorkshop({ title: 'Stop me', organisation: 'Acme', template: 'b2b' });
  let downloads = 0;
  editor.page.on('download', () => void downloads++);

  await editor.exportButton.click();
  const dialog = editor.exportDialog;
  for (const label of EXPORT_FORMAT_LABELS) await editor.exportFormat(label).setChecked(label === 'PNG');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-progress')).toContainText('PNG: building…');
  await dialog.getByRole('button', { name: 'Stop export', exact: true }).click();
  await expect(dialog.getByTestId('export-result')).toHaveText('The export was stopped. Nothing was saved.');
  expect(downloads).toBe(0);

  // The dialog is usable again, and the next export (a quick one) is saved.
  await editor.exportFormat('PNG').setChecked(false);
  await editor.exportFormat('Markdown').setChecked(true);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-result')).toHaveText('1 file saved to your downloads folder.', { timeout: 45_000 });
  await expect.poll(() => downloads).toBe(1);
});
