// Workshops and their map versions: every use case the library and the editor
// need, each in one transaction so a failure half way changes nothing.
import type {
  MapVersion,
  MapVersionSummary,
  WorkshopDetail,
  WorkshopSummary,
} from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { buildEnvelope, parseWorkshopFile, type SignOff } from '../../src-shared/domain/export-envelope';
import { newId } from '../../src-shared/domain/ids';
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { Metric } from '../../src-shared/domain/metric';
import { templateDocument } from '../../src-shared/domain/templates';
import type { TemplateId, WorkshopMeta } from '../../src-shared/domain/workshop';
import type { Db } from '../db/open';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createMetricsRepo } from '../db/repositories/metrics-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';
import { safeFileStem } from './file-names';

export const FIRST_VERSION_NAME = 'Current state';

export interface WorkshopServiceDeps {
  db: Db;
  clock: () => Date;
  appVersion: string;
}

export function createWorkshopService({ db, clock, appVersion }: WorkshopServiceDeps) {
  const workshops = createWorkshopsRepo(db);
  const versions = createMapVersionsRepo(db);
  const metrics = createMetricsRepo(db);
  const now = () => clock().toISOString();

  const requireWorkshop = (id: string) => {
    const row = workshops.get(id);
    if (!row) throw new DomainError('NOT_FOUND', 'That workshop no longer exists. It may have been deleted in another window.');
    return row;
  };

  const detail = (id: string): WorkshopDetail => {
    const row = requireWorkshop(id);
    return { ...row, versions: versions.listSummaries(id) };
  };

  const summary = (id: string): WorkshopSummary => {
    const row = requireWorkshop(id);
    const found = workshops.list('', row.deletedAt !== null).find((w) => w.id === id);
    if (!found) throw new DomainError('NOT_FOUND', 'That workshop no longer exists.');
    return found;
  };

  const insertWorkshop = (
    meta: WorkshopMeta,
    maps: { name: string; document: MapDocument; signOff: WorkshopDetail['versions'][number]['signOff'] }[],
    plan: readonly Metric[] = [],
  ): string => {
    const id = newId();
    const at = now();
    workshops.insert(id, meta, at);
    maps.forEach((m, i) =>
      versions.insert({ id: newId(), workshopId: id, name: m.name, sortOrder: i, document: m.document, signOff: m.signOff, now: at }),
    );
    // Metrics and readings get new ids; what they attach to keeps its map ids.
    for (const { id: _oldId, readings, ...fields } of plan) {
      const metricId = newId();
      metrics.insert(metricId, id, fields, at);
      for (const { id: _oldReadingId, ...reading } of readings) metrics.insertReading(newId(), metricId, reading, at);
    }
    return id;
  };

  return {
    list: (query: string, trash: boolean) => workshops.list(query, trash),

    create: db.transaction((meta: WorkshopMeta, template: TemplateId): WorkshopDetail => {
      const id = insertWorkshop(meta, [{ name: FIRST_VERSION_NAME, document: templateDocument(template), signOff: null }]);
      return detail(id);
    }),

    get: (id: string) => detail(id),

    update: db.transaction((id: string, revision: number, meta: WorkshopMeta): WorkshopDetail => {
      requireWorkshop(id);
      if (!workshops.updateMeta(id, revision, meta, now())) {
        throw new DomainError('CONFLICT', 'These workshop details were changed in another window. Reload to see the latest.');
      }
      return detail(id);
    }),

    rename: db.transaction((id: string, title: string): WorkshopSummary => {
      const row = requireWorkshop(id);
      workshops.updateMeta(id, row.revision, { ...row.meta, title }, now());
      return summary(id);
    }),

    duplicate: db.transaction((id: string): WorkshopSummary => {
      const row = requireWorkshop(id);
      const copyId = insertWorkshop(
        { ...row.meta, title: `${row.meta.title} (copy)`.slice(0, 200) },
        versions.listFull(id),
        metrics.list(id),
      );
      return summary(copyId);
    }),

    trash: db.transaction((id: string): WorkshopSummary => {
      const row = requireWorkshop(id);
      if (row.deletedAt === null) workshops.setDeleted(id, now(), now());
      return summary(id);
    }),

    restore: db.transaction((id: string): WorkshopSummary => {
      const row = requireWorkshop(id);
      if (row.deletedAt !== null) workshops.setDeleted(id, null, now());
      return summary(id);
    }),

    purge: db.transaction((id: string): Record<string, never> => {
      const row = requireWorkshop(id);
      if (row.deletedAt === null) {
        throw new DomainError('VALIDATION', 'Move the workshop to the trash before deleting it for good.');
      }
      workshops.remove(id);
      return {};
    }),

    exportFile(id: string): { fileName: string; text: string } {
      const row = requireWorkshop(id);
      const file = { meta: row.meta, versions: versions.listFull(id), metrics: metrics.list(id) };
      const exportedAt = now();
      const text = JSON.stringify(buildEnvelope(file, exportedAt, appVersion), null, 2);
      const stamp = row.meta.date || exportedAt.slice(0, 10);
      return { fileName: `${safeFileStem(row.meta.title)} ${stamp}.leanmap.json`, text };
    },

    importFile: (text: string): WorkshopSummary => {
      const parsed = parseWorkshopFile(text);
      if (!parsed.ok) {
        const code =
          parsed.problem === 'too-large'
            ? 'IMPORT_TOO_LARGE'
            : parsed.problem === 'future-version'
              ? 'IMPORT_FUTURE_VERSION'
              : 'IMPORT_INVALID';
        throw new DomainError(code, parsed.message);
      }
      const id = db.transaction(() => insertWorkshop(parsed.file.meta, parsed.file.versions, parsed.file.metrics))();
      return summary(id);
    },

    getMap(versionId: string): MapVersion {
      const v = versions.get(versionId);
      if (!v) throw new DomainError('NOT_FOUND', 'That map no longer exists. It may have been deleted in another window.');
      return v;
    },

    agreeMap: db.transaction((versionId: string, revision: number, signOff: SignOff): MapVersionSummary => {
      const workshopId = versions.workshopIdOf(versionId);
      if (!workshopId) throw new DomainError('NOT_FOUND', 'That map no longer exists.');
      const outcome = versions.agree(versionId, revision, signOff, now());
      if (outcome === 'locked') throw new DomainError('LOCKED', 'This map version is already agreed.');
      if (outcome === 'conflict') {
        throw new DomainError('CONFLICT', 'This map was changed in another window or tab. Reload it, check it, then mark it agreed.');
      }
      const row = requireWorkshop(workshopId);
      if (row.meta.status !== 'agreed') workshops.updateMeta(workshopId, row.revision, { ...row.meta, status: 'agreed' }, now());
      else workshops.touch(workshopId, now());
      return versions.listSummaries(workshopId).find((v) => v.id === versionId)!;
    }),

    createVersion: db.transaction((fromVersionId: string, name: string): MapVersionSummary => {
      const from = versions.get(fromVersionId);
      if (!from) throw new DomainError('NOT_FOUND', 'That map no longer exists.');
      const id = newId();
      versions.insert({
        id,
        workshopId: from.workshopId,
        name,
        sortOrder: versions.nextSortOrder(from.workshopId),
        document: from.document,
        signOff: null,
        now: now(),
      });
      workshops.touch(from.workshopId, now());
      return versions.listSummaries(from.workshopId).find((v) => v.id === id)!;
    }),

    saveMap: db.transaction((versionId: string, revision: number, document: MapDocument) => {
      const at = now();
      const outcome = versions.save(versionId, revision, document, at);
      if (outcome === 'not-found') throw new DomainError('NOT_FOUND', 'That map no longer exists.');
      if (outcome === 'locked') {
        throw new DomainError('LOCKED', 'This map version is agreed and read-only. Make a new version to change it.');
      }
      if (outcome === 'conflict') {
        throw new DomainError(
          'CONFLICT',
          'This map was changed in another window or tab. Your last change was not saved. Reload to see the latest map.',
        );
      }
      const workshopId = versions.workshopIdOf(versionId);
      if (workshopId) workshops.touch(workshopId, at);
      return { revision: versions.revisionOf(versionId) ?? revision + 1, updatedAt: at };
    }),
  };
}
export type WorkshopService = ReturnType<typeof createWorkshopService>;
