// The print-ready PDF of a report (pdfkit, fonts embedded and subset): a cover,
// the map as vector graphics on a landscape page, then the figures, bottlenecks,
// stages, transitions, measurement plan and checks as tables.
import { textTableOf } from '../../src-shared/domain/report/data-table';
import type { Report } from '../../src-shared/domain/report/report-model';
import { COLORS, PdfFrame, TYPE, type Paper } from './pdf-frame';
import {
  bottlenecksSection,
  checksSection,
  figuresSection,
  measurementPlanSection,
  stagesSection,
  textTableSection,
  transitionsSection,
} from './pdf-sections';
import { mapPages, markedMapPage } from './pdf-map';
import { mapScene } from '../../src-shared/domain/report/map-scene';
import { exportTextMetrics } from './font-metrics';
import { drawTable } from './pdf-table';
import type { TextStyle } from './pdf-text';

export interface PdfOptions {
  paper: Paper;
}

interface ContentsEntry {
  title: string;
  page: number;
}

const dash = (text: string) => (text.trim() === '' ? '—' : text);

/** A label above a value, in a column; returns the height used. */
function fact(frame: PdfFrame, label: string, value: string, x: number, y: number, width: number): number {
  let h = frame.text.text(label.toUpperCase(), x, y, width, TYPE.label);
  h += frame.text.text(dash(value), x, y + h + 1, width, { ...TYPE.body, size: 10.5 });
  return h + 1;
}

function statusBox(frame: PdfFrame, report: Report): void {
  const { cover } = report;
  const agreed = !report.draft && cover.signOff;
  const title = agreed ? 'Agreed' : 'DRAFT — not agreed';
  const detail = [
    agreed
      ? `Agreed by ${cover.signOff?.agreedBy.join(', ') || '—'} on ${cover.signOff?.agreedAt.slice(0, 10) ?? ''}.`
      : 'This map version has not been signed off: the map, figures and plan may still change.',
    // A withdrawn agreement stays on the record of its version, with its reason.
    ...(cover.agreementNotes ?? []).map((note) => `Note: ${note}`),
  ].join('\n');
  const width = frame.width;
  const titleStyle: TextStyle = { size: 13, bold: true, color: agreed ? COLORS.agreed : COLORS.draft };
  const titleLines = frame.text.layout(title, width - 28, titleStyle);
  const detailLines = frame.text.layout(detail, width - 28, TYPE.body);
  const height = [...titleLines, ...detailLines].reduce((s, l) => s + l.height, 0) + 20;
  const { doc } = frame;
  doc.rect(frame.left, frame.y, width, height).fill(agreed ? COLORS.agreedSoft : COLORS.draftSoft);
  doc.rect(frame.left, frame.y, 4, height).fill(agreed ? COLORS.agreed : COLORS.draft);
  let y = frame.y + 10;
  y += frame.text.draw(titleLines, frame.left + 16, y);
  frame.text.draw(detailLines, frame.left + 16, y);
  frame.y += height + 18;
}

/** The cover; returns where the contents list goes, filled in once page numbers are known. */
function coverPage(frame: PdfFrame, report: Report, sectionCount: number): { x: number; y: number; width: number } {
  const { cover } = report;
  const { doc } = frame;
  frame.addPage('portrait');
  doc.rect(0, 0, doc.page.width, 10).fill(COLORS.accent);
  frame.y = 70;
  frame.y += frame.text.text('SALES PROCESS MAP AND MEASUREMENT PLAN', frame.left, frame.y, frame.width, { ...TYPE.label, color: COLORS.accent, size: 9 });
  frame.y += 6;
  frame.y += frame.text.text(dash(cover.title), frame.left, frame.y, frame.width, TYPE.title);
  const org = [cover.organisation, cover.team].filter((t) => t.trim() !== '').join(' · ');
  if (org) frame.y += frame.text.text(org, frame.left, frame.y + 2, frame.width, TYPE.subtitle) + 2;
  frame.y += 20;
  statusBox(frame, report);

  const colWidth = (frame.width - 24) / 3;
  const facts: [string, string][] = [
    ['Workshop date', cover.date],
    ['Facilitator', cover.facilitator],
    ['Map version', cover.versionName],
    ['Segment', cover.scope.segment],
    ['Offering', cover.scope.offering],
    ['Ideal customer', cover.scope.idealCustomer],
  ];
  for (let row = 0; row < facts.length; row += 3) {
    let height = 0;
    facts.slice(row, row + 3).forEach(([label, value], i) => {
      height = Math.max(height, fact(frame, label, value, frame.left + i * (colWidth + 12), frame.y, colWidth));
    });
    frame.y += height + 12;
  }
  if (cover.objective.trim()) {
    frame.y += fact(frame, 'Objective', cover.objective, frame.left, frame.y, frame.width) + 14;
  }

  frame.subheading('Participants', 40);
  if (cover.participants.length === 0) frame.paragraph('No participants recorded.');
  else {
    drawTable(
      frame,
      [
        { header: 'Name', weight: 1, cell: (p: { name: string; role: string }) => dash(p.name) },
        { header: 'Role', weight: 1, cell: (p: { name: string; role: string }) => dash(p.role) },
      ],
      cover.participants,
    );
  }
  // Contents: a heading and one line a section, written after the pages exist.
  frame.ensure(30 + sectionCount * 16);
  frame.subheading('Contents', sectionCount * 16);
  const at = { x: frame.left, y: frame.y, width: frame.width };
  frame.y += sectionCount * 16;
  return at;
}

function contents(frame: PdfFrame, at: { x: number; y: number; width: number }, entries: readonly ContentsEntry[]): void {
  const range = frame.doc.bufferedPageRange();
  frame.doc.switchToPage(range.start);
  entries.forEach((entry, i) => {
    const y = at.y + i * 16;
    frame.text.text(`${i + 1}   ${entry.title}`, at.x, y, at.width - 60, { ...TYPE.body, size: 10 });
    frame.text.text(String(entry.page), at.x + at.width - 60, y, 60, { ...TYPE.body, size: 10, bold: true }, 'right');
    frame.doc
      .moveTo(at.x, y + 15)
      .lineTo(at.x + at.width, y + 15)
      .lineWidth(0.4)
      .dash(1, { space: 2 })
      .strokeColor(COLORS.rule)
      .stroke()
      .undash();
  });
}

/** The report's timestamp; a broken one must not stop the export (the epoch, visibly wrong, instead). */
function validDate(iso: string): Date {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

interface PdfSection {
  title: string;
  layout: 'portrait' | 'landscape';
  draw: () => void;
  /** The section starts its own pages (map pages). */
  ownPages?: boolean;
}

/** The comparison with the source version: its tables, then both maps with their change marks. */
function comparisonSections(frame: PdfFrame, report: Report): PdfSection[] {
  const c = report.comparison;
  if (!c) return [];
  const scene = (side: 'before' | 'after') => mapScene(c.maps[side].map, { metrics: exportTextMetrics, draft: false, marks: c.maps[side].marks });
  const caption = (side: 'before' | 'after') =>
    `${side === 'before' ? 'Before' : 'After'}: ${c.maps[side].versionName} · + (circle) added, − (square) removed, Δ (diamond) changed.`;
  return [
    {
      title: c.heading,
      layout: 'landscape',
      draw: () => {
        frame.heading(c.heading);
        for (const p of c.intro) frame.paragraph(p);
        textTableSection(frame, c.figures);
        textTableSection(frame, c.changes);
      },
    },
    {
      title: 'Compared maps',
      layout: 'landscape',
      ownPages: true,
      draw: () => {
        markedMapPage(frame, `Before: ${c.maps.before.versionName}`, caption('before'), scene('before'));
        markedMapPage(frame, `After: ${c.maps.after.versionName}`, caption('after'), scene('after'));
      },
    },
  ];
}

export async function writePdf(report: Report, options: PdfOptions): Promise<Buffer> {
  const { cover } = report;
  const title = [cover.title, cover.organisation].filter((t) => t.trim() !== '').join(' — ') || 'Sales process report';
  const frame = new PdfFrame({
    paper: options.paper,
    title: report.draft ? `${title} · ${cover.versionName}` : title,
    draft: report.draft,
    createdAt: validDate(cover.generatedAt),
    info: { title: `${title}: sales process map and measurement plan`, author: cover.facilitator, subject: cover.organisation },
  });
  const sections: PdfSection[] = [
    { title: report.executiveSummary.title, layout: 'portrait', draw: () => textTableSection(frame, textTableOf(report.executiveSummary)) },
    {
      title: 'Process map',
      layout: 'landscape',
      draw: () => mapPages(frame, report.map, dash(cover.versionName)),
    },
    ...comparisonSections(frame, report),
    { title: 'Process figures', layout: 'portrait', draw: () => figuresSection(frame, report) },
    { title: 'Bottlenecks', layout: 'portrait', draw: () => bottlenecksSection(frame, report) },
    { title: 'Stages of the buying journey', layout: 'landscape', draw: () => stagesSection(frame, report) },
    { title: report.stageDetails.title, layout: 'landscape', draw: () => textTableSection(frame, report.stageDetails) },
    { title: 'Transitions', layout: 'landscape', draw: () => transitionsSection(frame, report) },
    { title: report.improvementPlan.title, layout: 'landscape', draw: () => textTableSection(frame, textTableOf(report.improvementPlan)) },
    { title: 'Measurement plan', layout: 'landscape', draw: () => measurementPlanSection(frame, report) },
    { title: 'Checks', layout: 'landscape', draw: () => checksSection(frame, report) },
    ...report.records.map((t) => ({ title: t.title, layout: 'landscape' as const, draw: () => textTableSection(frame, t) })),
  ];
  const contentsAt = coverPage(frame, report, sections.length);
  const entries: ContentsEntry[] = [];
  let previous: 'portrait' | 'landscape' | null = null;
  for (const section of sections) {
    // Sections share a page when they share its orientation and there is room; the map makes its own pages.
    if (!section.ownPages && section.title !== 'Process map' && previous !== section.layout) frame.addPage(section.layout);
    frame.sectionPage = null;
    previous = section.layout;
    section.draw();
    entries.push({ title: section.title, page: frame.sectionPage ?? frame.doc.bufferedPageRange().count });
  }
  contents(frame, contentsAt, entries);
  return frame.finish();
}
