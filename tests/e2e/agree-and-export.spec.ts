// Agreeing and exporting, as a facilitator closes a workshop: the report in every
// format while the map is still a draft (each file read back with a real parser:
// accents and Japanese intact, hostile text kept as text, DRAFT everywhere), then
// the version marked agreed by the participants, its PDF without DRAFT and with
// their sign-off, and a new editable version started from it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from './fixtures';
import { EXPORT_FORMAT_LABELS, type EditorPage } from './pages/EditorPage';
import type { LibraryPage } from './pages/LibraryPage';

// ——— The workshop as typed in the room ———

const TITLE = 'Müller Łódź renewal';
const ORGANISATION = '東京 Trading';
const PEOPLE = [
  { name: 'Anna Müller', role: 'Head of sales' },
  { name: '山田 太郎', role: 'CFO' },
] as const;
/** How the sign-off names each person: "Name (Role)". */
const SIGNED = PEOPLE.map((p) => `${p.name} (${p.role})`);

const RECOGNISE = 'Recognise the problem';
const DEFINE = 'Define what good looks like';
const COMPARE = 'Compare options';
const BUSINESS_CASE = 'Build the business case';
const DECIDE = 'Decide and commit';
/** "Compare options", renamed by someone testing the tool. */
const HOSTILE = '<script>alert(1)</script>';
const HOSTILE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const STAGES = [RECOGNISE, DEFINE, HOSTILE, BUSINESS_CASE, DECIDE];
/** Conversions typed in the "Leads to" rows, in percent. */
const CONVERSIONS = [
  { from: RECOGNISE, to: DEFINE, typed: '60' },
  { from: DEFINE, to: HOSTILE, typed: '70' },
] as const;
const METRIC = 'Win rate';
/** A pain point the room named for "Recognise the problem", with an emoji and a formula-looking start. */
const PAIN_POINT = ' =Nobody owns the downtime figures 🔥';

const CSV_TABLES = ['executive-summary', 'stages', 'stage-details', 'actions', 'transitions', 'figures', 'inputs', 'bottlenecks', 'metrics', 'readings', 'improvements', 'checks', 'decisions', 'parking-lot', 'votes'];
const XLSX_SHEETS = ['Executive summary', 'Cover', 'Stages', 'Stage details', 'Actions', 'Transitions', 'Metrics', 'Readings', 'Figures', 'Bottlenecks', 'Improvements', 'Checks', 'Decisions', 'Parking lot', 'Voting rounds'];

/** The map version the report is of. */
const VERSION = 'Current state';
/** Every report file is named after the workshop and the version. */
const STEM = `${TITLE} – ${VERSION}`;

/** Every file one export in all formats gives, for a workshop dated `date` (the workshop file carries the date). */
function expectedFiles(date: string): string[] {
  const stem = STEM;
  return [
    `${stem}.pdf`,
    `${stem}.html`,
    `${stem}.md`,
    `${stem}.xlsx`,
    ...CSV_TABLES.map((t) => `${stem} ${t}.csv`),
    `${stem} map.png`,
    `${stem} map@2x.png`,
    `${stem} map@4x.png`,
    `${stem} map.svg`,
    `${TITLE} ${date}.leanmap.json`,
  ];
}

// ——— Reading the files back ———

/** The text of a PDF, page by page (pdfjs-dist, the legacy build for Node). */
async function pdfText(path: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages.join('\n');
  } finally {
    await pdf.destroy();
  }
}

/** Text with every white space removed, for text that wraps across lines. */
const squashed = (text: string) => text.replace(/\s+/g, '');

/** A PNG's size from its IHDR chunk, after checking the signature. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect([...data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(data.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Every text node of parsed XML (fast-xml-parser, preserveOrder), in document order. */
function xmlTexts(nodes: unknown): string[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: Record<string, unknown>) =>
    Object.entries(node).flatMap(([key, value]) => (key === '#text' ? [String(value)] : key === ':@' ? [] : xmlTexts(value))),
  );
}

/** A CSV file: the UTF-8 byte-order mark checked and taken off, the rest parsed. */
async function readCsv(path: string): Promise<string[][]> {
  const text = await readFile(path, 'utf8');
  expect(text.charCodeAt(0), `${path} starts with a byte-order mark`).toBe(0xfeff);
  return parseCsv(text.slice(1), { relax_column_count: false }) as string[][];
}

// ——— The workshop, built through the UI ———

/** Creates the workshop, adds its participants, renames a stage, types conversions and adds a metric. Returns its date. */
async function prepareWorkshop(library: LibraryPage, editor: EditorPage): Promise<string> {
  await library.createWorkshop({ title: TITLE, organisation: ORGANISATION, template: 'b2b' });
  await editor.waitUntilOpen();
  await expect(editor.page.getByText(ORGANISATION, { exact: true })).toBeVisible();
  const date = await editor.addParticipants(PEOPLE);
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await editor.fitToScreen();
  await editor.selectStage(COMPARE);
  await editor.nameStage(HOSTILE);
  for (const way of CONVERSIONS) {
    await editor.selectStage(way.from);
    const field = editor.outgoingConversion(way.to);
    await editor.typeInto(field, way.typed);
    await field.press('Tab');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }

  await editor.selectStage(RECOGNISE);
  await editor.typeInto(editor.stageDetail('Pain points'), PAIN_POINT);
  await editor.stageDetail('Pain points').press('Tab');

  await editor.showView('Measurement plan');
  await editor.plan.getByRole('button', { name: `Add ${METRIC}`, exact: true }).click();
  await expect(editor.metricRow(METRIC)).toBeVisible();
  await editor.showView('Map');
  await editor.expectSaved();
  return date;
}

/** The names of the stage cards on the canvas, once every card is in view. */
async function stageNamesOnCanvas(editor: EditorPage): Promise<string[]> {
  await editor.fitToScreen();
  const labels = await editor.stageCards.evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/^Stage /, '')).sort();
}

test.describe('Agreeing and exporting the map', () => {
  test('a draft exported in every format: each file opens, says DRAFT, keeps accents, Japanese and hostile text as text', async ({
    library,
    editor,
  }, testInfo) => {
    testInfo.setTimeout(120_000);
    const date = await prepareWorkshop(library, editor);

    const dir = testInfo.outputPath('downloads');
    await editor.exportButton.click();
    await expect(editor.exportDialog.getByTestId('export-draft-note')).toContainText('DRAFT');
    await expect(editor.exportDialog.getByTestId('export-where')).toHaveText('One file downloads as it is; several download together as one zip.');
    await editor.exportDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    const { download, files: names } = await editor.exportReport(EXPORT_FORMAT_LABELS, dir);
    const expected = expectedFiles(date);
    expect(download, 'every format comes as one zip named after the workshop and version').toBe(`${STEM}.zip`);
    expect([...names].sort()).toEqual([...expected].sort());
    await expect(editor.exportDialog.getByTestId('export-result')).toHaveText(
      `${expected.length} files saved to your downloads folder, in "${STEM}.zip".`,
    );
    await editor.closeExportDialog();
    const file = (suffix: string) => join(dir, `${STEM}${suffix}`);

    // PDF: DRAFT, every stage (the hostile one as plain text), the metric, accents and Japanese.
    const pdf = await pdfText(file('.pdf'));
    expect(pdf).toContain('DRAFT');
    for (const stage of STAGES) expect(squashed(pdf), `the PDF names "${stage}"`).toContain(squashed(stage));
    expect(pdf).toContain(METRIC);
    for (const word of ['Müller', 'Łódź', '東京']) expect(pdf).toContain(word);
    expect(squashed(pdf), 'the pain point, emoji intact').toContain(squashed(PAIN_POINT));

    // HTML: no script anywhere (the hostile name escaped), nothing fetched from the web, DRAFT.
    const html = await readFile(file('.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(HOSTILE_ESCAPED);
    expect(html.replace(/\sxmlns(?::[\w-]+)?="[^"]*"/g, '')).not.toMatch(/https?:\/\//i);
    expect(html).toContain('DRAFT');
    for (const word of ['Müller', 'Łódź', '東京', METRIC, PAIN_POINT.trim()]) expect(html).toContain(word);

    // Markdown: DRAFT, the hostile name as entities.
    const md = await readFile(file('.md'), 'utf8');
    expect(md).toContain('DRAFT');
    expect(md).not.toMatch(/<script/i);
    expect(md).toContain(HOSTILE_ESCAPED);
    expect(md).toContain('Łódź');
    expect(md).toContain('Nobody owns the downtime figures 🔥');

    // SVG: well-formed XML, the hostile name escaped in the source and plain text once parsed.
    const svg = await readFile(file(' map.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain(HOSTILE_ESCAPED);
    const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(svg);
    const svgRoot = (parsed as Record<string, unknown>[]).find((n) => 'svg' in n);
    expect(svgRoot, 'the root element is <svg>').toBeTruthy();
    const svgText = squashed(xmlTexts(parsed).join(''));
    expect(svgText).toContain('DRAFT');
    for (const stage of STAGES) expect(svgText, `the SVG names "${stage}"`).toContain(squashed(stage));

    // XLSX: the sheets, the stages as text, the conversion as a number.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(XLSX_SHEETS);
    const stageColumn = workbook.getWorksheet('Stages')!.getColumn(1).values.slice(2);
    expect(stageColumn).toEqual(expect.arrayContaining(STAGES));
    const transitions = workbook.getWorksheet('Transitions')!;
    const transitionRows: { from: unknown; to: unknown; conversion: unknown }[] = [];
    transitions.eachRow((row, n) => {
      if (n > 1) transitionRows.push({ from: row.getCell(1).value, to: row.getCell(2).value, conversion: row.getCell(5).value });
    });
    for (const way of CONVERSIONS) {
      const row = transitionRows.find((r) => r.from === way.from && r.to === way.to);
      expect(row, `a Transitions row ${way.from} → ${way.to}`).toBeTruthy();
      expect(typeof row!.conversion).toBe('number');
      expect(row!.conversion).toBeCloseTo(Number(way.typed) / 100, 10);
    }
    const metricNames = workbook.getWorksheet('Metrics')!.getColumn(1).values.slice(2);
    expect(metricNames).toContain(METRIC);
    const painCell = workbook.getWorksheet('Stage details')!.getRow(2).getCell(2);
    expect(painCell.value, 'the pain point as typed, in a text cell').toBe(PAIN_POINT);
    expect(painCell.numFmt).toBe('@');
    const cover = JSON.stringify(workbook.getWorksheet('Cover')!.getSheetValues());
    expect(cover).toContain('DRAFT');
    expect(cover).toContain('Łódź');

    // CSV: a byte-order mark, then RFC 4180 that parses; numbers as plain numbers.
    const tables: Record<string, string[][]> = {};
    for (const table of CSV_TABLES) tables[table] = await readCsv(file(` ${table}.csv`));
    expect(tables.stages![0]![0]).toBe('Stage');
    expect(tables.stages!.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(STAGES));
    expect(tables.transitions![0]).toEqual(['From', 'To', 'Kind', 'Label', 'Conversion (%)', 'Rate source']);
    for (const way of CONVERSIONS) {
      const row = tables.transitions!.find((r) => r[0] === way.from && r[1] === way.to);
      expect(row, `a transitions.csv row ${way.from} → ${way.to}`).toBeTruthy();
      expect(Number(row![4])).toBe(Number(way.typed));
    }
    expect(tables.metrics!.slice(1).map((r) => r[0])).toContain(METRIC);
    // The stage details the room wrote down, defused as text.
    expect(tables['stage-details']![0]).toEqual(['Stage', 'Pain points', 'Stakeholders', 'Tools and content', 'Notes']);
    expect(tables['stage-details']!.slice(1)).toEqual([[RECOGNISE, `'${PAIN_POINT}`, '', '', '']]);

    // PNG: the map at 1×, 2× and 4×.
    const sizes = await Promise.all(['', '@2x', '@4x'].map(async (s) => pngSize(await readFile(file(` map${s}.png`)))));
    const [one, two, four] = sizes as [{ width: number; height: number }, { width: number; height: number }, { width: number; height: number }];
    expect(one.width).toBeGreaterThan(100);
    expect(two.width).toBe(one.width * 2);
    expect(four.width).toBe(one.width * 4);
    expect(two.height).toBe(one.height * 2);
    expect(four.height).toBe(one.height * 4);

    // JSON: the lossless workshop file, with the participants and the plan.
    const envelope = JSON.parse(await readFile(join(dir, `${TITLE} ${date}.leanmap.json`), 'utf8'));
    expect(envelope.format).toBe('leanmap.workshop');
    expect(envelope.workshop.meta.title).toBe(TITLE);
    expect(envelope.workshop.meta.organisation).toBe(ORGANISATION);
    expect(envelope.workshop.meta.participants.map((p: { name: string }) => p.name)).toEqual(PEOPLE.map((p) => p.name));
    expect(envelope.workshop.versions).toHaveLength(1);
    expect(envelope.workshop.versions[0].signOff).toBeNull();
    expect(envelope.workshop.versions[0].document.stages.map((s: { name: string }) => s.name).sort()).toEqual([...STAGES].sort());
    expect(envelope.workshop.versions[0].metrics.map((m: { name: string }) => m.name)).toContain(METRIC);
  });

  test('marked agreed by both participants: read-only, a final PDF with their sign-off, and a Future state to go on with', async ({
    page,
    library,
    editor,
  }, testInfo) => {
    testInfo.setTimeout(120_000);
    await prepareWorkshop(library, editor);
    const stagesBefore = await stageNamesOnCanvas(editor);
    expect(stagesBefore).toEqual([...STAGES].sort());
    await expect(editor.selectedVersion).toHaveText('Current state');

    // Nobody picked: the dialog refuses, says why, and stays open.
    const dialog = await editor.openAgreeDialog('Current state');
    const who = dialog.getByRole('group', { name: 'Who agreed' });
    for (const person of PEOPLE) await expect(who.getByRole('checkbox', { name: new RegExp(`^${person.name}`) })).not.toBeChecked();
    await dialog.getByRole('button', { name: 'Mark agreed', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Pick at least one person who agreed.');
    await expect(dialog).toBeVisible();
    await expect(editor.agreedBanner).toHaveCount(0);

    // Both picked: agreed.
    for (const person of PEOPLE) await who.getByRole('checkbox', { name: new RegExp(`^${person.name}`) }).check();
    await dialog.getByRole('button', { name: 'Mark agreed', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(editor.agreedBanner).toBeVisible();
    await expect(editor.agreedBanner).toContainText('Agreed');
    await expect(editor.agreedBanner).toContainText(SIGNED.join(', '));
    await expect(editor.agreedBanner).toContainText('read-only');

    // Read-only: no new stages, the inspector's fields cannot be typed in, nothing more to agree.
    await expect(editor.selectedVersion).toHaveText('Current state (agreed)');
    await expect(editor.addStageButton).toBeDisabled();
    await editor.fitToScreen();
    await editor.selectStage(RECOGNISE);
    await expect(editor.stageName).not.toBeEditable();
    await expect(editor.customerGoal).not.toBeEditable();
    await expect(editor.outgoingConversion(DEFINE)).not.toBeEditable();
    await expect(editor.outgoingConversion(DEFINE)).toHaveValue('60');
    await editor.workshopMenuButton.click();
    await expect(editor.workshopMenuItem('Mark "Current state" agreed…')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Workshop' })).toHaveCount(0);

    // The final PDF: no DRAFT, the sign-off names both participants.
    const dir = testInfo.outputPath('downloads');
    await editor.exportButton.click();
    await expect(editor.exportDialog).toBeVisible();
    await expect(editor.exportDialog.getByTestId('export-draft-note')).toHaveCount(0);
    await editor.exportDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    const { download, files: names } = await editor.exportReport(['PDF'], dir);
    expect(download).toBe(`${STEM}.pdf`);
    expect(names).toEqual([`${STEM}.pdf`]);
    await editor.closeExportDialog();
    const pdf = await pdfText(join(dir, names[0]!));
    expect(pdf).not.toContain('DRAFT');
    expect(pdf).toContain('Agreed');
    for (const signed of SIGNED) expect(squashed(pdf), `the sign-off names ${signed}`).toContain(squashed(signed));
    for (const stage of STAGES) expect(squashed(pdf)).toContain(squashed(stage));

    // "New version from it…": an editable copy named Future state.
    await editor.agreedBanner.getByRole('button', { name: 'New version from it…', exact: true }).click();
    await expect(editor.newVersionDialog).toBeVisible();
    await expect(editor.newVersionDialog).toContainText('It starts as a copy of “Current state”.');
    const name = editor.newVersionDialog.getByLabel('Name', { exact: true });
    await expect(name).toHaveValue('Future state');
    await editor.newVersionDialog.getByRole('button', { name: 'Create version', exact: true }).click();
    await expect(editor.newVersionDialog).toBeHidden();
    await expect(editor.selectedVersion).toHaveText('Future state');
    await expect(editor.versionSelect.locator('option')).toHaveText(['Current state (agreed)', 'Future state']);
    await expect(editor.agreedBanner).toHaveCount(0);
    await expect(editor.addStageButton).toBeEnabled();
    expect(await stageNamesOnCanvas(editor)).toEqual(stagesBefore);
    await editor.selectStage(RECOGNISE);
    await expect(editor.stageName).toBeEditable();
    await expect(editor.outgoingConversion(DEFINE)).toHaveValue('60');
    await expect(editor.outgoingConversion(DEFINE)).toBeEditable();
    await editor.workshopMenuButton.click();
    await expect(editor.workshopMenuItem('Mark "Future state" agreed…')).toBeEnabled();
    await page.keyboard.press('Escape');

    // The library shows the workshop as agreed.
    await editor.backToLibrary();
    const row = library.row(TITLE);
    await expect(row).toBeVisible();
    await expect(row.locator('.status')).toHaveText('Agreed');
    await expect(row).toContainText(ORGANISATION);
  });
});
