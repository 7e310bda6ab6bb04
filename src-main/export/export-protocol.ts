// The messages between the backend and its export worker (export-worker.ts): a job
// carries what the report is built from, never the database; the worker answers with
// progress and then the files or a failure.
import type { ReportFormat, ReportInput } from '../../src-shared/domain/report/report-model';
import type { Paper } from './pdf-frame';
import type { PngScale } from './png-writer';

/** The report's inputs without the text metrics: the worker measures with its own fonts. */
export type ReportSource = Omit<ReportInput, 'textMetrics'>;

export interface ExportJob {
  type: 'job';
  jobId: number;
  source: ReportSource;
  formats: ReportFormat[];
  paper: Paper;
  pngScales?: PngScale[];
}

export interface ExportProgress {
  /** Steps finished and all steps: a step is a format, or one PNG scale. */
  done: number;
  total: number;
  /** What is being built now, in a facilitator's words ("PDF report"). */
  step: string;
}

export type WorkerMessage =
  | ({ type: 'progress'; jobId: number } & ExportProgress)
  | { type: 'done'; jobId: number; files: { name: string; mime: string; data: Uint8Array }[] }
  | { type: 'failed'; jobId: number; code: string | null; message: string };
