// The report as one self-contained web page: every section in the order of
// DOMAIN.md, every user text escaped, nothing that runs or loads from elsewhere.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { escapeXml } from '../../../src-shared/domain/report/escape';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { renderHtml } from '../../../src-shared/domain/report/html-writer';
import type { ReportInput } from '../../../src-shared/domain/report/report-model';
import { aHostileReportInput, aMapDocument, aMetric, aReading, aReportInput, aSignOff, HOSTILE_TEXTS } from '../../fixtures/factories';

const htmlOf = (input: ReportInput = aReportInput()) => renderHtml(buildReport(input), exportTextMetrics);

/** Every start tag, with its attributes (user text cannot open a tag: its < is escaped). */
const tags = (html: string) => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

describe('the HTML report', () => {
  it('is one HTML document with its title and inline styles', () => {
    const html = htmlOf();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Pipeline review — Current state</title>');
    expect(html).toContain('<style>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has the sections in the order a leader reads them', () => {
    const html = htmlOf(aReportInput({ metrics: [aMetric()] }));
    const order = ['class="cover"', 'id="map"', 'id="stages"', 'id="figures"', 'id="bottlenecks"', 'id="measurement-plan"', 'id="checks"'].map((s) => html.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('holds the map inline as SVG', () => {
    const html = htmlOf();
    expect(html).toMatch(/<div class="map-frame"><svg style="width: 100%; min-width: \d+px" role="img" aria-label="Process map" version="1.1"/);
    expect(html).toContain('Bottleneck #1');
  });

  it('shows the cover, figures, inputs, bottlenecks and the plan with its readings', () => {
    const html = htmlOf(aReportInput({ metrics: [aMetric({ name: 'Trial rate', readings: [aReading('2027-01-31', 38.5, 'after the trial')] })] }));
    for (const text of ['Acme Industrial', 'Sam Okafor', 'Account executive', 'Current state', 'Win rate', '7.7 %', '770,000 EUR', '25,000 EUR', 'Compare options → Build the business case', 'Trial rate', '2027-01-31: <strong>38.5 %</strong> — after the trial', 'Loops back are not ranked: sending more buyers back is more rework']) {
      expect(html).toContain(text);
    }
  });

  it('prints on A4 with the map on a landscape page, table heads repeated and sections on new pages', () => {
    const html = htmlOf();
    expect(html).toContain('@page { size: A4 portrait;');
    expect(html).toContain('@page map { size: A4 landscape;');
    expect(html).toContain('section.map-section { page: map; }');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('section { break-before: page; }');
  });

  it('escapes every stage, action and metric name', () => {
    const html = htmlOf(aHostileReportInput());
    for (const text of HOSTILE_TEXTS) expect(html).toContain(escapeXml(text));
    expect(html).not.toMatch(/<script/i);
  });

  it('runs nothing and loads nothing: no script, handler, link, source or URL outside escaped user text', () => {
    const html = htmlOf(aHostileReportInput());
    expect(html).not.toMatch(/<script/i);
    for (const tag of tags(html)) {
      expect(tag).not.toMatch(/\s(href|src|srcset|action|formaction|xlink:href|on[a-z]+)\s*=/i);
      expect(tag).not.toMatch(/:\/\/|url\(|javascript:/i);
    }
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toMatch(/url\(|@import|:\/\//i);
    // The only URLs left are inside user text, where they are inert characters.
    let rest = html;
    for (const text of HOSTILE_TEXTS) rest = rest.split(escapeXml(text)).join('');
    expect(rest).not.toMatch(/https?:\/\//i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('says DRAFT on top and on every printed page until the version is agreed', () => {
    const draft = htmlOf(aReportInput({ signOff: null }));
    expect(draft).toContain('<div class="draft-banner" role="note">DRAFT');
    expect(draft).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
    expect(draft).toContain('.watermark { display: block; position: fixed;');
    const agreed = htmlOf(aReportInput({ signOff: aSignOff({ agreedBy: ['Robin', 'Sam Okafor'] }) }));
    expect(agreed).not.toContain('DRAFT');
    expect(agreed).toContain('<span class="status-agreed">Agreed</span> on 2026-11-23 16:30 UTC by Robin, Sam Okafor');
  });

  it('of an empty workshop says what is not there yet', () => {
    const html = htmlOf(aReportInput({ document: aMapDocument(), metrics: [] }));
    expect(html).toContain('The map has no stages yet.');
    expect(html).toContain('No metrics in the measurement plan yet.');
    expect(html).toContain('No stages on the map yet');
  });

  it('is the same for the same report', () => {
    const input = aReportInput();
    expect(htmlOf(input)).toBe(htmlOf(input));
  });
});
