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
  /**
   * Cores this job may keep busy: 2 when nothing else was building as it started (it is
   * the biggest, the PNG, of the formats asked together), so a big PNG renders in two
   * bands at once, beside the other formats at first and on both cores once they are
   * done; 1 for a job started beside another.
   */
  cores: number;
  /**
   * 'wire': files as the API sends them (text as UTF-8, binary as base64), encoded on the
   * worker so the backend's thread only turns bytes into a string; 'raw': the bytes (to write to disk).
   */
  encoding: 'raw' | 'wire';
}

/**
 * A file as the worker hands it over: its bytes, and what they are. The same bytes
 * (a PNG that two scales share) are sent once, shared by both files.
 */
export interface WorkerFile {
  name: string;
  mime: string;
  data: Uint8Array;
  encoding: 'raw' | 'utf8' | 'base64';
}

export interface ExportProgress {
  /** Steps finished and all steps: a step is a format, or one PNG rendering (scales the size limits make the same picture share one). */
  done: number;
  total: number;
  /** What is being built now, in a facilitator's words ("PDF report"). */
  step: string;
}

/**
 * Asks an idle worker to load its libraries and fonts now (the backend is up and quiet),
 * so the first export does not pay for them. A job sent after it waits for it to finish.
 */
export interface WarmUpRequest {
  type: 'warm-up';
}

export type WorkerMessage =
  | { type: 'warmed'; jobId: 0 }
  | ({ type: 'progress'; jobId: number } & ExportProgress)
  | { type: 'done'; jobId: number; files: WorkerFile[] }
  | { type: 'failed'; jobId: number; code: string | null; message: string };
