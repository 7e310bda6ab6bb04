// Properties of every text export, over generated hostile user text: it never
// becomes HTML or SVG structure (the output is parsed, not grepped), never becomes
// Markdown structure, and no CSV cell can be read as a formula. The same report
// with plain text in every field is the yardstick for what structure is Leanmap's own.
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { renderCsvFiles } from '../../../src-shared/domain/report/csv-writer';
import { renderHtml } from '../../../src-shared/domain/report/html-writer';
import { renderMarkdown } from '../../../src-shared/domain/report/markdown-writer';
import { renderMapSvg } from '../../../src-shared/domain/report/svg-writer';
import { aHostileReportInput } from '../../fixtures/factories';
import { hostileTexts } from '../../fixtures/hostile-text';
import { FORMULA_LIKE, FORMULA_LIKE_ANYWHERE_IN_FRONT } from '../../fixtures/spreadsheet-formula';

const RUNS = Number(process.env.LEANMAP_PROPERTY_RUNS ?? 60);
const SEED = 20261122;
/** Harmless text in every embedded font (Latin, Japanese, emoji), so the <tspan>s of font fallback count as Leanmap's own structure. */
const plainTwin = (texts: readonly string[]) => texts.map((_, i) => `Plain text ${i + 1} 東京 😀`);
const reportOf = (texts: readonly string[]) => buildReport(aHostileReportInput(texts));

interface Element {
  tag: string;
  attrs: { name: string; value: string }[];
}

/** Every element of an HTML document as a browser's parser (parse5, the WHATWG algorithm) builds it. */
function htmlElements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: { nodeName: string; tagName?: string; attrs?: Element['attrs']; childNodes?: unknown[]; content?: unknown }) => {
    if (node.tagName) out.push({ tag: node.tagName, attrs: node.attrs ?? [] });
    for (const child of node.childNodes ?? []) walk(child as Parameters<typeof walk>[0]);
    if (node.content) walk(node.content as Parameters<typeof walk>[0]);
  };
  walk(parseHtml(html) as unknown as Parameters<typeof walk>[0]);
  return out;
}

/** Every element of an XML document, with its attributes. */
function xmlElements(xml: string): Element[] {
  const out: Element[] = [];
  const walk = (nodes: Record<string, unknown>[]) => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@' || key === '#text' || key === '?xml') continue;
        const attrs = Object.entries((node[':@'] as Record<string, string>) ?? {}).map(([name, v]) => ({ name: name.replace(/^@_/, ''), value: String(v) }));
        out.push({ tag: key, attrs });
        walk(value as Record<string, unknown>[]);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, preserveOrder: true, processEntities: true }).parse(xml) as Record<string, unknown>[]);
  return out;
}

const names = (elements: Element[]) => ({
  tags: new Set(elements.map((e) => e.tag)),
  attrs: new Set(elements.flatMap((e) => e.attrs.map((a) => `${e.tag}@${a.name}`))),
});

/** What hostile text got in: element or attribute names Leanmap's own page does not have, handlers, script URLs. */
function intruders(hostile: Element[], yardstick: Element[]): string[] {
  const own = names(yardstick);
  const found: string[] = [];
  for (const e of hostile) {
    if (!own.tags.has(e.tag)) found.push(`<${e.tag}>`);
    for (const a of e.attrs) {
      if (!own.attrs.has(`${e.tag}@${a.name}`)) found.push(`${e.tag}@${a.name}`);
      if (/^on/i.test(a.name)) found.push(`${e.tag}@${a.name} (a handler)`);
      if (/^\s*(javascript|data|vbscript):/i.test(a.value) && !/^data:image\/|^data:font\//.test(a.value)) found.push(`${e.tag}@${a.name}=${a.value.slice(0, 30)}`);
    }
  }
  return [...new Set(found)];
}

describe('user text in the HTML report', () => {
  it('never becomes an element, an attribute, a handler or a script URL', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(hostileTexts, (texts) => {
        const hostile = htmlElements(renderHtml(reportOf(texts), exportTextMetrics));
        const yardstick = htmlElements(renderHtml(reportOf(plainTwin(texts)), exportTextMetrics));
        expect(intruders(hostile, yardstick)).toEqual([]);
        expect(hostile.filter((e) => e.tag === 'script')).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('user text in the SVG map', () => {
  it('keeps the SVG well-formed XML and never becomes an element or an attribute', () => {
    fc.assert(
      fc.property(hostileTexts, (texts) => {
        const svg = renderMapSvg(reportOf(texts).map, { metrics: exportTextMetrics, draft: true, title: texts.join(' ') });
        expect(XMLValidator.validate(svg)).toBe(true);
        const yardstick = renderMapSvg(reportOf(plainTwin(texts)).map, { metrics: exportTextMetrics, draft: true, title: 'Plain' });
        expect(intruders(xmlElements(svg), xmlElements(yardstick))).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** Markdown characters that are structure when not backslash-escaped, counted in the whole document. */
function markdownStructure(md: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const bump = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  const withoutBreaks = md.replace(/<br>/g, ' ');
  for (let i = 0; i < withoutBreaks.length; i += 1) {
    const c = withoutBreaks[i]!;
    if (!'<>[]`*_|~'.includes(c)) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && withoutBreaks[j] === '\\'; j -= 1) slashes += 1;
    if (slashes % 2 === 0) bump(c);
  }
  for (const line of md.split('\n')) {
    const start = /^\s{0,3}(#{1,6}\s|[-+*]\s|>|\d{1,9}[.)]\s|[-=_*]{3,}\s*$|```|~~~|<)/.exec(line)?.[1]?.trim();
    if (start) bump(`line starting ${start.replace(/\d+/, 'N')}`);
  }
  return counts;
}

describe('user text in the Markdown report', () => {
  it('adds no Markdown structure: the same unescaped syntax as the report with plain text', () => {
    fc.assert(
      fc.property(hostileTexts, (texts) => {
        expect(markdownStructure(renderMarkdown(reportOf(texts)))).toEqual(markdownStructure(renderMarkdown(reportOf(plainTwin(texts)))));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** Every text cell of every CSV file (numbers are read as numbers, as a spreadsheet would). */
function csvTextCells(texts: readonly string[]): string[] {
  return renderCsvFiles(reportOf(texts)).flatMap((file) =>
    (parseCsv(file.text, { bom: true, relax_column_count: true }) as string[][]).flat().filter((cell) => cell !== '' && Number.isNaN(Number(cell))),
  );
}

describe('user text in the CSV files', () => {
  it('never starts a cell the way a formula starts (= + - @, tab, line break) unless defused with a quote', () => {
    fc.assert(
      fc.property(hostileTexts, (texts) => {
        expect(csvTextCells(texts).filter((cell) => FORMULA_LIKE.test(cell))).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never hides a formula behind spaces, a no-break space or a fullwidth sign', () => {
    fc.assert(
      fc.property(hostileTexts, (texts) => {
        expect(csvTextCells(texts).filter((cell) => FORMULA_LIKE_ANYWHERE_IN_FRONT.test(cell))).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
