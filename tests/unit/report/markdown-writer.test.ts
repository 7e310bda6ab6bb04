// The report as Markdown: the same sections as the web page, and user text that
// stays text whatever characters it holds.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { escapeMarkdown, renderMarkdown } from '../../../src-shared/domain/report/markdown-writer';
import type { ReportInput } from '../../../src-shared/domain/report/report-model';
import { aHostileReportInput, aMapDocument, aMetric, aReading, aReportInput, aSignOff, HOSTILE_TEXTS } from '../../fixtures/factories';

const mdOf = (input: ReportInput = aReportInput()) => renderMarkdown(buildReport(input));

describe('the Markdown report', () => {
  it('has the sections in the order a leader reads them', () => {
    const md = mdOf();
    const headings = md.split('\n').filter((l) => /^##? /.test(l));
    expect(headings).toEqual([
      '# Pipeline review',
      '## Participants',
      '## Executive summary',
      '## The map',
      '## Stages',
      '## Stage details',
      '## Process figures',
      '## Bottlenecks',
      '## Improvement plan',
      '## Measurement plan',
      '## Checks',
      '## Decisions',
      '## Parking lot',
      '## Voting rounds',
    ]);
  });

  it('contains every stage with its actions and exit criteria', () => {
    const report = buildReport(aReportInput());
    const md = renderMarkdown(report);
    for (const stage of report.stages) {
      expect(md).toContain(`. ${stage.name}\n`);
      for (const a of stage.customerActions) expect(md).toContain(`- ${a.text}`);
      for (const c of stage.exitCriteria) expect(md).toContain(`- ${c}\n`);
    }
  });

  it('shows figures, bottlenecks and the plan as tables', () => {
    const md = mdOf(aReportInput({ metrics: [aMetric({ name: 'Trial rate', readings: [aReading('2027-01-31', 38.5, 'after the trial')] })] }));
    expect(md).toContain('| Win rate | 7.7 % |');
    expect(md).toContain('| 1 (focus) | Compare options → Build the business case | 50 % | 60 % | \\+7 |');
    expect(md).toContain('2027-01-31: 38.5 % (after the trial)');
    expect(md).toContain('| --- | ---: |');
    expect(md).toContain('Ranked: each forward transition (to a later stage) and each transition to Won');
    expect(md).toContain('Loops back are not ranked: sending more buyers back is more rework, not an improvement');
  });

  it('contains every stage, escaped so it cannot become markup, a heading, a list or a table cell', () => {
    const md = mdOf(aHostileReportInput());
    for (const text of HOSTILE_TEXTS) expect(md).toContain(escapeMarkdown(text));
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toMatch(/<script/i);
    expect(md).toContain('### 5. \\-2\n');
    expect(md).toContain('### 4. \\+1\n');
    expect(md).toContain('### 7. Müller\n');
    expect(md).toContain('### 9. 東京\n');
  });

  it('escapes pipes and line breaks in table cells, and leading structure characters', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('first\nsecond')).toBe('first<br>second');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('> not a quote')).toBe('&gt; not a quote');
    expect(escapeMarkdown('<b>not bold</b>')).toBe('&lt;b&gt;not bold&lt;/b&gt;');
    expect(escapeMarkdown('27.5 days')).toBe('27.5 days');
    expect(escapeMarkdown('*not* _emphasis_ [not](a link) `code`')).toBe('\\*not\\* \\_emphasis\\_ \\[not\\](a link) \\`code\\`');
    expect(escapeMarkdown('&lt; stays as typed')).toBe('&amp;lt; stays as typed');
  });

  it('says DRAFT until the version is agreed', () => {
    expect(mdOf(aReportInput({ signOff: null }))).toContain('> **DRAFT**: this map version has not been agreed yet.');
    const agreed = mdOf(aReportInput({ signOff: aSignOff() }));
    expect(agreed).not.toContain('DRAFT');
    expect(agreed).toContain('| Status | **Agreed** on 2026-11-23 16:30 UTC by Robin, Sam Okafor |');
  });

  it('of an empty workshop says what is not there yet', () => {
    const md = mdOf(aReportInput({ document: aMapDocument(), metrics: [] }));
    expect(md).toContain('*The map has no stages yet.*');
    expect(md).toContain('*No metrics in the measurement plan yet.*');
  });
});
