// The PDF's tables, one function a section: figures and inputs, bottlenecks,
// stages, transitions, the measurement plan with its readings, and the checks.
import type {
  Report,
  ReportFigureRow,
  ReportMetricRow,
  ReportStageRow,
  ReportTransitionRow,
  ReportBottleneckRow,
  ReportCheckRow,
  ReportTable,
} from '../../src-shared/domain/report/report-model';
import { gainHeader } from './labels';
import { COLORS, TYPE, type PdfFrame } from './pdf-frame';
import { drawTable, tableHeight, type CellParagraph, type TableColumn } from './pdf-table';


const MUTED = { color: COLORS.muted, size: 7.5 };
const STRONG = { bold: true };

/** Empty text as a dash, so an empty cell reads as "not given", not as a glitch. */
const dash = (text: string) => (text.trim() === '' ? '—' : text);

const bullets = (items: readonly string[], empty: string): CellParagraph[] =>
  items.length === 0 ? [{ text: empty, style: { color: COLORS.muted } }] : items.map((text) => ({ text, bullet: true, gapBefore: 3 }));

const leanSuffix = (leanClass: string) => (leanClass && leanClass !== 'value' ? ` (${leanClass})` : '');

/** Room to keep after a heading: the whole of a short table, else its first rows. */
function keepFor<Row>(frame: PdfFrame, columns: readonly TableColumn<Row>[], rows: readonly Row[], extra = 0): number {
  const height = tableHeight(frame, columns, rows) + extra;
  return height <= frame.bodyHeight * 0.6 ? height : 80;
}

export function figuresSection(frame: PdfFrame, report: Report): void {
  frame.heading('Process figures');
  frame.paragraph('What the map says the process produces, worked out from the rates, days and inputs the team entered.', {
    ...TYPE.body,
    color: COLORS.muted,
  });
  // A figure that cannot be worked out says why; that sentence belongs beside the explanation.
  const long = (r: ReportFigureRow) => r.value.value === null && r.value.kind !== 'text' && r.value.text.length > 16;
  const columns = [
    { header: 'Figure', weight: 2.2, cell: (r: ReportFigureRow) => [{ text: r.name, style: STRONG }] },
    {
      header: 'Value',
      weight: 1.4,
      align: 'right' as const,
      cell: (r: ReportFigureRow) => [long(r) ? { text: 'not available', style: { color: COLORS.muted } } : { text: r.value.text, style: STRONG }],
    },
    {
      header: 'How it was worked out',
      weight: 5,
      cell: (r: ReportFigureRow): CellParagraph[] => [
        { text: dash(r.explanation) },
        ...(long(r) ? [{ text: r.value.text, style: { color: COLORS.draft }, gapBefore: 3 }] : []),
      ],
    },
  ];
  if (report.figures.length === 0) frame.paragraph('No figures: the map has no stages yet.');
  else drawTable(frame, columns, report.figures);

  const inputColumns = [
    { header: 'Input', weight: 2.2, cell: (r: ReportFigureRow) => [{ text: r.name, style: STRONG }] },
    {
      header: 'Value',
      weight: 1.4,
      align: 'right' as const,
      cell: (r: ReportFigureRow) => [long(r) ? { text: 'not given', style: { color: COLORS.muted } } : { text: r.value.text }],
    },
    {
      header: 'Note',
      weight: 5,
      cell: (r: ReportFigureRow): CellParagraph[] => [
        { text: dash(r.explanation) },
        ...(long(r) ? [{ text: r.value.text, style: { color: COLORS.muted }, gapBefore: 3 }] : []),
      ],
    },
  ];
  frame.subheading('Process inputs', keepFor(frame, inputColumns, report.inputs));
  if (report.inputs.length === 0) frame.paragraph('No process inputs were entered.');
  else drawTable(frame, inputColumns, report.inputs);
}

export function bottlenecksSection(frame: PdfFrame, report: Report): void {
  const { bottlenecks } = report;
  const columns = [
    { header: 'Rank', weight: 0.7, align: 'right' as const, cell: (r: ReportBottleneckRow) => [{ text: String(r.rank), style: STRONG }] },
    {
      header: 'Transition',
      weight: 5,
      cell: (r: ReportBottleneckRow): CellParagraph[] => [
        { text: r.transition, style: r.top ? STRONG : {} },
        ...(r.top ? [{ text: 'Top two: focus improvement work here', style: MUTED }] : []),
      ],
    },
    { header: 'Rate now', weight: 1.2, align: 'right' as const, cell: (r: ReportBottleneckRow) => r.currentRate.text },
    { header: 'Raised to', weight: 1.2, align: 'right' as const, cell: (r: ReportBottleneckRow) => r.newRate.text },
    { header: gainHeader(report), weight: 1.5, align: 'right' as const, cell: (r: ReportBottleneckRow) => [{ text: r.gain.text, style: STRONG }] },
  ];
  frame.heading('Bottlenecks', keepFor(frame, columns, bottlenecks.rows, 60));
  frame.paragraph(bottlenecks.basis, { ...TYPE.body, color: COLORS.muted });
  if (bottlenecks.problem) frame.paragraph(bottlenecks.problem, { ...TYPE.body, color: COLORS.draft });
  if (bottlenecks.rows.length === 0) {
    if (!bottlenecks.problem) frame.paragraph('No transition has a rate that can be raised.');
    return;
  }
  drawTable(frame, columns, bottlenecks.rows, { highlight: (r) => r.top });
}

export function stagesSection(frame: PdfFrame, report: Report): void {
  frame.heading('Stages of the buying journey');
  if (report.stages.length === 0) {
    frame.paragraph('The map has no stages yet.');
    return;
  }
  const columns = [
    {
      header: 'Stage',
      weight: 1.7,
      cell: (s: ReportStageRow): CellParagraph[] => [
        { text: s.name, style: STRONG },
        { text: `Days per visit: ${s.daysPerVisit.text}`, style: MUTED, gapBefore: 4 },
        { text: `%C&A: ${s.completeAndAccurate.text}`, style: MUTED },
      ],
    },
    { header: 'Customer goal', weight: 1.9, cell: (s: ReportStageRow) => dash(s.customerGoal) },
    {
      header: 'Customer actions',
      weight: 2.4,
      cell: (s: ReportStageRow) => bullets(s.customerActions.map((a) => `${a.text}${leanSuffix(a.leanClass)}`), 'No customer action yet'),
    },
    {
      header: 'Seller actions',
      weight: 2.8,
      cell: (s: ReportStageRow): CellParagraph[] =>
        s.sellerActions.length === 0
          ? [{ text: 'No seller action', style: { color: COLORS.muted } }]
          : s.sellerActions.flatMap((a) => [
              { text: `${a.actor !== 'seller' ? `${a.actor}: ` : ''}${a.text}${leanSuffix(a.leanClass)}`, bullet: true, gapBefore: 3 },
              {
                text: a.serves.length > 0 ? `helps: ${a.serves.join('; ')}` : 'helps no customer action',
                style: { ...MUTED, color: a.serves.length > 0 ? COLORS.muted : COLORS.draft },
                indent: 9,
                gapBefore: 1,
              },
            ]),
    },
    { header: 'Exit criteria', weight: 2.1, cell: (s: ReportStageRow) => bullets(s.exitCriteria, 'No exit criteria yet') },
  ];
  drawTable(frame, columns, report.stages, { continuedLabel: (s) => `${s.name} (continued)` });
}

/** A ReportTable as a section: its heading, intro and columns, as the model defines them. */
export function textTableSection(frame: PdfFrame, table: ReportTable): void {
  const columns: TableColumn<string[]>[] = table.columns.map((c, i) => ({
    header: c.header,
    weight: c.weight,
    cell: (row: string[]) => (i === 0 ? [{ text: row[i] ?? '', style: STRONG }] : dash(row[i] ?? '')),
  }));
  frame.heading(table.title, keepFor(frame, columns, table.rows, 30));
  frame.paragraph(table.intro, { ...TYPE.body, color: COLORS.muted });
  if (table.rows.length === 0) frame.paragraph(table.empty);
  else drawTable(frame, columns, table.rows, { continuedLabel: (row) => `${row[0] ?? ''} (continued)` });
}

export function transitionsSection(frame: PdfFrame, report: Report): void {
  const columns = [
    { header: 'From', weight: 2.6, cell: (t: ReportTransitionRow) => t.from },
    { header: 'To', weight: 2.6, cell: (t: ReportTransitionRow) => t.to },
    { header: 'Kind', weight: 1.1, cell: (t: ReportTransitionRow) => t.kind },
    { header: 'Label', weight: 1.6, cell: (t: ReportTransitionRow) => dash(t.label) },
    { header: 'Conversion', weight: 1.3, align: 'right' as const, cell: (t: ReportTransitionRow) => [{ text: t.conversion.text, style: STRONG }] },
    { header: 'Source', weight: 1, cell: (t: ReportTransitionRow) => t.source },
  ];
  frame.heading('Transitions', keepFor(frame, columns, report.transitions));
  if (report.transitions.length === 0) frame.paragraph('The map has no transitions yet.');
  else drawTable(frame, columns, report.transitions);
}

function readingsCell(m: ReportMetricRow): CellParagraph[] {
  if (m.readings.length === 0) return [{ text: 'No readings yet', style: { color: COLORS.muted } }];
  return m.readings.flatMap((r) => [
    { text: `${r.date}: ${r.value.text}`, gapBefore: 3 },
    ...(r.note.trim() ? [{ text: r.note, style: MUTED, indent: 8, gapBefore: 0 }] : []),
  ]);
}

export function measurementPlanSection(frame: PdfFrame, report: Report): void {
  frame.heading('Measurement plan');
  frame.paragraph('Each metric measures the process, never a person: who owns it, where the data comes from, and how often it is reviewed.', {
    ...TYPE.body,
    color: COLORS.muted,
  });
  if (report.measurementPlan.length === 0) {
    frame.paragraph('No metrics in the plan yet.');
    return;
  }
  const columns = [
    {
      header: 'Metric',
      weight: 2.4,
      cell: (m: ReportMetricRow): CellParagraph[] => [
        { text: m.name, style: STRONG },
        ...(m.question.trim() ? [{ text: m.question, style: MUTED, gapBefore: 2 }] : []),
      ],
    },
    { header: 'Attached to', weight: 1.6, cell: (m: ReportMetricRow) => dash(m.attachedTo) },
    {
      header: 'Definition and source',
      weight: 2.8,
      cell: (m: ReportMetricRow): CellParagraph[] => [
        { text: dash(m.definition) },
        { text: `Source: ${dash(m.dataSource)}`, style: MUTED, gapBefore: 3 },
      ],
    },
    {
      header: 'Unit, kind',
      weight: 1.1,
      cell: (m: ReportMetricRow) => `${dash(m.unit)}\n${dash(m.kind)}`,
    },
    {
      header: 'Owner, review',
      weight: 1.5,
      cell: (m: ReportMetricRow): CellParagraph[] => [{ text: dash(m.ownerRole) }, { text: dash(m.cadence), style: MUTED }],
    },
    { header: 'Baseline', weight: 1.1, align: 'right' as const, cell: (m: ReportMetricRow) => m.baseline.text },
    { header: 'Target', weight: 1.1, align: 'right' as const, cell: (m: ReportMetricRow) => [{ text: m.target.text, style: STRONG }] },
    { header: 'Readings', weight: 2, cell: readingsCell },
  ];
  drawTable(frame, columns, report.measurementPlan, { continuedLabel: (m) => `${m.name} (continued)` });
}

export function checksSection(frame: PdfFrame, report: Report): void {
  const columns = [
    {
      header: 'Severity',
      weight: 1,
      cell: (c: ReportCheckRow) => [
        { text: c.severity === 'error' ? 'Error' : 'Warning', style: { bold: true, color: c.severity === 'error' ? COLORS.draft : '#8a5a00' } },
      ],
    },
    { header: 'What to look at', weight: 7, cell: (c: ReportCheckRow) => c.message },
  ];
  frame.heading('Checks', keepFor(frame, columns, report.checks, 30));
  if (report.checks.length === 0) {
    frame.paragraph('No open checks: every stage has customer actions and exit criteria, and every metric is complete.');
    return;
  }
  frame.paragraph('Points the app flags to keep the map honest. They never block the workshop; review them before the next session.', {
    ...TYPE.body,
    color: COLORS.muted,
  });
  drawTable(frame, columns, report.checks);
}
