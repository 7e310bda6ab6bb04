// The PDF a leader prints, read back with pdfjs-dist: every stage, action and
// metric is there as text, in embedded fonts (accents and CJK intact), on the paper
// asked for, numbered "Page n of m", marked DRAFT until the version is agreed.
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../../src-main/export/pdf-writer';
import { MAX_COORDINATE, MapDocumentSchema, type MapDocument } from '../../../src-shared/domain/map-document';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { aChainMap, aReportInput } from '../../fixtures/factories';
import { aLargeReport, aReport, aTemplateReport } from '../../fixtures/report-fixture';
import { allText, readPdf, squashed } from './pdf-helpers';

const A4 = { width: 595.28, height: 841.89 };
const LETTER = { width: 612, height: 792 };

describe('the PDF of the B2B template report', async () => {
  const report = aTemplateReport();
  const data = await writePdf(report, { paper: 'A4' });
  const { pages, info } = await readPdf(data);
  const text = squashed(allText(pages));

  it('is a PDF with a cover, a map page and the tables', () => {
    expect(data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const heading of ['Process map', 'Process figures', 'Bottlenecks', 'Stages of the buying journey', 'Measurement plan', 'Checks']) {
      expect(text).toContain(squashed(heading));
    }
    // The bottleneck section says what it ranks, and why loops back are left out.
    expect(text).toContain(squashed('Loops back are not ranked: sending more buyers back is more rework, not an improvement'));
  });

  it('names every stage, every action and every metric', () => {
    for (const stage of report.stages) expect(text).toContain(squashed(stage.name));
    for (const action of report.actions) expect(text).toContain(squashed(action.text));
    for (const metric of report.measurementPlan) expect(text).toContain(squashed(metric.name));
    for (const figure of report.figures) expect(text).toContain(squashed(figure.name));
  });

  it('keeps accented and Japanese text as text', () => {
    const plain = allText(pages);
    expect(plain).toContain('Müller');
    expect(plain).toContain('Łódź');
    expect(plain).toContain('東京');
    expect(plain).toContain('山田 太郎');
  });

  it('marks every page DRAFT and numbers it "Page n of m"', () => {
    pages.forEach((page, i) => {
      expect(page.text).toContain('DRAFT');
      expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]?.text).toContain('DRAFT — not agreed');
  });

  it('is A4: portrait pages for text, a landscape page for the map', () => {
    expect(pages[0]).toMatchObject({ width: expect.closeTo(A4.width, 1), height: expect.closeTo(A4.height, 1) });
    const mapPage = pages.find((p) => p.text.includes('Process map') && !p.text.includes('Contents'));
    expect(mapPage).toMatchObject({ width: expect.closeTo(A4.height, 1), height: expect.closeTo(A4.width, 1) });
    for (const page of pages) expect([A4.width, A4.height]).toContainEqual(expect.closeTo(Math.min(page.width, page.height), 1));
  });

  it('draws the map as vector graphics with its text, not as a picture', () => {
    const mapPage = pages.find((p) => p.text.includes('Process map') && !p.text.includes('Contents'));
    expect(squashed(mapPage?.text ?? '')).toContain(squashed(report.stages[0]?.name ?? '?'));
    // CJK inside the SVG's text is drawn in Noto Sans JP, so it is text too.
    expect(mapPage?.text).toContain('東京');
    expect(data.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('embeds subsets of Noto Sans and Noto Sans JP, never a standard font', () => {
    const raw = data.toString('latin1');
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSans-Bold/);
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansJP/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont\s*\/Helvetica/);
  });

  it('carries the workshop in its metadata, dated when the report was generated', () => {
    expect(info).toMatchObject({ Creator: 'Leanmap', Author: 'Jürgen Müller', CreationDate: 'D:20261124093000Z' });
    expect(String(info.Title)).toContain('Acme renewal');
  });
});

describe('PDF options and states', () => {
  it('prints on US Letter when asked', async () => {
    const { pages } = await readPdf(await writePdf(aReport(), { paper: 'Letter' }));
    expect(pages[0]).toMatchObject({ width: LETTER.width, height: LETTER.height });
    for (const page of pages) expect(Math.min(page.width, page.height)).toBe(LETTER.width);
  });

  it('says who agreed an agreed version, and shows no DRAFT anywhere', async () => {
    const { pages } = await readPdf(await writePdf(aTemplateReport({ agreed: true }), { paper: 'A4' }));
    const text = allText(pages);
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('Agreed by Jürgen Müller, Dana Lee on 2026-11-23');
    pages.forEach((page, i) => expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('gives the same bytes for the same report', async () => {
    const report = aReport();
    const [first, second] = [await writePdf(report, { paper: 'A4' }), await writePdf(report, { paper: 'A4' })];
    expect(first.equals(second)).toBe(true);
  });
});

describe('tables that run over several pages', () => {
  it('repeat their header row on every page they reach', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `Journey step ${i + 1}`);
    const { pages } = await readPdf(await writePdf(aReport({ stageNames: names }), { paper: 'A4' }));
    const stagePages = pages.filter((p) => /Days per visit:/.test(p.text));
    expect(stagePages.length).toBeGreaterThan(2);
    for (const page of stagePages) {
      expect(page.text).toContain('Customer goal');
      expect(page.text).toContain('Exit criteria');
    }
    const text = squashed(allText(pages));
    for (const name of names) expect(text).toContain(squashed(name));
  });

  it('split a row taller than a page between lines, and say it continues', async () => {
    const report = aReport({ stageNames: ['Long stage', 'Short stage'] });
    const long = report.stages[0];
    if (!long) throw new Error('fixture');
    long.customerActions = Array.from({ length: 120 }, (_, i) => ({ text: `Customer step number ${i + 1} of the long stage`, leanClass: 'value' }));
    const { pages } = await readPdf(await writePdf(report, { paper: 'A4' }));
    const text = squashed(allText(pages));
    for (let i = 1; i <= 120; i++) expect(text).toContain(squashed(`Customer step number ${i} of the long stage`));
    const continued = pages.filter((p) => p.text.includes('Long stage (continued)'));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) expect(page.text).toContain('Customer actions');
  });
});

describe('a map too large for one page', () => {
  it('follows the whole map with numbered parts at a legible scale, every stage in one of them', async () => {
    const report = aLargeReport(40);
    const { pages } = await readPdf(await writePdf(report, { paper: 'A4' }));
    const parts = pages.filter((p) => /Process map, part \d+ of \d+/.test(p.text));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.text).toContain(`part 1 of ${parts.length}`);
    for (const part of parts) expect(part.width).toBeGreaterThan(part.height);
    const partText = parts.map((p) => p.text).join('\n');
    for (const stage of report.stages) expect(partText).toMatch(new RegExp(`${stage.name}\\b`));
  });
});

describe('a map with cards at the far corners of the allowed area', () => {
  it('prints in parts only where there are cards, quickly (not one page per empty tile)', async () => {
    const { doc, stages } = aChainMap(2, { filled: true });
    const far: MapDocument = {
      ...doc,
      stages: [
        { ...stages[0]!, position: { x: -MAX_COORDINATE, y: -MAX_COORDINATE } },
        { ...stages[1]!, position: { x: MAX_COORDINATE - 400, y: MAX_COORDINATE - 2000 } },
      ],
    };
    expect(MapDocumentSchema.safeParse(far).success).toBe(true);
    const started = Date.now();
    const { pages } = await readPdf(await writePdf(buildReport(aReportInput({ document: far })), { paper: 'A4' }));
    expect(Date.now() - started).toBeLessThan(20_000);
    const parts = pages.filter((p) => /Process map, part \d+ of \d+/.test(p.text));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.length).toBeLessThanOrEqual(6);
  });
});
