// A version copied from another is exported with its comparison: the figures side by
// side, the ranked changes with their worth (one table definition, read back from PDF,
// HTML, Markdown, XLSX and CSV), and both maps with their change marks.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../../src-main/export/pdf-writer';
import { writeXlsx } from '../../../src-main/export/xlsx-writer';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { renderCsvFiles } from '../../../src-shared/domain/report/csv-writer';
import { renderHtml } from '../../../src-shared/domain/report/html-writer';
import { renderMarkdown } from '../../../src-shared/domain/report/markdown-writer';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { aReportInput, aTypedB2bTemplate, aWorkshopMeta } from '../../fixtures/factories';
import { call, useTempDirs } from '../../fixtures/backend';
import { allText, readPdf, squashed } from './pdf-helpers';

/** Today's map, and a future state with three changes: a better rate, a faster stage, a removed action. */
function aCurrentAndFuture() {
  const current = aTypedB2bTemplate();
  const future: MapDocument = structuredClone(current);
  const [first, second] = future.stages;
  future.transitions = future.transitions.map((t) => (t.source === first!.id && t.target === second!.id ? { ...t, conversionRate: 0.85 } : t));
  future.stages = future.stages.map((s, i) => (i === 2 ? { ...s, daysPerVisit: 4 } : i === 1 ? { ...s, actions: s.actions.slice(1) } : s));
  return { current, future, firstName: first!.name, secondName: second!.name };
}

const { current, future, firstName, secondName } = aCurrentAndFuture();
const report = buildReport(
  aReportInput({ versionName: 'Future state', document: future, source: { versionName: 'Current state', document: current } }),
);

describe('the comparison section of a report', () => {
  it('is there only when the version has a source', () => {
    expect(buildReport(aReportInput()).comparison).toBeUndefined();
    expect(report.comparison?.heading).toBe('Compared with “Current state”');
  });

  it('ranks the valued changes first, with their worth, and adds up with what they are worth only together', () => {
    const rows = report.comparison!.changes.rows;
    expect(rows[0]!.slice(0, 4)).toEqual(['1', firstName, 'Transition changed', `${firstName} → ${secondName}`]);
    expect(rows[0]![6]).toMatch(/^\+[\d.]+ wins per month$|^\+[\d.]+ wins per period$/);
    expect(rows.map((r) => r[2])).toContain('Customer action removed');
    expect(rows.at(-2)![2]).toBe('Only together');
    expect(rows.at(-1)![2]).toBe('Total');
  });

  it('shows every compared figure old → new, with the difference', () => {
    const winRate = report.comparison!.figures.rows.find((r) => r[0] === 'Win rate')!;
    expect(winRate[3]).toMatch(/^\+[\d.]+ pts$/);
    expect(report.comparison!.figures.rows.at(-1)![0]).toBe('Top bottlenecks');
    const valueAdded = report.comparison!.figures.rows.find((r) => r[0] === 'Value-added ratio')!;
    expect(valueAdded[3]).toBe('no change');
  });

  it('marks the changed arrow and stages on the maps, with shape and sign', () => {
    const { before, after } = report.comparison!.maps;
    expect(Object.values(after.marks)).toContain('changed');
    expect(Object.keys(before.marks).length).toBeGreaterThan(0);
    const html = renderHtml(report, exportTextMetrics);
    const section = /<section id="comparison">([\s\S]*?)<\/section>\n<section id="stages">/.exec(html)?.[1] ?? '';
    expect(section).toContain('>Δ</text>');
    expect(section).toContain('>Changed</text>');
    expect(section.match(/<svg /g)?.length).toBe(2);
  });

  it('is in the Markdown, with both tables', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('## Compared with “Current state”');
    expect(md).toContain('### Changes');
    expect(md).toContain('| Rank | Stage | Change | What | Before | After | Worth alone |');
  });

  it('is a Changes file and a Figures compared file in the CSV export', () => {
    const files = new Map(renderCsvFiles(report).map((f) => [f.name, f.text]));
    const rows = parse(files.get('changes.csv')!, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Rank', 'Stage', 'Change', 'What', 'Before', 'After', 'Worth alone']);
    expect(rows[1]![2]).toBe('Transition changed');
    expect(files.has('comparison-figures.csv')).toBe(true);
  });

  it('is a Changes sheet in the XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Changes')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Rank', 'Stage', 'Change', 'What', 'Before', 'After', 'Worth alone']);
    expect(String(sheet.getRow(2).getCell(3).value)).toBe('Transition changed');
    expect(workbook.getWorksheet('Figures compared')).toBeDefined();
  });

  it('is in the PDF: the tables and both marked maps', async () => {
    const { pages } = await readPdf(await writePdf(report, { paper: 'A4' }));
    const text = squashed(allText(pages));
    expect(text).toContain(squashed('Compared with “Current state”'));
    expect(text).toContain(squashed('Transition changed'));
    expect(text).toContain(squashed('Only together'));
    expect(text).toContain(squashed('Before: Current state'));
    expect(text).toContain(squashed('After: Future state'));
  }, 60_000);
});

describe('exporting a version made from another', () => {
  const temp = useTempDirs();
  it('compares it with its source; the first version has no comparison', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Compare' }), template: 'b2b-buying-journey' });
    const source = workshop.versions[0]!;
    const made = await call(backend, 'map.createVersion', { fromVersionId: source.id, name: 'Future state' });
    const map = await call(backend, 'map.get', { versionId: made.id });
    const doc = structuredClone(map.document);
    doc.stages[0]!.name = 'Notice the problem';
    await call(backend, 'map.save', { versionId: made.id, revision: map.revision, document: doc });
    const [md] = (await call(backend, 'export.build', { versionId: made.id, format: 'md' })).files;
    expect(md!.data).toContain('## Compared with “Current state”');
    expect(md!.data).toContain('Notice the problem');
    const [first] = (await call(backend, 'export.build', { versionId: source.id, format: 'md' })).files;
    expect(first!.data).not.toContain('Compared with');
  });
});
