// The map as a standalone SVG: well-formed XML that PDF and PNG renderers can draw,
// every user text escaped, nothing that runs or loads, DRAFT while not agreed.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { escapeXml } from '../../../src-shared/domain/report/escape';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { renderMapSvg } from '../../../src-shared/domain/report/svg-writer';
import type { ReportMap } from '../../../src-shared/domain/report/report-model';
import { monospaceMetrics } from '../../fixtures/text-metrics';
import { aChainMap, aHostileReportInput, aReportInput, aSignOff, aStage, aMapDocument, HOSTILE_TEXTS } from '../../fixtures/factories';

type XmlNode = Record<string, unknown>;

/** Every element name and every text of an SVG document, entities decoded. */
function readSvg(svg: string): { elements: string[]; texts: string[]; attributes: string[] } {
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false }).parse(svg) as XmlNode[];
  const elements: string[] = [];
  const texts: string[] = [];
  const attributes: string[] = [];
  const decode = (s: string) => s.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '#text') texts.push(decode(String(value)));
        else if (key === ':@') attributes.push(...Object.entries(value as Record<string, string>).map(([k, v]) => `${k.slice(2)}=${v}`));
        else {
          elements.push(key);
          walk(value as XmlNode[]);
        }
      }
    }
  };
  walk(parsed);
  return { elements, texts, attributes };
}

// No clipPath or mask either: resvg 2.6 can abort the whole process on a clip path outside its view.
const ALLOWED_ELEMENTS = new Set(['?xml', 'svg', 'title', 'g', 'rect', 'path', 'line', 'text', 'tspan']);

function svgOf(input = aReportInput()) {
  const report = buildReport(input);
  return renderMapSvg(report.map, { metrics: exportTextMetrics, draft: report.draft, title: `${report.cover.title} — ${report.cover.versionName}` });
}

describe('the map SVG', () => {
  it('is a well-formed SVG 1.1 document with its size and view box', () => {
    const report = buildReport(aReportInput());
    const svg = renderMapSvg(report.map, { metrics: exportTextMetrics, draft: true, title: 'Pipeline review' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1"')).toBe(true);
    const { map } = report;
    expect(svg).toContain(`width="${map.width}" height="${map.height}" viewBox="${map.x} ${map.y} ${map.width} ${map.height}"`);
    expect(svg).toContain("font-family=\"'Noto Sans', 'Noto Sans JP'");
  });

  it('draws every stage, outcome and label of the map', () => {
    const report = buildReport(aReportInput());
    const { texts } = readSvg(renderMapSvg(report.map, { metrics: exportTextMetrics, draft: false, title: 'x' }));
    for (const node of report.map.nodes) for (const line of node.titleLines!) expect(texts).toContain(line);
    for (const edge of report.map.edges.filter((e) => e.label)) expect(texts).toContain(edge.label);
    expect(texts).toEqual(expect.arrayContaining(['Bottleneck #1', 'Bottleneck #2', 'CUSTOMER DOES', 'WE DO', 'EXIT CRITERIA']));
  });

  it('uses only plain drawing elements: no script, no foreignObject, no image, no link', () => {
    const { elements, attributes } = readSvg(svgOf(aHostileReportInput()));
    expect(elements.filter((e) => !ALLOWED_ELEMENTS.has(e))).toEqual([]);
    // The only reference is the SVG namespace.
    expect(attributes.filter((a) => /https?:|href|url\(|clip|mask|filter/i.test(a))).toEqual(['xmlns=http://www.w3.org/2000/svg']);
    expect(attributes.some((a) => /^on/i.test(a))).toBe(false);
  });

  it('escapes every stage name, and reads them back as they were typed', () => {
    const svg = svgOf(aHostileReportInput());
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script/i);
    const { texts } = readSvg(svg);
    for (const text of HOSTILE_TEXTS) {
      expect(svg).toContain(escapeXml(text));
      expect(texts).toContain(text);
    }
  });

  it('drops control characters XML cannot hold', () => {
    const stage = aStage({ name: 'Bell\u0007 and escape\u001b' });
    const svg = svgOf(aReportInput({ document: aMapDocument({ stages: [stage] }) }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(readSvg(svg).texts).toContain('Bell and escape');
  });

  it('says DRAFT across the picture until the version is agreed', () => {
    expect(svgOf(aReportInput({ signOff: null }))).toContain('>DRAFT</text>');
    expect(svgOf(aReportInput({ signOff: aSignOff() }))).not.toContain('DRAFT');
  });

  it('of an empty map says so', () => {
    const svg = svgOf(aReportInput({ document: aMapDocument() }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(readSvg(svg).texts).toContain('No stages on the map yet');
  });

  it('for inline use in HTML leaves out the XML declaration and the namespace', () => {
    const report = buildReport(aReportInput());
    const svg = renderMapSvg(report.map, { metrics: exportTextMetrics, draft: false, title: 'x', inline: true });
    expect(svg.startsWith('<svg version="1.1"')).toBe(true);
    expect(svg).not.toContain('http');
  });

  it('of 200 stages is well-formed and holds every card', () => {
    const { doc } = aChainMap(200, { filled: true });
    const svg = svgOf(aReportInput({ document: doc }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(readSvg(svg).texts.filter((t) => /^Stage \d+$/.test(t))).toHaveLength(200);
  });
});

describe('text another font draws', () => {
  // An outcome pill 200 wide at x = 0: its title is centred at x = 100, bold 24 px.
  const pill = (title: string): ReportMap => ({
    x: 0,
    y: 0,
    width: 240,
    height: 100,
    edges: [],
    nodes: [{ id: 'o', kind: 'outcome', outcomeKind: 'won', x: 0, y: 0, width: 200, height: 64, title, titleLines: [title], sections: [], error: null }],
  });

  it('stays plain text, centred by the renderer, when the picture\'s own font draws all of it', () => {
    const svg = renderMapSvg(pill('Won'), { metrics: monospaceMetrics, draft: false, title: 'x' });
    expect(svg).toMatch(/<text x="100" y="[\d.]+" font-size="24" font-weight="bold" text-anchor="middle" fill="#15803d">Won<\/text>/);
  });

  it('becomes one <tspan> per font, each placed where the run before it ends, by the metrics the layout used', () => {
    // "ab" is 2 × 0.6 × 24 = 28.8 wide, "東京" 2 × 24 = 48: 76.8 in all, so it starts at 100 − 38.4.
    const svg = renderMapSvg(pill('ab東京'), { metrics: monospaceMetrics, draft: false, title: 'x' });
    expect(svg).toContain(
      '<tspan x="61.6" font-family="Noto Sans" xml:space="preserve">ab</tspan><tspan x="90.4" font-family="Mono Wide" xml:space="preserve">東京</tspan>',
    );
    expect(svg).not.toMatch(/<text[^>]*text-anchor[^>]*><tspan/);
  });
});
