// Exports of one map version: the report's inputs read from the stored workshop,
// map and plan, then the files built on an export worker (src-main/export/), with
// progress and cancel by an id the caller chooses.
import type { ExportedFile, ExportFormat } from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { printedMeta } from '../../src-shared/domain/agreement';
import { buildReport } from '../../src-shared/domain/report/build-report';
import type { Report, ReportInput } from '../../src-shared/domain/report/report-model';
import type { Db } from '../db/open';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createImprovementsRepo } from '../db/repositories/improvements-repo';
import { createMetricsRepo } from '../db/repositories/metrics-repo';
import { createSessionsRepo } from '../db/repositories/sessions-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';
import type { ExportFile } from '../export/export-files';
import type { ExportProgress, ReportSource } from '../export/export-protocol';
import type { ExportRunner, RunOptions } from '../export/export-runner';
import { exportTextMetrics } from '../export/font-metrics';
import type { Paper } from '../export/pdf-frame';
import type { PngScale } from '../export/png-writer';

export function createExportService({ db, clock, appVersion, runner }: { db: Db; clock: () => Date; appVersion: string; runner: ExportRunner }) {
  const workshops = createWorkshopsRepo(db);
  const versions = createMapVersionsRepo(db);
  const metrics = createMetricsRepo(db);
  const sessions = createSessionsRepo(db);
  const improvements = createImprovementsRepo(db);

  /** What a report is built from (read here; the worker builds it). */
  const sourceOf = (versionId: string): ReportSource => {
    const version = versions.get(versionId);
    if (!version) throw new DomainError('NOT_FOUND', 'That map no longer exists. It may have been deleted in another window.');
    const workshop = workshops.get(version.workshopId);
    if (!workshop) throw new DomainError('NOT_FOUND', 'That workshop no longer exists.');
    // A version copied from another is reported against it (a deleted source leaves none).
    const source = version.sourceVersionId === null ? undefined : versions.get(version.sourceVersionId);
    return {
      source: source ? { versionName: source.name, document: source.document } : null,
      // An agreed version prints the workshop facts it was agreed with.
      meta: printedMeta(workshop.meta, version.signOff),
      versionName: version.name,
      signOff: version.signOff,
      agreementHistory: version.agreementHistory,
      document: version.document,
      metrics: metrics.list(version.id),
      // The workshop's improvements, ranked on this version's map (planned ones on their frozen prediction).
      improvements: improvements.list(version.workshopId),
      generatedAt: clock().toISOString(),
      appVersion,
      session: sessions.get(version.workshopId)?.records ?? null,
    };
  };
  /** The report as the exports print it, built here (for tests and checks, not for exports). */
  const reportOf = (versionId: string): Report => buildReport({ ...sourceOf(versionId), textMetrics: exportTextMetrics } satisfies ReportInput);

  /** Exports running now that were given an id: their progress and how to stop them. */
  const running = new Map<string, { controller: AbortController; progress: ExportProgress }>();

  /** Runs one export through the runner, with progress and cancel when it has an id. */
  const tracked = async <T>(exportId: string | undefined, go: (run: RunOptions) => Promise<T>, scales: RunOptions): Promise<T> => {
    if (exportId === undefined) return go(scales);
    if (running.has(exportId)) throw new DomainError('CONFLICT', 'That export is already running; wait for it or cancel it first.');
    const entry = { controller: new AbortController(), progress: { done: 0, total: 1, step: 'starting' } };
    running.set(exportId, entry);
    try {
      return await go({ ...scales, signal: entry.controller.signal, onProgress: (p) => (entry.progress = p) });
    } finally {
      running.delete(exportId);
    }
  };

  const files = (versionId: string, formats: readonly ExportFormat[], paper: Paper, exportId?: string, pngScales?: readonly PngScale[]): Promise<ExportFile[]> => {
    const source = sourceOf(versionId);
    return tracked(exportId, (run) => runner.run(source, formats, paper, run), pngScales ? { pngScales } : {});
  };

  return {
    reportOf,
    files,
    async build(versionId: string, format: ExportFormat, paper: Paper, exportId?: string, pngScales?: readonly PngScale[]): Promise<{ files: ExportedFile[] }> {
      // Encoded for the wire on the export worker: a big PNG's base64 would hold up this thread.
      const source = sourceOf(versionId);
      return { files: await tracked(exportId, (run) => runner.runWire(source, [format], paper, run), pngScales ? { pngScales } : {}) };
    },
    /** How far the export with this id is; `running: false` once it ended (or never began). */
    progress(exportId: string): { running: boolean } & ExportProgress {
      const entry = running.get(exportId);
      return entry ? { running: true, ...entry.progress } : { running: false, done: 0, total: 0, step: '' };
    },
    /** Stops the export with this id; its export.build answers EXPORT_CANCELLED. */
    cancel(exportId: string): { cancelled: boolean } {
      const entry = running.get(exportId);
      entry?.controller.abort();
      return { cancelled: entry !== undefined };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
