// A workshop's facilitation records: loads them (creating the standard agenda on
// first use), applies one pure change from the facilitation domain, stores it and
// announces it. Every write is one transaction; a refusal changes nothing. Turning a
// parked topic into an improvement idea writes both in that one transaction.
import type { Session } from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import {
  addDecision,
  addParking,
  applyTimer,
  closeVote,
  conversionProblem,
  countVotes,
  ideaFromParkedItem,
  initialSession,
  isRefusal,
  moveParking,
  openRound,
  patchSession,
  reverseDecision,
  revealVote,
  supersedeDecision,
  type DecisionAdd,
  type ParkingAdd,
  type ParkingMove,
  type SessionPatch,
  type SessionRecords,
  type SessionResult,
  type TimerAction,
  type VoteOpen,
} from '../../src-shared/domain/facilitation';
import { newId } from '../../src-shared/domain/ids';
import type { Db } from '../db/open';
import { createImprovementsRepo } from '../db/repositories/improvements-repo';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createSessionsRepo, type StoredSession } from '../db/repositories/sessions-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';
import { createEditGuards } from './edit-guards';

export interface SessionServiceDeps {
  db: Db;
  clock: () => Date;
  /** Told after every stored change, e.g. to push session.changed to every window. */
  onChanged?: (workshopId: string) => void;
}

export function createSessionService({ db, clock, onChanged }: SessionServiceDeps) {
  const sessions = createSessionsRepo(db);
  const workshops = createWorkshopsRepo(db);
  const versions = createMapVersionsRepo(db);
  const improvements = createImprovementsRepo(db);
  const guards = createEditGuards(workshops, versions);
  /** Every map version's document: a round or an idea may name what is on any of them. */
  const mapsOf = (workshopId: string) => versions.listFull(workshopId).map((v) => v.document);

  const toSession = (s: StoredSession): Session => ({ workshopId: s.workshopId, revision: s.revision, serverTime: clock().toISOString(), ...s.records });

  /** The stored records, created with the standard agenda the first time a workshop is run. */
  const load = (workshopId: string): StoredSession => {
    const existing = sessions.get(workshopId);
    if (existing) return existing;
    const now = clock().toISOString();
    sessions.insert(workshopId, initialSession(newId), now);
    return sessions.get(workshopId)!;
  };

  const ensure = db.transaction((workshopId: string): StoredSession => {
    guards.workshopOf(workshopId);
    return load(workshopId);
  });

  /** Applies one change to a workshop not in the trash; `revision` (when given) must still match. */
  const change = (workshopId: string, apply: (records: SessionRecords) => SessionResult, revision?: number): Session => {
    const stored = db.transaction(() => {
      guards.editableWorkshop(workshopId);
      const current = load(workshopId);
      if (revision !== undefined && revision !== current.revision) {
        throw new DomainError('CONFLICT', 'The agenda was changed in another window. It now shows the latest; make your change again.');
      }
      const next = apply(current.records);
      if (isRefusal(next)) throw new DomainError(next.refused, next.message);
      if (!sessions.update(workshopId, current.revision, next, clock().toISOString())) {
        throw new DomainError('CONFLICT', 'The agenda was changed in another window. Try again.');
      }
      return sessions.get(workshopId)!;
    })();
    onChanged?.(workshopId);
    return toSession(stored);
  };

  const participantsOf = (workshopId: string): string[] => guards.workshopOf(workshopId).meta.participants.map((p) => p.name);

  return {
    get: (workshopId: string): Session => toSession(ensure(workshopId)),
    /** The stored records without creating any, for the workshop file and the report. */
    recordsOf: (workshopId: string): SessionRecords | null => sessions.get(workshopId)?.records ?? null,
    update: (workshopId: string, revision: number, patch: SessionPatch) => change(workshopId, (s) => patchSession(s, patch), revision),
    timer: (workshopId: string, action: TimerAction) => change(workshopId, (s) => applyTimer(s, action, clock().getTime())),
    /** Every target must be in the workshop (BAD_REFERENCE otherwise); people are never a kind (the schema refuses them). */
    openVote: (workshopId: string, input: VoteOpen) =>
      change(workshopId, (s) =>
        openRound(s, newId(), input, { maps: mapsOf(workshopId), improvementIds: new Set(improvements.list(workshopId).map((x) => x.id)) }),
      ),
    countVote: (workshopId: string, roundId: string, targetId: string, count: number) =>
      change(workshopId, (s) => countVotes(s, roundId, targetId, count)),
    closeVote: (workshopId: string, roundId: string) => change(workshopId, (s) => closeVote(s, roundId)),
    revealVote: (workshopId: string, roundId: string, revealed: boolean) => change(workshopId, (s) => revealVote(s, roundId, revealed)),
    addParking: (workshopId: string, input: ParkingAdd) => change(workshopId, (s) => addParking(s, newId(), input, clock().toISOString())),
    moveParking: (workshopId: string, id: string, move: ParkingMove) => change(workshopId, (s) => moveParking(s, id, move)),
    /**
     * The idea is inserted inside the session change's transaction: if the item cannot be
     * marked converted (a conflict, a refusal), the idea is rolled back with it.
     */
    convertToIdea(workshopId: string, id: string): Session & { improvementId: string } {
      const improvementId = newId();
      const session = change(workshopId, (s) => {
        const item = s.parkingLot.find((p) => p.id === id);
        const problem = conversionProblem(item);
        if (problem || !item) return { refused: item ? 'VALIDATION' : 'NOT_FOUND', message: problem ?? '' };
        const at = clock().toISOString();
        improvements.insert({
          id: improvementId,
          workshopId,
          fields: ideaFromParkedItem(item, mapsOf(workshopId)),
          state: { status: 'idea', focusOverrideReason: null, prediction: null },
          now: at,
        });
        workshops.touch(workshopId, at);
        return moveParking(s, id, { status: 'converted', convertedTo: { kind: 'improvement', id: improvementId } });
      });
      return { ...session, improvementId };
    },
    addDecision: (workshopId: string, input: DecisionAdd) =>
      change(workshopId, (s) => addDecision(s, newId(), input, participantsOf(workshopId))),
    supersedeDecision: (workshopId: string, id: string, byId: string) => change(workshopId, (s) => supersedeDecision(s, id, byId)),
    reverseDecision: (workshopId: string, id: string, reason: string) => change(workshopId, (s) => reverseDecision(s, id, reason)),
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
