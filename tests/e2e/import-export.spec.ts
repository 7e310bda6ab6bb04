// Moving workshops between machines as files: a broken file is refused with a
// clear reason and changes nothing; an exported file imports back complete.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import type { EditorPage } from './pages/EditorPage';
import type { LibraryPage } from './pages/LibraryPage';

const TITLE = 'Pipeline review';

/** The stage names on the opened map, sorted. */
async function stageNames(editor: EditorPage): Promise<string[]> {
  await editor.fitToScreen();
  const labels = await editor.stageCards.evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/^Stage /, '')).sort();
}

async function exportedText(library: LibraryPage): Promise<string> {
  const { text } = await library.exportFile(TITLE);
  return text;
}

test.describe('Importing and exporting workshop files', () => {
  test.beforeEach(async ({ library, editor }) => {
    await library.createWorkshop({ title: TITLE, organisation: 'Acme Ltd', template: 'b2b' });
    await editor.addStageWithToolbar();
    await editor.nameStage('Run a pilot');
    await editor.expectSaved();
    await editor.backToLibrary();
    await expect(library.row(TITLE)).toContainText('6 stages');
  });

  const broken: { case: string; file: string; contents: (exported: string) => string; message: RegExp }[] = [
    {
      case: 'a truncated file',
      file: 'cut-short.leanmap.json',
      contents: (exported) => exported.slice(0, Math.floor(exported.length / 2)),
      message: /not a complete Leanmap workshop file/,
    },
    {
      case: 'a file from a newer Leanmap (formatVersion 99)',
      file: 'from-the-future.leanmap.json',
      contents: (exported) => JSON.stringify({ ...JSON.parse(exported), formatVersion: 99 }),
      message: /exported by a newer Leanmap \(file format 99/,
    },
    {
      case: 'a JSON file that is not a Leanmap workshop',
      file: 'package.json',
      contents: () => JSON.stringify({ name: 'something-else', version: '1.0.0', dependencies: {} }),
      message: /not a Leanmap workshop file/,
    },
  ];

  for (const b of broken) {
    test(`importing ${b.case} shows a clear error and leaves the library unchanged`, async ({ library }) => {
      const contents = b.contents(await exportedText(library));
      const before = await library.titles();

      await library.importFile(b.file, contents);
      await expect(library.importError).toBeVisible();
      await expect(library.importError).toContainText('Import failed.');
      await expect(library.importError).toContainText(b.file);
      await expect(library.importError).toContainText(b.message);
      await expect(library.rows).toHaveCount(before.length);
      expect(await library.titles()).toEqual(before);

      // Still unchanged after a reload (nothing half-imported in the database).
      await library.page.reload();
      await expect(library.rows).toHaveCount(before.length);
      expect(await library.titles()).toEqual(before);
    });
  }

  test('the import error can be dismissed', async ({ library }) => {
    await library.importFile('empty.json', '');
    await expect(library.importError).toBeVisible();
    await library.importError.getByRole('button', { name: 'Dismiss' }).click();
    await expect(library.importError).toBeHidden();
  });

  test('an exported file imports back as a second workshop with the same stages', async ({ library, editor }) => {
    const { download, text } = await library.exportFile(TITLE);
    expect(download.suggestedFilename()).toMatch(/^Pipeline review .*\.leanmap\.json$/);
    expect(JSON.parse(text)).toMatchObject({ formatVersion: expect.any(Number) });

    // Tell the original apart from the copy about to come in.
    await library.rename(TITLE, `${TITLE} (original)`);
    await library.openWorkshop(`${TITLE} (original)`);
    const originalStages = await stageNames(editor);
    expect(originalStages).toContain('Run a pilot');
    await editor.backToLibrary();

    // "Import file…" opens the file chooser, as for a facilitator.
    const choosing = library.page.waitForEvent('filechooser');
    await library.importButton.click();
    const chooser = await choosing;
    await chooser.setFiles(await download.path());
    await expect(library.notice(`Imported "${TITLE}".`)).toBeVisible();
    await expect(library.importError).toBeHidden();
    await expect(library.rows).toHaveCount(2);
    await expect(library.row(TITLE)).toContainText('6 stages');
    await expect(library.row(TITLE)).toContainText('Acme Ltd');

    await library.openWorkshop(TITLE);
    expect(await stageNames(editor)).toEqual(originalStages);
    await expect(editor.outcomeCards).toHaveCount(3);
    await editor.selectStage('Run a pilot');
  });

  test('"Save workshop file" in the editor includes a change made a moment before', async ({ library, editor }) => {
    await library.openWorkshop(TITLE);
    await editor.selectStage('Run a pilot');
    await editor.stageName.fill('Run a paid pilot');
    // No waiting for the save: the export saves what is pending first.
    const downloading = editor.page.waitForEvent('download');
    await editor.root.getByRole('button', { name: /^Workshop ▾/ }).click();
    await editor.root.getByRole('menuitem', { name: 'Save workshop file (.leanmap.json)' }).click();
    const download = await downloading;
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    const names = (file.workshop.versions[0].document.stages as { name: string }[]).map((st) => st.name);
    expect(names).toContain('Run a paid pilot');
    expect(names).not.toContain('Run a pilot');
    await editor.expectSaved();
  });
});
