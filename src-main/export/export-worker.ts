// The export worker thread: builds a report's files off the backend's thread, so the
// API keeps answering during a long export. The fonts, pdfkit and exceljs load here
// (on the first export), never on the backend's thread; the worker is reused, so
// they load once. The runner may ask it to load them sooner (warmUpExports), once
// the backend is up and quiet.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../src-shared/api/errors';
import { exportReport, isTextMime, type ExportFile } from './export-files';
import type { ExportJob, WarmUpRequest, WorkerFile, WorkerMessage } from './export-protocol';
import { warmUpExports } from './export-warm-up';
import { reportOf } from './report-cache';

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs as a worker thread only.');

/**
 * On Linux a thread has its own priority: this one gives way to the backend's thread,
 * so the API answers at once even while two exports keep both cores busy. (Elsewhere
 * the priority is the whole process's, so it is left alone.)
 */
function giveWayToTheApi(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0 && threadId !== process.pid) setPriority(threadId, 10);
  } catch {
    // No /proc or no permission: the export still runs, at the usual priority.
  }
}
giveWayToTheApi();
/** The warm-up under way or done (resolved when none was asked for). */
let warming: Promise<void> = Promise.resolve();
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (job: ExportJob | WarmUpRequest) => {
  if (job.type === 'warm-up') {
    // A part that fails to load is left for the export that needs it, which then fails in its own words.
    warming = warmUpExports()
      .catch(() => undefined)
      .then(() => post({ type: 'warmed', jobId: 0 }));
    return;
  }
  void (async () => {
    try {
      // A job given this worker while it warms up starts when the warm-up is done.
      await warming;
      const report = reportOf(job.source);
      const files = await exportReport(report, job.formats, {
        paper: job.paper,
        ...(job.pngScales ? { pngScales: job.pngScales } : {}),
        cores: job.cores,
        onProgress: (progress) => post({ type: 'progress', jobId: job.jobId, ...progress }),
      });
      const out = job.encoding === 'wire' ? toWire(files) : files.map((f): WorkerFile => ({ name: f.name, mime: f.mime, data: bytes(f.data), encoding: 'raw' }));
      // Each file's bytes are handed over, not copied: a PNG is megabytes.
      const buffers = [...new Set(out.filter(ownsItsBuffer).map((f) => f.data.buffer as ArrayBuffer))];
      post({ type: 'done', jobId: job.jobId, files: out }, buffers);
    } catch (error) {
      const code = error instanceof DomainError ? error.code : null;
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'failed', jobId: job.jobId, code, message });
    }
  })();
});

const bytes = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * Files as the API sends them: text stays UTF-8, anything else becomes base64 here,
 * off the backend's thread. Files with the same bytes share one encoding.
 */
function toWire(files: readonly ExportFile[]): WorkerFile[] {
  const encoded = new Map<Buffer, Uint8Array>();
  return files.map((f) => {
    if (isTextMime(f.mime)) return { name: f.name, mime: f.mime, data: bytes(f.data), encoding: 'utf8' };
    let data = encoded.get(f.data);
    if (!data) {
      data = bytes(Buffer.from(f.data.toString('base64'), 'latin1'));
      encoded.set(f.data, data);
    }
    return { name: f.name, mime: f.mime, data, encoding: 'base64' };
  });
}

/**
 * Only bytes that fill their own ArrayBuffer are handed over: small Buffers share
 * Node's pool, and handing that over would take the bytes of others with it.
 */
function ownsItsBuffer(file: { data: Uint8Array }): boolean {
  return file.data.byteOffset === 0 && file.data.byteLength === file.data.buffer.byteLength && file.data.byteLength > 64 * 1024;
}
