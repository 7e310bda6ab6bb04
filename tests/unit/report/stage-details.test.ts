// The stage details table is defined once (src-shared/domain/report/stage-details.ts)
// and every pure writer prints it from the report: the columns as defined, the rows
// of the stages that have any detail, and a sentence when none has.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src-shared/domain/report/build-report';
import { renderCsvFiles } from '../../../src-shared/domain/report/csv-writer';
import { exportTextMetrics } from '../../../src-main/export/font-metrics';
import { renderHtml } from '../../../src-shared/domain/report/html-writer';
import { renderMarkdown } from '../../../src-shared/domain/report/markdown-writer';
import type { Report } from '../../../src-shared/domain/report/report-model';
import { STAGE_DETAIL_COLUMNS, stageDetailsTable } from '../../../src-shared/domain/report/stage-details';
import { aMapDocument, aReportInput, aStage } from '../../fixtures/factories';

describe('stageDetailsTable', () => {
  it('has the stage, then pain points, stakeholders, tools and content, and notes', () => {
    expect(STAGE_DETAIL_COLUMNS.map((c) => c.header)).toEqual(['Stage', 'Pain points', 'Stakeholders', 'Tools and content', 'Notes']);
    expect(stageDetailsTable([]).columns.map((c) => c.header)).toEqual(STAGE_DETAIL_COLUMNS.map((c) => c.header));
  });

  it('lists, in map order, only the stages with a detail that is more than white space', () => {
    const table = stageDetailsTable([
      aStage({ name: 'First', painPoints: 'Slow answers' }),
      aStage({ name: 'Blank', notes: '  \n ', stakeholders: '\t' }),
      aStage({ name: '  ', toolsAndContent: 'ROI calculator' }),
      aStage({ name: 'Last', stakeholders: 'CFO', notes: 'Line one\nLine two' }),
    ]);
    expect(table.rows).toEqual([
      ['First', 'Slow answers', '', '', ''],
      ['Unnamed stage', '', '', 'ROI calculator', ''],
      ['Last', '', 'CFO', '', 'Line one\nLine two'],
    ]);
  });

  it('is part of every report built', () => {
    const report = buildReport(aReportInput({ document: aMapDocument({ stages: [aStage({ name: 'Decide', painPoints: 'Budget freeze' })] }) }));
    expect(report.stageDetails.rows).toEqual([['Decide', 'Budget freeze', '', '', '']]);
  });
});

describe('every pure writer prints the table as the report defines it', () => {
  // Renamed columns and one extra: a writer with its own list of columns would miss them.
  const base = buildReport(aReportInput());
  const report: Report = {
    ...base,
    stageDetails: {
      ...base.stageDetails,
      title: 'What the room noted',
      columns: ['Step', 'Friction', 'People', 'Material', 'Remarks', 'Owner'].map((header) => ({ header, weight: 1 })),
      rows: [['Decide', 'Budget freeze', 'CFO', 'ROI sheet', 'Ask in May', 'Dana']],
    },
  };

  it('HTML', () => {
    const html = renderHtml(report, exportTextMetrics);
    expect(html).toContain('<h2>What the room noted</h2>');
    expect(html).toContain('<th scope="col">Owner</th>');
    expect(html).toContain('<td>Dana</td>');
  });

  it('Markdown', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('## What the room noted');
    expect(md).toContain('| Step | Friction | People | Material | Remarks | Owner |');
    expect(md).toContain('| Decide | Budget freeze | CFO | ROI sheet | Ask in May | Dana |');
  });

  it('CSV', () => {
    const file = renderCsvFiles(report).find((f) => f.name === 'stage-details.csv')!;
    expect(parse(file.text, { bom: true })).toEqual([
      ['Step', 'Friction', 'People', 'Material', 'Remarks', 'Owner'],
      ['Decide', 'Budget freeze', 'CFO', 'ROI sheet', 'Ask in May', 'Dana'],
    ]);
  });
});
