// The export worker thread: builds a report's files off the backend's thread, so the
// API keeps answering during a long export. The fonts, pdfkit and exceljs load here
// (on the first export), never on the backend's thread; the worker is reused, so
// they load once.
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../src-shared/api/errors';
import { buildReport } from '../../src-shared/domain/report/build-report';
import { exportReport } from './export-files';
import type { ExportJob, WorkerMessage } from './export-protocol';
import { exportTextMetrics } from './font-metrics';

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs as a worker thread only.');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (job: ExportJob) => {
  void (async () => {
    try {
      const report = buildReport({ ...job.source, textMetrics: exportTextMetrics });
      const files = await exportReport(report, job.formats, {
        paper: job.paper,
        ...(job.pngScales ? { pngScales: job.pngScales } : {}),
        onProgress: (progress) => post({ type: 'progress', jobId: job.jobId, ...progress }),
      });
      // Each file's bytes are handed over, not copied: a PNG is tens of MB.
      const wire = files.map((f) => ({ name: f.name, mime: f.mime, data: new Uint8Array(f.data.buffer, f.data.byteOffset, f.data.byteLength) }));
      const buffers = [...new Set(wire.filter(ownsItsBuffer).map((f) => f.data.buffer as ArrayBuffer))];
      post({ type: 'done', jobId: job.jobId, files: wire }, buffers);
    } catch (error) {
      const code = error instanceof DomainError ? error.code : null;
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'failed', jobId: job.jobId, code, message });
    }
  })();
});

/**
 * Only bytes that fill their own ArrayBuffer are handed over: small Buffers share
 * Node's pool, and handing that over would take the bytes of others with it.
 */
function ownsItsBuffer(file: { data: Uint8Array }): boolean {
  return file.data.byteOffset === 0 && file.data.byteLength === file.data.buffer.byteLength && file.data.byteLength > 64 * 1024;
}
