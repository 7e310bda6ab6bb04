// The report as Markdown: the same sections as the web page, as headings, lists and
// tables. User text is escaped so it can never become Markdown (or HTML) structure.
import { coverFacts } from './cover-facts';
import { textTableOf } from './data-table';
import { formatTimestamp } from './format';
import type { Report, ReportFigureRow, ReportTable } from './report-model';

/** ASCII punctuation that Markdown (CommonMark + GFM tables) could read as structure. */
const INLINE = /[\\`*_[\]|~]/g;

/**
 * User text for a Markdown paragraph, list item or table cell: punctuation that could
 * format, link or split a cell is backslash-escaped; & < > become entities, so no
 * entity, HTML tag or autolink can start; a leading character that would start a
 * heading, list, quote or rule is escaped; line breaks become <br>, so one value
 * stays one cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) =>
      line
        .trim()
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(INLINE, (c) => `\\${c}`)
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2'),
    )
    .join('<br>');
}

const md = escapeMarkdown;

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (numeric.includes(i) ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

function cover(report: Report): string[] {
  const c = report.cover;
  const facts: [string, string][] = coverFacts(c).map((f) => [
    f.label,
    f.kind === 'text' ? md(f.value) : f.agreed ? `**Agreed** ${md(f.detail)}` : '**Draft**, not agreed yet',
  ]);
  return [
    `# ${md(c.title || 'Leanmap report')}`,
    ...(report.draft ? ['', '> **DRAFT**: this map version has not been agreed yet.'] : []),
    '',
    `Sales process map and measurement plan · ${md(c.versionName)}`,
    '',
    table(['About', ' '], facts.map(([a, b]) => [a, b])),
    '',
    '## Participants',
    '',
    c.participants.length === 0 ? '*No participants recorded.*' : table(['Participant', 'Role'], c.participants.map((p) => [md(p.name), md(p.role)])),
  ];
}

/** The comparison with the source version: figures and ranked changes (the marked maps are pictures: PDF and HTML). */
function comparisonSection(report: Report): string[] {
  const c = report.comparison;
  if (!c) return [];
  const sub = (lines: string[]) => [lines[0]!.replace(/^## /, '### '), ...lines.slice(1)];
  return [
    `## ${md(c.heading)}`,
    '',
    ...c.intro.flatMap((p) => [md(p), '']),
    ...sub(textTableSection(c.figures)),
    '',
    ...sub(textTableSection(c.changes)),
    '',
    `Both maps side by side, with what was added (+), removed (−) and changed (Δ) marked on them, are in the PDF and HTML exports.`,
  ];
}

function mapSection(report: Report): string[] {
  const rows = report.transitions.map((t) => [md(t.from), md(t.to), t.kind, md(t.label), md(t.conversion.text)]);
  return [
    '## The map',
    '',
    'The picture of the map is in the SVG, PNG, PDF and HTML exports. Its arrows, with their conversion rates:',
    '',
    rows.length === 0 ? '*No transitions on the map yet.*' : table(['From', 'To', 'Kind', 'Label', 'Conversion'], rows, [4]),
  ];
}

function bullets(items: readonly string[], empty: string): string[] {
  return items.length === 0 ? [`*${empty}*`] : items.map((i) => `- ${i}`);
}

function stagesSection(report: Report): string[] {
  const out = ['## Stages'];
  if (report.stages.length === 0) return [...out, '', '*The map has no stages yet.*'];
  report.stages.forEach((s, i) => {
    const lean = (c: string) => (c ? ` (${c})` : '');
    out.push('', `### ${i + 1}. ${md(s.name)}`, '');
    if (s.customerGoal.trim()) out.push(`*Customer goal:* ${md(s.customerGoal)}`, '');
    out.push(`Days per visit: ${md(s.daysPerVisit.text)} · %C&A: ${md(s.completeAndAccurate.text)}`, '');
    out.push('**Customer actions**', '', ...bullets(s.customerActions.map((a) => `${md(a.text)}${lean(a.leanClass)}`), 'none yet'), '');
    out.push(
      '**Seller actions**',
      '',
      ...bullets(
        s.sellerActions.map((a) => {
          const actor = a.actor === 'seller' ? '' : ` \\[${md(a.actor)}\\]`;
          const serves = a.serves.length > 0 ? `, helps: ${md(a.serves.join('; '))}` : a.actor === 'seller' ? ', helps no customer action' : '';
          return `${md(a.text)}${actor}${lean(a.leanClass)}${serves}`;
        }),
        'none yet',
      ),
      '',
    );
    out.push('**Exit criteria**', '', ...bullets(s.exitCriteria.map(md), 'none yet'));
  });
  return out;
}

/** A ReportTable as a section: heading, intro, and its rows (or what it says when empty). */
function textTableSection(t: ReportTable): string[] {
  return [
    `## ${md(t.title)}`,
    '',
    md(t.intro),
    '',
    t.rows.length === 0 ? `*${md(t.empty)}*` : table(t.columns.map((c) => c.header), t.rows.map((row) => row.map(md))),
  ];
}

function figureTable(rows: readonly ReportFigureRow[], head: string): string {
  return table([head, 'Value', 'How it is worked out'], rows.map((r) => [md(r.name), md(r.value.text), md(r.explanation)]), [1]);
}

function figuresSection(report: Report): string[] {
  return ['## Process figures', '', figureTable(report.figures, 'Figure'), '', '### Inputs', '', figureTable(report.inputs, 'Input')];
}

function bottlenecksSection(report: Report): string[] {
  const b = report.bottlenecks;
  const rows = b.rows.map((r) => [`${r.rank}${r.top ? ' (focus)' : ''}`, md(r.transition), md(r.currentRate.text), md(r.newRate.text), md(r.gain.text)]);
  return [
    '## Bottlenecks',
    '',
    md(b.basis),
    ...(b.problem ? ['', `*${md(b.problem)}*`] : []),
    '',
    rows.length === 0 ? '*No transition to rank yet.*' : table(['Rank', 'Transition', 'Conversion today', 'After the step', 'Gain'], rows, [2, 3, 4]),
  ];
}

function planSection(report: Report): string[] {
  const rows = report.measurementPlan.map((m) => [
    `**${md(m.name)}**${m.question.trim() ? `<br>${md(m.question)}` : ''}`,
    md(m.definition),
    md(m.attachedTo),
    `${md(m.kind)}, ${md(m.unit)}`,
    md(m.dataSource),
    md(m.ownerRole),
    md(m.cadence),
    md(m.baseline.text),
    md(m.target.text),
    m.readings.map((r) => `${md(r.date)}: ${md(r.value.text)}${r.note.trim() ? ` (${md(r.note)})` : ''}`).join('<br>'),
  ]);
  return [
    '## Measurement plan',
    '',
    rows.length === 0
      ? '*No metrics in the measurement plan yet.*'
      : table(['Metric', 'Definition', 'Measured at', 'Kind and unit', 'Data source', 'Owner', 'Cadence', 'Baseline', 'Target', 'Readings'], rows, [7, 8]),
  ];
}

function checksSection(report: Report): string[] {
  return [
    '## Checks',
    '',
    ...(report.checks.length === 0
      ? ['No open checks.']
      : report.checks.map((c) => `- **${c.severity === 'error' ? 'Error' : 'Check'}:** ${md(c.message)}`)),
  ];
}

/** The whole report as one Markdown document. */
export function renderMarkdown(report: Report): string {
  const c = report.cover;
  const sections = [
    cover(report),
    textTableSection(textTableOf(report.executiveSummary)),
    mapSection(report),
    ...(report.comparison ? [comparisonSection(report)] : []),
    stagesSection(report),
    textTableSection(report.stageDetails),
    figuresSection(report),
    bottlenecksSection(report),
    textTableSection(textTableOf(report.improvementPlan)),
    planSection(report),
    checksSection(report),
    // The facilitation records close the report: what the room decided and left for later.
    ...report.records.map(textTableSection),
    [`*Generated ${md(formatTimestamp(c.generatedAt))} by Leanmap ${md(c.appVersion)}.${report.draft ? ' DRAFT: not agreed.' : ''}*`],
  ];
  return sections.map((s) => s.join('\n')).join('\n\n') + '\n';
}
