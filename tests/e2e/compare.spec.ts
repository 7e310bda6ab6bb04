// Current state against future state, as a facilitator uses it: make a Future state
// from the template, change three things, open Compare, read the figures and the ranked
// changes, step through them with the keyboard, turn one into an improvement idea, then
// export and find the comparison in the PDF and the XLSX Changes sheet.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import type { EditorPage } from './pages/EditorPage';

const TITLE = 'Renewals 2027';
const RECOGNISE = 'Recognise the problem';
const DEFINE = 'Define what good looks like';
const COMPARE = 'Compare options';
/** Conversions of today's map, by "source → target" name: the figures can be worked out. */
const RATES: Record<string, number> = {
  'stage-1>stage-2': 0.7,
  'stage-2>stage-3': 0.6,
  'stage-3>stage-4': 0.5,
  'stage-3>outcome-lost': 0.3,
  'stage-4>stage-5': 0.6,
  'stage-4>stage-3': 0.2,
  'stage-5>outcome-won': 0.55,
};

async function pdfText(path: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages.join('\n');
  } finally {
    await pdf.destroy();
  }
}
const squashed = (text: string) => text.replace(/\s+/g, '');

/** Today's rates and buyers per month, entered the quick way (the figures specs cover typing them). */
async function rateTodaysMap(editor: EditorPage): Promise<void> {
  const workshop = await editor.callApi<{ versions: { id: string }[] }>('workshop.get', { id: editor.workshopId() });
  const versionId = workshop.value!.versions[0]!.id;
  const map = await editor.callApi<{ revision: number; document: { stages: { id: string; name: string }[]; outcomes: { id: string; kind: string }[]; transitions: { source: string; target: string; conversionRate: number | null }[]; process: Record<string, unknown> } }>('map.get', { versionId });
  const doc = map.value!.document;
  const key = (id: string) => {
    const stage = doc.stages.findIndex((s) => s.id === id);
    return stage >= 0 ? `stage-${stage + 1}` : `outcome-${doc.outcomes.find((o) => o.id === id)!.kind}`;
  };
  for (const t of doc.transitions) t.conversionRate = RATES[`${key(t.source)}>${key(t.target)}`] ?? null;
  doc.process = { ...doc.process, entriesPerPeriod: 200, averageDealSize: 20000 };
  const saved = await editor.callApi('map.save', { versionId, revision: map.value!.revision, document: doc });
  expect(saved.ok).toBe(true);
  await editor.page.reload();
  await editor.waitUntilOpen();
}

test.describe('Compare a future state with the current state', () => {
  test('three changes: figures side by side, ranked worth, a stepper, an idea from a change, and the comparison in the PDF and XLSX', async ({ library, editor, page }, testInfo) => {
    testInfo.setTimeout(150_000);
    await library.createWorkshop({ title: TITLE, organisation: 'Acme', template: 'b2b' });
    await editor.waitUntilOpen();
    await rateTodaysMap(editor);

    // A Future state, copied from the Current state.
    await editor.chooseFromWorkshopMenu('New version…');
    await expect(editor.newVersionDialog).toBeVisible();
    await editor.newVersionDialog.getByLabel('Name', { exact: true }).fill('Future state');
    await editor.newVersionDialog.getByRole('button', { name: 'Create version', exact: true }).click();
    await expect(editor.selectedVersion).toHaveText('Future state');

    // Three changes: a better conversion, a renamed stage, a new customer action.
    await editor.selectStage(RECOGNISE);
    await editor.outgoingConversion(DEFINE).fill('85');
    await editor.outgoingConversion(DEFINE).press('Enter');
    await editor.nameStage('Notice the cost of downtime');
    await editor.selectStage(COMPARE);
    await editor.addCustomerAction('Runs a two-week trial');
    await editor.expectSaved();

    await editor.showView('Compare');
    await expect(editor.compare.getByRole('combobox', { name: 'Before' }).locator('option:checked')).toHaveText('Current state');
    await expect(editor.compare.getByRole('combobox', { name: 'After' }).locator('option:checked')).toHaveText('Future state');
    await expect(editor.compare.getByTestId('compare-note')).toHaveCount(0);

    // Figures side by side: the win rate went up, and says by how much.
    await expect(editor.compareFigure('Win rate')).toContainText(/\+[\d.]+ pts/);
    // What each change is worth: the conversion first, in wins per month.
    await expect(editor.compareWorth.first()).toContainText('Transition');
    await expect(editor.compareWorth.first()).toContainText(/\+[\d.]+ wins per period/);
    await expect(editor.compare.getByText(/^Only together:/)).toBeVisible();
    await expect(editor.compareChanges).toHaveCount(3);

    // Step through the changes with the keyboard; each is named above the maps.
    await expect(editor.compareStep).toHaveText('3 changes');
    await page.keyboard.press('ArrowRight');
    await expect(editor.compareStep).toHaveText('Change 1 of 3');
    await expect(editor.compareFocus).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(editor.compareStep).toHaveText('Change 3 of 3');
    await expect(editor.compareFocus).toContainText('Runs a two-week trial');
    await page.keyboard.press('ArrowLeft');
    await expect(editor.compareStep).toHaveText('Change 2 of 3');
    await expect(editor.compare.getByTestId('compare-map-after').locator('svg text', { hasText: 'Δ' }).first()).toBeVisible();

    // The conversion change becomes an improvement idea in one step, its effect filled in.
    const rateChange = editor.compareChanges.filter({ hasText: 'Conversion: 70 %' });
    await rateChange.getByRole('button', { name: 'Make an idea' }).click();
    await expect(rateChange.getByRole('button', { name: 'Idea made ✓' })).toBeDisabled();
    const ideas = await editor.callApi<{ idea: string; effects: { kind: string; rate?: number }[] }[]>('improvement.list', { workshopId: editor.workshopId() });
    expect(ideas.value).toHaveLength(1);
    expect(ideas.value![0]!.idea).toContain('Conversion: 70 % → Conversion: 85 %');
    expect(ideas.value![0]!.effects).toEqual([expect.objectContaining({ kind: 'conversion', rate: 0.85 })]);

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: testInfo.outputPath('compare-1280x720.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: testInfo.outputPath('compare-1920x1080.png') });

    // Exported: the comparison in the PDF text and the XLSX Changes sheet.
    const dir = testInfo.outputPath('downloads');
    const { files } = await editor.exportReport(['PDF', 'Excel (XLSX)'], dir);
    await editor.closeExportDialog();
    const pdf = squashed(await pdfText(join(dir, files.find((f) => f.endsWith('.pdf'))!)));
    expect(pdf).toContain(squashed('Compared with “Current state”'));
    expect(pdf).toContain(squashed('Figures compared'));
    expect(pdf).toContain(squashed('Transition changed'));
    expect(pdf).toContain(squashed('Before: Current state'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, files.find((f) => f.endsWith('.xlsx'))!))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Changes');
    expect(sheet, 'the workbook has a Changes sheet').toBeDefined();
    const cells = sheet!.getSheetValues().flat().map(String);
    expect(cells).toContain('Transition changed');
    expect(cells).toContain('Customer action added');
    expect(cells.some((c) => c.includes('Notice the cost of downtime'))).toBe(true);
  });
});
