// Exports of one map version: the report model built from the stored workshop,
// map and plan, then written in the format asked for (src-main/export/).
import type { ExportedFile, ExportFormat } from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { printedMeta } from '../../src-shared/domain/agreement';
import { buildReport } from '../../src-shared/domain/report/build-report';
import type { Report } from '../../src-shared/domain/report/report-model';
import type { Db } from '../db/open';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createImprovementsRepo } from '../db/repositories/improvements-repo';
import { createMetricsRepo } from '../db/repositories/metrics-repo';
import { createSessionsRepo } from '../db/repositories/sessions-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';
import { exportReport, type ExportFile } from '../export/export-files';
import { exportTextMetrics } from '../export/font-metrics';
import type { Paper } from '../export/pdf-frame';

const isText = (mime: string) => mime.startsWith('text/') || mime.startsWith('image/svg');

export function toWireFile(file: ExportFile): ExportedFile {
  return isText(file.mime)
    ? { name: file.name, mime: file.mime, data: file.data.toString('utf8'), encoding: 'utf8' }
    : { name: file.name, mime: file.mime, data: file.data.toString('base64'), encoding: 'base64' };
}

export function createExportService({ db, clock, appVersion }: { db: Db; clock: () => Date; appVersion: string }) {
  const workshops = createWorkshopsRepo(db);
  const versions = createMapVersionsRepo(db);
  const metrics = createMetricsRepo(db);
  const sessions = createSessionsRepo(db);
  const improvements = createImprovementsRepo(db);

  const reportOf = (versionId: string): Report => {
    const version = versions.get(versionId);
    if (!version) throw new DomainError('NOT_FOUND', 'That map no longer exists. It may have been deleted in another window.');
    const workshop = workshops.get(version.workshopId);
    if (!workshop) throw new DomainError('NOT_FOUND', 'That workshop no longer exists.');
    // A version copied from another is reported against it (a deleted source leaves none).
    const source = version.sourceVersionId === null ? undefined : versions.get(version.sourceVersionId);
    return buildReport({
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
      textMetrics: exportTextMetrics,
      session: sessions.get(version.workshopId)?.records ?? null,
    });
  };

  return {
    reportOf,
    async files(versionId: string, formats: readonly ExportFormat[], paper: Paper): Promise<ExportFile[]> {
      return exportReport(reportOf(versionId), formats, { paper });
    },
    async build(versionId: string, format: ExportFormat, paper: Paper): Promise<{ files: ExportedFile[] }> {
      const files = await exportReport(reportOf(versionId), [format], { paper });
      return { files: files.map(toWireFile) };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
