// The one report a leader receives (DOMAIN.md "What a leader receives"), as plain
// data. Every export format is a writer of this model, so the formats cannot
// disagree. Text here is raw user text: each writer escapes it for its format.

export const REPORT_FORMATS = ['pdf', 'html', 'md', 'xlsx', 'csv', 'png', 'svg', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A number as shown (text) and as data (value), so spreadsheets get typed cells.
 * `value` is in the unit of `kind`: percent as a share 0..1 (0.35 shows as 35 %, as a
 * spreadsheet's percent format expects), days, counts, money in `Report.currency`.
 * null when unknown or not a number; `text` then says why (e.g. "needs: …").
 */
export interface ReportValue {
  text: string;
  value: number | null;
  /** How a spreadsheet should format `value`. */
  kind: 'percent' | 'days' | 'count' | 'money' | 'number' | 'text';
}

export interface ReportCover {
  title: string;
  organisation: string;
  team: string;
  /** YYYY-MM-DD or ''. */
  date: string;
  facilitator: string;
  objective: string;
  scope: { segment: string; offering: string; idealCustomer: string };
  participants: { name: string; role: string }[];
  versionName: string;
  status: 'draft' | 'agreed';
  /** Present when the map version is agreed. */
  signOff: { agreedAt: string; agreedBy: string[] } | null;
  /** Agreements of this version that were withdrawn, each as a sentence with its reason. */
  agreementNotes?: string[];
  generatedAt: string;
  appVersion: string;
}

/** One entry of a card section (an action, an exit criterion, a placeholder), wrapped. */
export interface ReportMapItem {
  /** Lean class letter, a check mark for exit criteria, or none. */
  mark: 'V' | 'N' | 'W' | 'check' | null;
  /** Shown under the text: the actor of a marketing/partner action, or a warning. */
  tag: { text: string; tone: 'neutral' | 'warn' } | null;
  /** 'warn' and 'muted' are placeholders such as "No customer action yet". */
  tone: 'normal' | 'warn' | 'muted';
  lines: string[];
}

export interface ReportMapSection {
  kind: 'goal' | 'customer' | 'seller' | 'exit' | 'numbers';
  heading: string;
  /** Every item's lines, in order (the plain text of the section). */
  lines: string[];
  /** The lines grouped by item with their marks; buildReport sets it, writers read `lines` as one item each when absent. */
  items?: ReportMapItem[];
  /** Offset of the section's top from the node's top, and its height; buildReport sets them, writers place sections in order when absent. */
  y?: number;
  height?: number;
}

/** The map picture: boxes and arrows in map coordinates, laid out once for every format. */
export interface ReportMapNode {
  id: string;
  kind: 'stage' | 'outcome';
  outcomeKind: 'won' | 'lost' | 'no_decision' | 'disqualified' | null;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  /** The title wrapped to the card; buildReport sets it, writers wrap `title` when it is absent. */
  titleLines?: string[];
  /** Stage cards: wrapped lines by section; outcomes: none. */
  sections: ReportMapSection[];
  /** Top-two bottleneck marks on the stage are on the edges; this flags rate errors. */
  error: string | null;
}

export interface ReportMapEdge {
  id: string;
  kind: 'forward' | 'loop' | 'exit';
  outcomeKind: ReportMapNode['outcomeKind'];
  /** SVG path data in map coordinates. */
  path: string;
  labelX: number;
  labelY: number;
  /** Label text, e.g. "Re-evaluate · 15 %" ('' when none). */
  label: string;
  bottleneckRank: number | null;
  /** The arrow's tip (where `path` ends) and the way it points; buildReport sets it, writers read it off `path` when absent. */
  end?: { x: number; y: number; direction: 'right' | 'up' | 'left' | 'down' };
}

export interface ReportMap {
  /** Bounding box of everything drawn, with a margin. */
  x: number;
  y: number;
  width: number;
  height: number;
  nodes: ReportMapNode[];
  edges: ReportMapEdge[];
}

export interface ReportStageRow {
  stageId: string;
  name: string;
  customerGoal: string;
  customerActions: { text: string; leanClass: string }[];
  /** Seller-side actions with the customer actions each serves (by text). */
  sellerActions: { text: string; actor: string; leanClass: string; serves: string[] }[];
  exitCriteria: string[];
  daysPerVisit: ReportValue;
  completeAndAccurate: ReportValue;
}

/** One column of a ReportTable. */
export interface ReportTableColumn {
  header: string;
  /** Relative width where a writer sets widths (PDF columns, XLSX sheets). */
  weight: number;
}

/**
 * A table of text that every writer prints as it stands, from this one definition:
 * the columns are named once, so the formats cannot disagree about them.
 */
export interface ReportTable {
  /** Names the CSV file ("<id>.csv"). */
  id: string;
  /** The heading, and the XLSX sheet's name (31 characters at most). */
  title: string;
  /** One sentence under the heading. */
  intro: string;
  /** What is said instead of the table when it has no rows. */
  empty: string;
  columns: ReportTableColumn[];
  /** Raw user text, one string a cell (line breaks kept), as many as there are columns. */
  rows: string[][];
}

/** A calendar date cell (YYYY-MM-DD), so a spreadsheet gets a real date; null when not set. */
export interface ReportDate {
  text: string;
  date: string | null;
  kind: 'date';
}

/** A cell of a ReportDataTable: a number with its kind, a date, or text (ReportValue of kind 'text'). */
export type ReportCell = ReportValue | ReportDate;

/**
 * A table whose cells keep their type (numbers, dates), defined once: text formats print
 * each cell's `text`, the XLSX sheet writes numbers as numbers and dates as dates.
 */
export interface ReportDataTable {
  /** Names the CSV file ("<id>.csv"). */
  id: string;
  /** The heading, and the XLSX sheet's name unless `sheet` gives another (31 characters at most). */
  title: string;
  sheet?: string;
  intro: string;
  empty: string;
  columns: ReportTableColumn[];
  rows: ReportCell[][];
}

export interface ReportActionRow {
  stage: string;
  actor: string;
  text: string;
  leanClass: string;
  serves: string;
  ownerRole: string;
  votes: number;
}

export interface ReportTransitionRow {
  from: string;
  to: string;
  kind: 'forward' | 'loop back' | 'exit';
  label: string;
  conversion: ReportValue;
  /** 'entered', 'rest' (derived) or 'missing'. */
  source: string;
}

export interface ReportFigureRow {
  name: string;
  value: ReportValue;
  /** How it was worked out, or what is missing, in words. */
  explanation: string;
}

export interface ReportMetricRow {
  name: string;
  question: string;
  definition: string;
  attachedTo: string;
  unit: string;
  kind: string;
  dataSource: string;
  ownerRole: string;
  cadence: string;
  baseline: ReportValue;
  target: ReportValue;
  readings: { date: string; value: ReportValue; note: string }[];
}

export interface ReportBottleneckRow {
  rank: number;
  transition: string;
  currentRate: ReportValue;
  newRate: ReportValue;
  gain: ReportValue;
  top: boolean;
}

export interface ReportCheckRow {
  severity: 'warning' | 'error';
  message: string;
}

export interface Report {
  /** DRAFT on every page unless the version is agreed. */
  draft: boolean;
  cover: ReportCover;
  /** The first section of every format: what a leader needs on one page. */
  executiveSummary: ReportDataTable;
  /** The workshop's improvements ranked by modelled gain, with status, owner, dates and prediction vs result. */
  improvementPlan: ReportDataTable;
  map: ReportMap;
  stages: ReportStageRow[];
  /** Pain points, stakeholders, tools and content, and notes of each stage that has any. */
  stageDetails: ReportTable;
  actions: ReportActionRow[];
  transitions: ReportTransitionRow[];
  /** Process inputs (entries, deal size, target…) as rows. */
  inputs: ReportFigureRow[];
  figures: ReportFigureRow[];
  bottlenecks: { basis: string; rows: ReportBottleneckRow[]; problem: string | null };
  measurementPlan: ReportMetricRow[];
  checks: ReportCheckRow[];
  /** The facilitation records: decisions, parking lot and voting rounds, each one table. */
  records: ReportTable[];
  /** What the files are named after, "<title> – <version>", as typed; export-files makes it safe (reportFileStem). */
  fileStem: string;
  /** ISO 4217 code of every `money` value (the process's currency); always set by buildReport. */
  currency?: string;
  /** The period of the per-period figures; always set by buildReport. */
  period?: 'month' | 'quarter';
  /** Present when the version was copied from another: what changed and what it is worth. */
  comparison?: import('./comparison').ReportComparison;
}

/** What a report is built from: one map version of one workshop, with its plan. */
export interface ReportInput {
  meta: import('../workshop').WorkshopMeta;
  versionName: string;
  signOff: import('../export-envelope').SignOff | null;
  /** Agreements of this version withdrawn by mistake, with their reasons. */
  agreementHistory?: readonly import('../agreement').WithdrawnAgreement[];
  document: import('../map-document').MapDocument;
  metrics: readonly import('../metric').Metric[];
  /** The workshop's improvements (every version shares them); none when absent. */
  improvements?: readonly import('../improvement').Improvement[];
  /** ISO timestamp. */
  generatedAt: string;
  appVersion: string;
  /** How the map picture measures text: the fonts the exports embed (src-main/export/font-metrics.ts). */
  textMetrics: import('./text-metrics').TextMetrics;
  /** The workshop's facilitation records, when it was ever run. */
  session?: import('../facilitation/session').SessionRecords | null;
  /** The version this one was copied from; the report then compares the two. */
  source?: { versionName: string; document: import('../map-document').MapDocument } | null;
}
