// Workshops and their map versions: every use case the library and the editor
// need, each in one transaction so a failure half way changes nothing.
import type {
  MapVersion,
  MapVersionSummary,
  WorkshopDetail,
  WorkshopSummary,
} from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { LOCKED_MESSAGES, printedFactsDiffer, type WithdrawnAgreement } from '../../src-shared/domain/agreement';
import {
  buildEnvelope,
  parseWorkshopFile,
  type FileImprovement,
  type SignOff,
  type WorkshopFileVersion,
} from '../../src-shared/domain/export-envelope';
import { newId } from '../../src-shared/domain/ids';
import type { MapDocument } from '../../src-shared/domain/map-document';
import { templateDocument } from '../../src-shared/domain/templates';
import type { TemplateId, WorkshopMeta } from '../../src-shared/domain/workshop';
import type { Db } from '../db/open';
import { createImprovementsRepo } from '../db/repositories/improvements-repo';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createMetricsRepo } from '../db/repositories/metrics-repo';
import { createSessionsRepo } from '../db/repositories/sessions-repo';
import { remapSessionIds, type CopiedIds } from '../../src-shared/domain/facilitation/session-ids';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';
import { createEditGuards } from './edit-guards';
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
  const sessions = createSessionsRepo(db);
  const improvements = createImprovementsRepo(db);
  const guards = createEditGuards(workshops, versions);
  const now = () => clock().toISOString();
  const requireWorkshop = guards.workshopOf;

  /**
   * Workshop facts and agreement: each agreed version keeps the facts it was agreed
   * with in its sign-off, so its report never changes. The workshop's own facts
   * stay editable while a draft version can still print them; once every version
   * is agreed, a change to a printed fact is refused (LOCKED) until a new version.
   */
  const refuseLockedFacts = (id: string, before: WorkshopMeta, after: WorkshopMeta) => {
    const all = versions.listSummaries(id);
    if (all.length > 0 && all.every((v) => v.signOff !== null) && printedFactsDiffer(before, after)) {
      throw new DomainError('LOCKED', LOCKED_MESSAGES.facts);
    }
  };

  /** The workshop is "agreed" while one of its versions is. */
  const syncStatus = (workshopId: string, at: string) => {
    const row = requireWorkshop(workshopId);
    const status = versions.listSummaries(workshopId).some((v) => v.signOff !== null) ? 'agreed' : 'draft';
    if (row.meta.status !== status) workshops.updateMeta(workshopId, row.revision, { ...row.meta, status }, at);
    else workshops.touch(workshopId, at);
  };

  const summaryOfVersion = (workshopId: string, versionId: string): MapVersionSummary =>
    versions.listSummaries(workshopId).find((v) => v.id === versionId)!;

  const fileVersions = (workshopId: string): WorkshopFileVersion[] => {
    const all = versions.listFull(workshopId);
    const indexOf = new Map(all.map((v, i) => [v.id, i]));
    return all.map(({ id, sourceVersionId, ...v }) => ({
      id,
      ...v,
      sourceVersionIndex: sourceVersionId === null ? null : (indexOf.get(sourceVersionId) ?? null),
      metrics: metrics.list(id).map(({ revision: _r, versionId: _v, workshopId: _w, ...m }) => m),
    }));
  };

  /** The improvements as the file keeps them: without the API's revision and workshop id. */
  const fileImprovements = (workshopId: string): FileImprovement[] =>
    improvements.list(workshopId).map(({ revision: _r, workshopId: _w, ...m }) => m);

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
    maps: readonly (Omit<WorkshopFileVersion, 'agreementHistory'> & { agreementHistory?: WithdrawnAgreement[] })[],
    items: readonly FileImprovement[] = [],
  ): { id: string; copied: CopiedIds } => {
    const id = newId();
    const at = now();
    workshops.insert(id, meta, at);
    const ids = maps.map(() => newId());
    const versionIds = new Map<string, string>();
    const metricIds = new Map<string, string>();
    maps.forEach((m, i) => {
      const versionId = ids[i]!;
      if (m.id !== undefined) versionIds.set(m.id, versionId);
      // A copy is always made after its source, so a source points backwards; any other is
      // dropped (the foreign key would refuse it) rather than refusing the whole file.
      const source = m.sourceVersionIndex ?? null;
      versions.insert({
        sourceVersionId: source !== null && source < i ? ids[source]! : null,
        id: versionId,
        workshopId: id,
        name: m.name,
        sortOrder: i,
        document: m.document,
        signOff: m.signOff,
        agreementHistory: m.agreementHistory ?? [],
        now: at,
      });
      // Metrics and readings get new ids; what they attach to keeps its map ids.
      // A metric copied to several versions (a format-2 file) is followed to its first copy.
      for (const [from, to] of metrics.copyPlan(m.metrics, { workshopId: id, versionId }, at, newId)) {
        if (!metricIds.has(from)) metricIds.set(from, to);
      }
    });
    const improvementIds = improvements.copyAll(items, { workshopId: id, now: at, newId }, { metrics: metricIds, versions: versionIds });
    return { id, copied: { improvements: improvementIds, versions: versionIds, metrics: metricIds } };
  };

  /** One save in one transaction: the guarded write of the JSON and the workshop's time. */
  const saveMapJson = db.transaction((versionId: string, revision: number, documentJson: string) => {
    const workshopId = versions.workshopIdOf(versionId);
    if (workshopId) guards.editableWorkshop(workshopId);
    const at = now();
    const outcome = versions.save(versionId, revision, documentJson, at);
    if (outcome === 'not-found') throw new DomainError('NOT_FOUND', 'That map no longer exists.');
    if (outcome === 'locked') {
      throw new DomainError('LOCKED', LOCKED_MESSAGES.map);
    }
    if (outcome === 'conflict') {
      throw new DomainError(
        'CONFLICT',
        'This map was changed in another window or tab. Your last change was not saved. Reload to see the latest map.',
      );
    }
    if (workshopId) workshops.touch(workshopId, at);
    return { revision: versions.revisionOf(versionId) ?? revision + 1, updatedAt: at };
  });

  return {
    list: (query: string, trash: boolean) => workshops.list(query, trash),

    create: db.transaction((meta: WorkshopMeta, template: TemplateId): WorkshopDetail => {
      const { id } = insertWorkshop(meta, [{ name: FIRST_VERSION_NAME, document: templateDocument(template), signOff: null, metrics: [] }]);
      return detail(id);
    }),

    get: (id: string) => detail(id),

    update: db.transaction((id: string, revision: number, meta: WorkshopMeta): WorkshopDetail => {
      const row = guards.editableWorkshop(id);
      if (row.revision === revision) refuseLockedFacts(id, row.meta, meta);
      if (!workshops.updateMeta(id, revision, meta, now())) {
        throw new DomainError('CONFLICT', 'These workshop details were changed in another window. Reload to see the latest.');
      }
      return detail(id);
    }),

    rename: db.transaction((id: string, revision: number, title: string): WorkshopSummary => {
      const row = guards.editableWorkshop(id);
      if (row.revision !== revision) {
        throw new DomainError('CONFLICT', 'This workshop was changed in another window. Reload to see its latest title, then rename it.');
      }
      const meta = { ...row.meta, title };
      refuseLockedFacts(id, row.meta, meta);
      workshops.updateMeta(id, revision, meta, now());
      return summary(id);
    }),

    duplicate: db.transaction((id: string): WorkshopSummary => {
      const row = requireWorkshop(id);
      const { id: copyId } = insertWorkshop({ ...row.meta, title: `${row.meta.title} (copy)`.slice(0, 200) }, fileVersions(id), fileImprovements(id));
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
      const file = { meta: row.meta, versions: fileVersions(id), improvements: fileImprovements(id), session: sessions.get(id)?.records ?? null };
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
      const id = db.transaction(() => {
        const created = insertWorkshop(parsed.file.meta, parsed.file.versions, parsed.file.improvements);
        // Votes, parked items and decisions name improvements, versions and metrics, which have new ids now.
        if (parsed.file.session) sessions.insert(created.id, remapSessionIds(parsed.file.session, created.copied), now());
        return created.id;
      })();
      return summary(id);
    },

    getMap(versionId: string): MapVersion {
      const v = versions.get(versionId);
      if (!v) throw new DomainError('NOT_FOUND', 'That map no longer exists. It may have been deleted in another window.');
      return v;
    },

    /** The workshop's first version's map: what a window opening on the workshop shows. */
    openMap(workshopId: string): MapVersion {
      requireWorkshop(workshopId);
      const first = versions.listSummaries(workshopId)[0];
      const map = first && versions.get(first.id);
      if (!map) throw new DomainError('NOT_FOUND', 'This workshop has no map.');
      return map;
    },

    agreeMap: db.transaction((versionId: string, revision: number, signOff: SignOff): MapVersionSummary => {
      const { workshopId } = guards.versionInEditableWorkshop(versionId);
      const at = now();
      // The facts printed on the report are frozen with the sign-off, and the time it
      // was recorded tells readings added at later reviews apart from the agreed ones.
      const facts = { ...requireWorkshop(workshopId).meta, status: 'agreed' as const };
      const outcome = versions.agree(versionId, revision, { ...signOff, recordedAt: at, facts }, at);
      if (outcome === 'locked') throw new DomainError('LOCKED', 'This map version is already agreed.');
      if (outcome === 'conflict') {
        throw new DomainError('CONFLICT', 'This map was changed in another window or tab. Reload it, check it, then mark it agreed.');
      }
      syncStatus(workshopId, at);
      return summaryOfVersion(workshopId, versionId);
    }),

    createVersion: db.transaction((fromVersionId: string, name: string): MapVersionSummary => {
      const from = guards.versionInEditableWorkshop(fromVersionId);
      const id = newId();
      const at = now();
      versions.insert({
        id,
        workshopId: from.workshopId,
        name,
        sortOrder: versions.nextSortOrder(from.workshopId),
        document: from.document,
        signOff: null,
        sourceVersionId: fromVersionId,
        now: at,
      });
      // The new version's plan starts as a copy of its source's; map element ids are
      // kept by the copy above, so the metrics' attachments stay valid as they are.
      metrics.copyPlan(metrics.list(fromVersionId), { workshopId: from.workshopId, versionId: id }, at, newId);
      workshops.touch(from.workshopId, at);
      return summaryOfVersion(from.workshopId, id);
    }),

    renameVersion: db.transaction((versionId: string, name: string): MapVersionSummary => {
      const version = guards.draftVersion(versionId, LOCKED_MESSAGES.renameAgreed);
      const at = now();
      versions.rename(versionId, name, at);
      workshops.touch(version.workshopId, at);
      return summaryOfVersion(version.workshopId, versionId);
    }),

    deleteVersion: db.transaction((versionId: string, confirmAgreed: boolean): Record<string, never> => {
      const version = guards.versionInEditableWorkshop(versionId);
      if (versions.listSummaries(version.workshopId).length <= 1) {
        throw new DomainError('VALIDATION', 'A workshop keeps at least one map version, so its last version cannot be deleted.');
      }
      if (version.signOff !== null && !confirmAgreed) {
        throw new DomainError(
          'LOCKED',
          `"${version.name}" is agreed. Deleting it loses the agreed map, its measurement plan and its sign-off; confirm to delete it.`,
        );
      }
      for (const m of metrics.list(versionId)) improvements.forgetMetric(m.id, now());
      versions.remove(versionId); // its metrics and their readings go with it (ON DELETE CASCADE)
      syncStatus(version.workshopId, now());
      return {};
    }),

    withdrawAgreement: db.transaction((versionId: string, revision: number, reason: string): MapVersionSummary => {
      const version = guards.versionInEditableWorkshop(versionId);
      if (version.signOff === null) throw new DomainError('VALIDATION', 'This map version is not agreed, so there is no agreement to withdraw.');
      const at = now();
      const withdrawn = { agreedAt: version.signOff.agreedAt, agreedBy: version.signOff.agreedBy, withdrawnAt: at, reason };
      const outcome = versions.withdraw(versionId, revision, withdrawn, at);
      if (outcome === 'conflict') {
        throw new DomainError('CONFLICT', 'This map version was changed in another window or tab. Reload it, then withdraw the agreement.');
      }
      syncStatus(version.workshopId, at);
      return summaryOfVersion(version.workshopId, versionId);
    }),

    /** `document` is checked against MapDocumentSchema ('map.save' input), so its JSON is kept for the next read. */
    saveMap(versionId: string, revision: number, document: MapDocument) {
      const documentJson = JSON.stringify(document);
      const saved = saveMapJson(versionId, revision, documentJson);
      // Only once committed: a rolled-back save must not leave its document behind.
      versions.keepSaved(versionId, saved.revision, documentJson);
      return saved;
    },
  };
}
export type WorkshopService = ReturnType<typeof createWorkshopService>;
