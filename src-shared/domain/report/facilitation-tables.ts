// The facilitation records printed in the report — the decision log, the parking lot
// and the voting rounds — each one table defined here once, so PDF, HTML, Markdown,
// XLSX and CSV print the same columns.
import type { Decision, ParkingItem, VotingRound } from '../facilitation';
import type { ReportTable } from './report-model';

interface Column<T> {
  header: string;
  weight: number;
  cell: (row: T) => string;
}

function table<T>(spec: Omit<ReportTable, 'columns' | 'rows'>, columns: readonly Column<T>[], rows: readonly T[]): ReportTable {
  return { ...spec, columns: columns.map(({ header, weight }) => ({ header, weight })), rows: rows.map((r) => columns.map((c) => c.cell(r))) };
}

/** Map ids to the names the room knows them by; an id no longer on the map says so. */
export type NameOf = (id: string) => string;

const DECISION_STATUS: Record<Decision['status'], string> = { active: 'Active', superseded: 'Superseded', reversed: 'Reversed' };

export function decisionsTable(decisions: readonly Decision[], nameOf: NameOf): ReportTable {
  const whatOf = new Map(decisions.map((d) => [d.id, d.what]));
  const columns: Column<Decision>[] = [
    { header: 'Decision', weight: 3, cell: (d) => d.what },
    { header: 'Date', weight: 1, cell: (d) => d.date },
    { header: 'Decided by', weight: 1.6, cell: (d) => d.by.join(', ') },
    { header: 'About', weight: 1.6, cell: (d) => d.links.map((l) => nameOf(l.id)).join('; ') },
    {
      header: 'Status',
      weight: 2.2,
      cell: (d) =>
        d.status === 'superseded' && d.supersededBy
          ? `Superseded by: ${whatOf.get(d.supersededBy) ?? 'a later decision'}`
          : d.status === 'reversed'
            ? `Reversed: ${d.reason}`
            : DECISION_STATUS[d.status] + (d.reason ? ` (${d.reason})` : ''),
    },
  ];
  return table(
    {
      id: 'decisions',
      title: 'Decisions',
      intro: 'The decision log of the workshop: what was decided, when and by whom; a superseded or reversed decision is kept with what replaced it or why.',
      empty: 'No decisions were logged.',
    },
    columns,
    decisions,
  );
}

const PARKING_STATUS: Record<ParkingItem['status'], string> = { open: 'Open', converted: 'Converted', resolved: 'Resolved', discarded: 'Discarded' };

export function parkingLotTable(items: readonly ParkingItem[], nameOf: NameOf): ReportTable {
  const columns: Column<ParkingItem>[] = [
    { header: 'Topic', weight: 3.4, cell: (p) => p.text },
    { header: 'About', weight: 1.8, cell: (p) => (p.link ? nameOf(p.link.id) : '') },
    { header: 'Status', weight: 1, cell: (p) => PARKING_STATUS[p.status] },
    {
      header: 'Became',
      weight: 1.8,
      cell: (p) => (p.convertedTo ? `${p.convertedTo.kind === 'action' ? 'Stage action' : 'Improvement idea'}: ${nameOf(p.convertedTo.id)}` : ''),
    },
  ];
  return table(
    {
      id: 'parking-lot',
      title: 'Parking lot',
      intro: 'Topics raised and parked for later, and what became of each.',
      empty: 'Nothing was parked.',
    },
    columns,
    items,
  );
}

interface VoteLine {
  round: VotingRound;
  rank: number;
  label: string;
  votes: number;
}

export function votingTable(rounds: readonly VotingRound[]): ReportTable {
  const lines: VoteLine[] = rounds
    .filter((r) => r.results !== null)
    .flatMap((round) => round.results!.map((row) => ({ round, rank: row.rank, label: row.target.label, votes: row.votes })));
  const columns: Column<VoteLine>[] = [
    { header: 'Question', weight: 2.4, cell: (l) => `${l.round.question} (${l.round.votesPerPerson} per person)` },
    { header: 'Rank', weight: 0.6, cell: (l) => String(l.rank) },
    { header: 'Voted on', weight: 3, cell: (l) => l.label },
    { header: 'Votes', weight: 0.8, cell: (l) => String(l.votes) },
  ];
  return table(
    {
      id: 'votes',
      title: 'Voting rounds',
      intro: 'The ranking of each closed voting round, as the room counted it (dot votes on the process, never on people).',
      empty: 'No voting round was closed.',
    },
    columns,
    lines,
  );
}
