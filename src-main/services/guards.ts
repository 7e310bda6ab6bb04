// Refusals of what the app itself never sends, checked at the top of a handler
// before any service runs: edits to a workshop in the trash, sign-offs by non-participants, "agreed" without an agreed version.
import { DomainError } from '../../src-shared/api/errors';
import { LOCKED_MESSAGES } from '../../src-shared/domain/agreement';
import { namesNotParticipants, type SignOff } from '../../src-shared/domain/sign-off';
import type { WorkshopMeta } from '../../src-shared/domain/workshop';
import type { Db } from '../db/open';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createImprovementsRepo } from '../db/repositories/improvements-repo';
import { createMetricsRepo } from '../db/repositories/metrics-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';


export function createGuards(db: Db) {
  const workshops = createWorkshopsRepo(db);
  const versions = createMapVersionsRepo(db);
  const metrics = createMetricsRepo(db);
  const improvements = createImprovementsRepo(db);

  /** A workshop that does not exist is left to the service's NOT_FOUND. */
  const notTrashed = (workshopId: string | undefined): void => {
    if (workshopId === undefined) return;
    if (workshops.get(workshopId)?.deletedAt) throw new DomainError('IN_TRASH', LOCKED_MESSAGES.trashed);
  };

  return {
    /** Changes to the workshop itself (details, title, copies). */
    workshopEditable(workshopId: string): void {
      notTrashed(workshopId);
    },
    /** Changes to a map version (save, agree, new version from it). */
    versionEditable(versionId: string): void {
      notTrashed(versions.workshopIdOf(versionId));
    },
    /** Changes to a metric or its readings. */
    metricEditable(metricId: string): void {
      notTrashed(metrics.get(metricId)?.workshopId);
    },
    /** Changes to an improvement (its fields, status, deletion). */
    improvementEditable(improvementId: string): void {
      notTrashed(improvements.get(improvementId)?.workshopId);
    },
    /** Only the workshop's participants, as the Mark agreed dialog names them, can agree a version. */
    signOffByParticipants(versionId: string, signOff: SignOff): void {
      const workshopId = versions.workshopIdOf(versionId);
      const workshop = workshopId ? workshops.get(workshopId) : undefined;
      if (!workshop) return;
      const strangers = namesNotParticipants(signOff.agreedBy, workshop.meta.participants);
      if (strangers.length === 0) return;
      const list = strangers.map((n) => `"${n.slice(0, 80)}"`).join(', ');
      throw new DomainError(
        'NOT_A_PARTICIPANT',
        `${list} ${strangers.length === 1 ? 'is not a participant' : 'are not participants'} of this workshop. Add them to the workshop details first, then mark the version agreed.`,
      );
    },
    /** "Agreed" is what marking a version agreed sets; the details cannot claim it without one. */
    statusBacked(workshopId: string | null, meta: Pick<WorkshopMeta, 'status'>): void {
      if (meta.status !== 'agreed') return;
      if (workshopId !== null && !workshops.get(workshopId)) return;
      const agreed = workshopId !== null && versions.listSummaries(workshopId).some((v) => v.signOff !== null);
      if (agreed) return;
      throw new DomainError('NOT_AGREED', 'A workshop is agreed only once one of its map versions is marked agreed. Use Mark agreed… on the version.');
    },
  };
}
export type Guards = ReturnType<typeof createGuards>;
