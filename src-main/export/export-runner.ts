// Runs export builds on worker threads (export-worker.ts), so a long export never
// holds up the backend's API, and a crash, a timeout or a cancel ends one worker,
// never the backend. Up to one worker a core (two at most) builds at once: the app
// asks for the formats of one export together, so a PDF is built while the PNG
// renders; jobs that wait start biggest first (the PNG, which may render in bands on
// every core), so all finish together.
// Idle workers are kept: their fonts and libraries stay loaded. Once the backend is up
// and quiet (warmUpAfterMs), the pool starts its workers and has them load those ahead,
// so the first export is as quick as a repeat.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { DomainError, isErrorCode } from '../../src-shared/api/errors';
import type { ReportFormat } from '../../src-shared/domain/report/report-model';
import type { ExportFile } from './export-files';
import type { ExportedFile } from '../../src-shared/api/contract';
import type { ExportJob, ExportProgress, ReportSource, WarmUpRequest, WorkerFile, WorkerMessage } from './export-protocol';
import type { Paper } from './pdf-frame';
import type { PngScale } from './png-writer';

export interface ExportRunnerOptions {
  /** The worker's script; by default the built export-worker.js beside this bundle, else the TypeScript source (tests, bench). */
  entry?: string;
  /** An export still running after this long is stopped (a fault, not a big map). */
  timeoutMs?: number;
  /** Workers building at once; by default one a core, at most two. */
  maxWorkers?: number;
  log?: (message: string, error: unknown) => void;
  /**
   * Starts the pool's workers this long after the runner is made and has them load their
   * libraries and fonts (the app: EXPORT_WARM_UP_AFTER_MS); unset, they start with the first export.
   */
  warmUpAfterMs?: number;
}

/**
 * The app's warm-up delay: past a cold start of the library screen and its first answers,
 * so loading the export libraries (on low-priority threads) does not slow them.
 */
export const EXPORT_WARM_UP_AFTER_MS = 2000;

export interface RunOptions {
  signal?: AbortSignal;
  pngScales?: readonly PngScale[];
  onProgress?: (progress: ExportProgress) => void;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** How long a job of these formats takes, roughly, to start the longest first (a 200-stage map: PNG 2 s, PDF 0.8 s, XLSX 0.3 s). */
function costOf(formats: readonly ReportFormat[]): number {
  const cost: Partial<Record<ReportFormat, number>> = { png: 8, pdf: 3, xlsx: 1 };
  return formats.reduce((n, f) => n + (cost[f] ?? 0.2), 0);
}

/** A job waiting for a worker. */
interface Waiter {
  cost: number;
  arrival: number;
  grant: (worker: Worker, cores: number) => void;
  /** The backend closed before a worker was free. */
  refuse: () => void;
}
/** A worker's own heap limit: past it the worker ends with an error instead of taking the process down. */
const WORKER_HEAP_MB = 2048;

export const EXPORT_CRASHED = 'The export stopped unexpectedly and no files were made. Try again; if it happens again, export one format at a time.';
export const EXPORT_CANCELLED = 'The export was cancelled; no files were made.';

/**
 * The built export-worker.js (out/main/, beside the entry that runs this, or one folder
 * up when this code sits in a shared chunk in out/main/chunks/), else the TypeScript source
 * (tests, bench).
 */
function defaultEntry(): string {
  const built = [join(__dirname, 'export-worker.js'), join(__dirname, '..', 'export-worker.js')].find((path) => existsSync(path));
  return built ?? join(__dirname, 'export-worker.ts');
}

/** A TypeScript entry runs through tsx's require hook (the sources, in tests and the bench). */
function startWorker(entry: string, options: WorkerOptions): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}

export function createExportRunner(options: ExportRunnerOptions = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxWorkers = Math.max(1, options.maxWorkers ?? DEFAULT_MAX_WORKERS);
  const log = options.log ?? console.error;
  const idle: Worker[] = [];
  const busy = new Set<Worker>();
  const waiting: Waiter[] = [];
  let nextJobId = 1;
  let closed = false;
  let pumpQueued = false;
  let warmingUp: Promise<void> | null = null;
  const warmUpTimer = options.warmUpAfterMs === undefined ? undefined : setTimeout(() => void warmUp(), options.warmUpAfterMs);
  // The timer never keeps the process alive: a backend closed or left before it fires ends as before.
  warmUpTimer?.unref();

  const spawn = (): Worker => {
    const worker = startWorker(options.entry ?? defaultEntry(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // An idle worker dying (it should not) is simply dropped.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const i = idle.indexOf(worker);
      if (i >= 0) idle.splice(i, 1);
    });
    return worker;
  };

  /**
   * Hands free workers to waiting jobs, biggest first. It runs on the next turn of the
   * event loop, so the formats of one export, asked for together, are all waiting by then.
   */
  const pump = (): void => {
    pumpQueued = false;
    waiting.sort((a, b) => b.cost - a.cost || a.arrival - b.arrival);
    while (waiting.length > 0 && !closed && (idle.length > 0 || busy.size < maxWorkers)) {
      const worker = idle.pop() ?? spawn();
      worker.ref();
      busy.add(worker);
      const next = waiting.shift()!;
      // The first job to start (the biggest: the PNG of an export) may use every core the
      // runner may; jobs started beside it, their own. The picture's second band then
      // shares the cores with the smaller formats and has both once they are done, instead
      // of the picture running on one core long after them (a 200-stage export: 2.4 s
      // instead of 2.9 s; the CPU time is the same).
      next.grant(worker, busy.size === 1 ? maxWorkers : 1);
    }
  };
  const schedulePump = (): void => {
    if (pumpQueued) return;
    pumpQueued = true;
    setImmediate(pump);
  };

  const release = (worker: Worker, healthy: boolean): void => {
    busy.delete(worker);
    if (healthy && !closed && idle.length + busy.size < maxWorkers) {
      worker.unref(); // an idle worker never keeps the process alive
      idle.push(worker);
    } else {
      void worker.terminate();
    }
    if (waiting.length > 0) schedulePump();
  };

  /**
   * Fills the pool with idle workers that load their libraries and fonts now, once. A job
   * given one meanwhile waits for its loading (the worker's port holds it), then builds;
   * a worker that dies while loading is dropped and the next export starts a fresh one.
   */
  const warmUp = (): Promise<void> => {
    warmingUp ??= Promise.all(
      Array.from({ length: closed ? 0 : Math.max(0, maxWorkers - idle.length - busy.size) }, () => {
        const worker = spawn();
        worker.unref(); // a warming worker never keeps the process alive
        idle.push(worker);
        return new Promise<void>((resolve) => {
          const done = () => {
            worker.off('message', onWarmed);
            worker.off('exit', done);
            resolve();
          };
          const onWarmed = (message: WorkerMessage) => {
            if (message.type === 'warmed') done();
          };
          worker.on('message', onWarmed);
          worker.on('exit', done);
          const request: WarmUpRequest = { type: 'warm-up' };
          worker.postMessage(request);
        });
      }),
    ).then(() => undefined);
    return warmingUp;
  };

  /** The files of `formats` as the worker hands them over; refuses with EXPORT_FAILED or EXPORT_CANCELLED. */
  const start = (source: ReportSource, formats: readonly ReportFormat[], paper: Paper, run: RunOptions, encoding: ExportJob['encoding']): Promise<WorkerFile[]> => {
    if (closed) return Promise.reject(new DomainError('UNAVAILABLE', 'Leanmap is closing; export again after it restarts.'));
    if (run.signal?.aborted) return Promise.reject(new DomainError('EXPORT_CANCELLED', EXPORT_CANCELLED));
    const jobId = nextJobId++;
    return new Promise<WorkerFile[]>((resolve, reject) => {
      let settled = false;
      let worker: Worker | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (healthy: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        run.signal?.removeEventListener('abort', onAbort);
        const queued = waiting.indexOf(waiter);
        if (queued >= 0) waiting.splice(queued, 1);
        if (worker) {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          release(worker, healthy);
        }
        outcome();
      };
      const fail = (code: 'EXPORT_FAILED' | 'EXPORT_CANCELLED', message: string) => () => reject(new DomainError(code, message));
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'warmed' || message.jobId !== jobId) return;
        if (message.type === 'progress') {
          run.onProgress?.({ done: message.done, total: message.total, step: message.step });
        } else if (message.type === 'done') {
          finish(true, () => resolve(message.files));
        } else if (message.code && isErrorCode(message.code)) {
          // A refusal the export code words for a facilitator (a folder, a size).
          finish(true, fail(message.code as 'EXPORT_FAILED', message.message));
        } else {
          log('Leanmap: an export failed', new Error(message.message));
          finish(true, fail('EXPORT_FAILED', EXPORT_CRASHED));
        }
      };
      const onError = (error: unknown) => {
        log('Leanmap: the export worker crashed', error);
        finish(false, fail('EXPORT_FAILED', EXPORT_CRASHED));
      };
      const onExit = (code: number) => {
        log('Leanmap: the export worker stopped', new Error(`exit code ${code}`));
        finish(false, fail('EXPORT_FAILED', EXPORT_CRASHED));
      };
      // Cancelled while waiting for a worker: it simply leaves the queue; while building: its worker ends.
      const onAbort = () => finish(worker === null, fail('EXPORT_CANCELLED', EXPORT_CANCELLED));
      const waiter: Waiter = {
        cost: costOf(formats),
        arrival: jobId,
        refuse: () => finish(true, () => reject(new DomainError('UNAVAILABLE', 'Leanmap is closing; export again after it restarts.'))),
        grant: (granted, cores) => {
          worker = granted;
          // The time limit counts from the start of the build, not the wait for a worker.
          timer = setTimeout(() => {
            log('Leanmap: an export timed out', new Error(`over ${timeoutMs} ms`));
            finish(false, fail('EXPORT_FAILED', `The export took longer than ${Math.round(timeoutMs / 1000)} seconds and was stopped; no files were made. Try one format at a time.`));
          }, timeoutMs);
          granted.on('message', onMessage);
          granted.on('error', onError);
          granted.on('exit', onExit);
          const job: ExportJob = { type: 'job', jobId, source, formats: [...formats], paper, encoding, cores, ...(run.pngScales ? { pngScales: [...run.pngScales] } : {}) };
          granted.postMessage(job);
        },
      };
      run.signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
      schedulePump();
    });
  };

  return {
    /** The files of `formats`, built from `source` on a worker; refuses with EXPORT_FAILED or EXPORT_CANCELLED. */
    async run(source: ReportSource, formats: readonly ReportFormat[], paper: Paper, run: RunOptions = {}): Promise<ExportFile[]> {
      const files = await start(source, formats, paper, run, 'raw');
      return files.map((f) => ({ name: f.name, mime: f.mime, data: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength) }));
    },
    /**
     * The files as the API sends them, encoded on the worker: here the bytes only become a
     * string (a copy), and files that share bytes share the string.
     */
    async runWire(source: ReportSource, formats: readonly ReportFormat[], paper: Paper, run: RunOptions = {}): Promise<ExportedFile[]> {
      const files = await start(source, formats, paper, run, 'wire');
      const strings = new Map<Uint8Array, string>();
      return files.map((f) => {
        let data = strings.get(f.data);
        if (data === undefined) {
          data = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength).toString(f.encoding === 'base64' ? 'latin1' : 'utf8');
          strings.set(f.data, data);
        }
        return { name: f.name, mime: f.mime, data, encoding: f.encoding === 'base64' ? 'base64' : 'utf8' };
      });
    },
    /** Starts and warms the pool's workers now (what warmUpAfterMs does later); resolves when they are ready. */
    warmUp,
    /** Stops every worker (the backend is closing). */
    async close(): Promise<void> {
      closed = true;
      clearTimeout(warmUpTimer);
      for (const waiter of [...waiting]) waiter.refuse();
      const all = [...idle, ...busy];
      idle.length = 0;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
export type ExportRunner = ReturnType<typeof createExportRunner>;
