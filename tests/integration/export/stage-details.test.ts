// What the room wrote down about each stage (pain points, stakeholders, tools and
// content, notes) reaches the leader in every format: each export is read back and
// must hold the same table, with the same columns, text as typed.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../../src-main/export/pdf-writer';
import { writeXlsx } from '../../../src-main/export/xlsx-writer';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { renderCsvFiles } from '../../../src-shared/domain/report/csv-writer';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { renderHtml } from '../../../src-shared/domain/report/html-writer';
import { renderMarkdown } from '../../../src-shared/domain/report/markdown-writer';
import { aMapDocument, aReportInput, aStage } from '../../fixtures/factories';
import { allText, readPdf, squashed } from './pdf-helpers';

const HEADERS = ['Stage', 'Pain points', 'Stakeholders', 'Tools and content', 'Notes'];

const recognise = aStage({
  name: 'Recognise the problem',
  painPoints: 'Downtime figures are nobody’s job\nFinance hears last',
  stakeholders: 'Plant manager & Łódź maintenance lead',
  toolsAndContent: 'Downtime report <Excel>',
  notes: 'Ask 山田 about the 東京 plant',
});
const compare = aStage({ name: 'Compare options', position: { x: 460, y: 0 } });
const decide = aStage({ name: 'Decide', notes: '| pipes | and *stars*', position: { x: 920, y: 0 } });
const report = buildReport(aReportInput({ document: aMapDocument({ stages: [recognise, compare, decide] }) }));

/** The rows the leader must see: stages with any detail, in map order, text as typed. */
const EXPECTED = [
  ['Recognise the problem', recognise.painPoints, recognise.stakeholders, recognise.toolsAndContent, recognise.notes],
  ['Decide', '', '', '', decide.notes],
];

const unescapeHtml = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the stage details table', () => {
  it('is built once, in the report model, for stages that have any detail', () => {
    expect(report.stageDetails.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(report.stageDetails.rows).toEqual(EXPECTED);
  });

  it('is in the HTML page, escaped, after the stages', () => {
    const html = renderHtml(report, exportTextMetrics);
    const section = /<section id="stage-details">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(html.indexOf('id="stage-details"')).toBeGreaterThan(html.indexOf('id="stages"'));
    const head = [...section.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(head).toEqual(HEADERS);
    const rows = [...section.matchAll(/<tr>((?:<td>[\s\S]*?<\/td>)+)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => unescapeHtml(c[1]!)));
    expect(rows).toEqual(EXPECTED);
    expect(section).toContain('Downtime report &lt;Excel&gt;');
  });

  it('is in the Markdown, one table row a stage', () => {
    const md = renderMarkdown(report);
    const section = md.split('## Stage details')[1]!.split('\n## ')[0]!;
    const lines = section.split('\n').filter((l) => l.startsWith('| '));
    expect(lines[0]).toBe(`| ${HEADERS.join(' | ')} |`);
    expect(lines).toHaveLength(2 + EXPECTED.length);
    expect(lines[2]).toBe(
      '| Recognise the problem | Downtime figures are nobody’s job<br>Finance hears last | Plant manager &amp; Łódź maintenance lead | Downtime report &lt;Excel&gt; | Ask 山田 about the 東京 plant |',
    );
    // Pipes in the text stay inside their cell.
    expect(lines[3]).toBe('| Decide |   |   |   | \\| pipes \\| and \\*stars\\* |');
  });

  it('is a CSV file of its own', () => {
    const file = renderCsvFiles(report).find((f) => f.name === 'stage-details.csv');
    expect(file).toBeDefined();
    expect(parse(file!.text, { bom: true })).toEqual([HEADERS, ...EXPECTED]);
  });

  it('is an XLSX sheet of its own', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Stage details')!;
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push(HEADERS.map((_, i) => row.getCell(i + 1).value ?? '')));
    expect(rows).toEqual([HEADERS, ...EXPECTED]);
  });

  it('is a section of the PDF, listed in its contents, with every text', async () => {
    const { pages } = await readPdf(await writePdf(report, { paper: 'A4' }));
    const text = allText(pages);
    expect(pages[0]!.text + (pages[1]?.text ?? '')).toContain('Stage details');
    const page = pages.find((p) => p.text.includes('Pain points') && p.text.includes('Tools and content'));
    expect(page, 'a page with the stage details table').toBeDefined();
    for (const cell of EXPECTED.flat().filter((c) => c !== '')) {
      for (const line of cell.split('\n')) expect(squashed(text)).toContain(squashed(line));
    }
  });

  it('says so when nothing was written down', () => {
    const bare = buildReport(aReportInput({ document: aMapDocument({ stages: [aStage()] }) }));
    expect(bare.stageDetails.rows).toEqual([]);
    expect(renderHtml(bare, exportTextMetrics)).toContain(bare.stageDetails.empty);
    expect(renderMarkdown(bare)).toContain(`*${bare.stageDetails.empty}*`);
    expect(parse(renderCsvFiles(bare).find((f) => f.name === 'stage-details.csv')!.text, { bom: true })).toEqual([HEADERS]);
  });

  it('is printed by the XLSX and PDF writers with the columns the report defines, not a list of their own', async () => {
    const custom = {
      ...report,
      stageDetails: {
        ...report.stageDetails,
        title: 'Room notes',
        columns: ['Step', 'Friction', 'Owner'].map((header) => ({ header, weight: 1 })),
        rows: [['Decide', 'Budget freeze', 'Dana Okafor']],
      },
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(custom)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Room notes')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Step', 'Friction', 'Owner']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Decide', 'Budget freeze', 'Dana Okafor']);
    const text = allText((await readPdf(await writePdf(custom, { paper: 'A4' }))).pages);
    for (const word of ['Room notes', 'Friction', 'Owner', 'Dana Okafor']) expect(text).toContain(word);
  });
});
