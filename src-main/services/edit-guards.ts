// The refusals every write shares: a workshop in the trash is not changed (IN_TRASH),
// and an agreed version's map and plan stay as agreed (LOCKED, saying how to go on).
import { DomainError } from '../../src-shared/api/errors';
import { LOCKED_MESSAGES } from '../../src-shared/domain/agreement';
import type { MapVersionsRepo } from '../db/repositories/map-versions-repo';
import type { WorkshopRow, WorkshopsRepo } from '../db/repositories/workshops-repo';

export function createEditGuards(workshops: WorkshopsRepo, versions: MapVersionsRepo) {
  const workshopOf = (id: string): WorkshopRow => {
    const row = workshops.get(id);
    if (!row) throw new DomainError('NOT_FOUND', 'That workshop no longer exists. It may have been deleted in another window.');
    return row;
  };
  const editableWorkshop = (id: string): WorkshopRow => {
    const row = workshopOf(id);
    if (row.deletedAt !== null) throw new DomainError('IN_TRASH', LOCKED_MESSAGES.trashed);
    return row;
  };
  const versionOf = (versionId: string) => {
    const version = versions.get(versionId);
    if (!version) throw new DomainError('NOT_FOUND', 'That map version no longer exists. It may have been deleted in another window.');
    return version;
  };
  return {
    workshopOf,
    editableWorkshop,
    versionOf,
    /** A version whose workshop may be changed (agreed or not). */
    versionInEditableWorkshop(versionId: string) {
      const version = versionOf(versionId);
      editableWorkshop(version.workshopId);
      return version;
    },
    /** A draft version of a workshop that may be changed; agreed ones answer LOCKED with `message`. */
    draftVersion(versionId: string, message: string) {
      const version = versionOf(versionId);
      editableWorkshop(version.workshopId);
      if (version.signOff !== null) throw new DomainError('LOCKED', message);
      return version;
    },
  };
}
export type EditGuards = ReturnType<typeof createEditGuards>;
