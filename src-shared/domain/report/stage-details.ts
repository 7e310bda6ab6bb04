// The stage details the room wrote down (pain points, stakeholders, tools and content,
// notes) as one table, defined here once: every writer (PDF, HTML, Markdown, XLSX,
// CSV) prints these columns from the report, so no format can leave one out.
import type { Stage } from '../map-document';
import type { ReportTable } from './report-model';

interface StageDetailColumn {
  header: string;
  /** Relative width of the column where a writer sets widths (PDF, XLSX). */
  weight: number;
  cell: (stage: Stage) => string;
}

const stageName = (stage: Stage) => stage.name.trim() || 'Unnamed stage';

/** The columns, in the order every format shows them. */
export const STAGE_DETAIL_COLUMNS: readonly StageDetailColumn[] = [
  { header: 'Stage', weight: 1.6, cell: stageName },
  { header: 'Pain points', weight: 2.6, cell: (s) => s.painPoints },
  { header: 'Stakeholders', weight: 2, cell: (s) => s.stakeholders },
  { header: 'Tools and content', weight: 2, cell: (s) => s.toolsAndContent },
  { header: 'Notes', weight: 2.8, cell: (s) => s.notes },
];

const hasDetails = (stage: Stage) => STAGE_DETAIL_COLUMNS.slice(1).some((c) => c.cell(stage).trim() !== '');

/** One row a stage that has any detail written down or any votes, in map order; text as typed (each writer escapes it). */
export function stageDetailsTable(stages: readonly Stage[], votes: ReadonlyMap<string, number> = new Map()): ReportTable {
  // The room's votes on a stage and its pain points are listed where the stage is.
  const votesOf = (s: Stage) => votes.get(s.id) ?? 0;
  const voted = stages.some((s) => votesOf(s) > 0);
  return {
    id: 'stage-details',
    title: 'Stage details',
    intro: 'What the team noted for each stage: the pain points, the buyer’s stakeholders, the tools and content used, and notes.',
    empty: 'No pain points, stakeholders, tools or notes were written down for any stage yet.',
    // The Votes column is there once the room has voted on a stage or its pain points.
    columns: [...STAGE_DETAIL_COLUMNS.map(({ header, weight }) => ({ header, weight })), ...(voted ? [{ header: 'Votes', weight: 0.8 }] : [])],
    rows: stages
      .filter((s) => hasDetails(s) || votesOf(s) > 0)
      .map((s) => [...STAGE_DETAIL_COLUMNS.map((c) => c.cell(s)), ...(voted ? [String(votesOf(s))] : [])]),
  };
}
