// A workshop's improvements and their way from idea to adopted or dropped. The focus
// limit, the frozen prediction and the trial dates are enforced here, so the API refuses
// what the UI would refuse even when another client calls it. An override of the focus
// limit is written to the decision log in the same transaction as the move.
import type { PlanImprovement } from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { newId } from '../../src-shared/domain/ids';
import {
  addDays,
  canMove,
  checkFocusLimit,
  DEFAULT_REVIEW_DAYS,
  moveRefusal,
  type ImprovementFields,
  type ImprovementStatus,
} from '../../src-shared/domain/improvement';
import { improvementReferenceProblem } from '../../src-shared/domain/improvement-references';
import { focusOverrideDecision, type DecisionAdd } from '../../src-shared/domain/facilitation';
import { freezePrediction } from '../../src-shared/domain/improvement-ranking';
import type { Db } from '../db/open';
import { createImprovementsRepo, improvementFieldsOf, type ImprovementState } from '../db/repositories/improvements-repo';
import { createMapVersionsRepo } from '../db/repositories/map-versions-repo';
import { createMetricsRepo } from '../db/repositories/metrics-repo';
import { createWorkshopsRepo } from '../db/repositories/workshops-repo';
import { createEditGuards } from './edit-guards';

export interface StatusMove {
  status: ImprovementStatus;
  versionId: string;
  overrideReason: string | null;
  /** The participant who decided the override, for the decision log. */
  overrideBy?: string | null;
  trialStart: string | null;
  reviewDate: string | null;
}

/** Where an override is recorded: the session's decision log (refuses a `by` who is not a participant). */
export interface DecisionLog {
  addDecision(workshopId: string, input: DecisionAdd): unknown;
}

export function createImprovementService({ db, clock, decisions }: { db: Db; clock: () => Date; decisions?: DecisionLog }) {
  const improvements = createImprovementsRepo(db);
  const workshops = createWorkshopsRepo(db);
  const versions = createMapVersionsRepo(db);
  const metrics = createMetricsRepo(db);
  const guards = createEditGuards(workshops, versions);
  const now = () => clock().toISOString();
  const today = () => clock().toISOString().slice(0, 10);

  const requireImprovement = (id: string): PlanImprovement => {
    const found = improvements.get(id);
    if (!found) throw new DomainError('NOT_FOUND', 'That improvement no longer exists. It may have been deleted in another window.');
    return found;
  };
  const conflict = (item: PlanImprovement) =>
    new DomainError('CONFLICT', `The improvement "${item.idea}" was changed in another window or tab. Your change was not saved. Reload to see the latest.`);

  /** Refuses references to what is on none of the workshop's maps, or a metric of another workshop. */
  const checkReferences = (workshopId: string, fields: Partial<ImprovementFields>) => {
    const maps = versions.listFull(workshopId).map((v) => v.document);
    const metricIds = new Set(fields.metricId && metrics.get(fields.metricId)?.workshopId === workshopId ? [fields.metricId] : []);
    const problem = improvementReferenceProblem(fields, maps, metricIds);
    if (problem) throw new DomainError('BAD_REFERENCE', problem);
  };

  const reviewAfterStart = (trialStart: string | null, reviewDate: string | null) => {
    if (trialStart !== null && reviewDate !== null && reviewDate < trialStart) {
      throw new DomainError('VALIDATION', `The review date ${reviewDate} is before the trial starts (${trialStart}). Pick a review date on or after the start.`);
    }
  };

  return {
    list(workshopId: string): PlanImprovement[] {
      guards.workshopOf(workshopId);
      return improvements.list(workshopId);
    },

    create: db.transaction((workshopId: string, fields: ImprovementFields): PlanImprovement => {
      guards.editableWorkshop(workshopId);
      checkReferences(workshopId, fields);
      reviewAfterStart(fields.trialStart, fields.reviewDate);
      const id = newId();
      const at = now();
      improvements.insert({ id, workshopId, fields, state: { status: 'idea', focusOverrideReason: null, prediction: null }, now: at });
      workshops.touch(workshopId, at);
      return requireImprovement(id);
    }),

    /** Patches the fields sent, if nobody changed the improvement since `revision`. */
    update: db.transaction((id: string, revision: number, patch: Partial<ImprovementFields>): PlanImprovement => {
      const existing = requireImprovement(id);
      guards.editableWorkshop(existing.workshopId);
      if (existing.revision !== revision) throw conflict(existing);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ImprovementFields>;
      // Only what is sent is checked: an improvement whose stage was since deleted can still be edited.
      checkReferences(existing.workshopId, defined);
      const fields = { ...improvementFieldsOf(existing), ...defined };
      reviewAfterStart(fields.trialStart, fields.reviewDate);
      const at = now();
      if (!improvements.update(id, revision, fields, existing, at)) throw conflict(existing);
      workshops.touch(existing.workshopId, at);
      return requireImprovement(id);
    }),

    setStatus: db.transaction((id: string, revision: number, move: StatusMove): PlanImprovement => {
      const existing = requireImprovement(id);
      guards.editableWorkshop(existing.workshopId);
      if (existing.revision !== revision) throw conflict(existing);
      const version = guards.versionOf(move.versionId);
      if (version.workshopId !== existing.workshopId) {
        throw new DomainError('BAD_REFERENCE', 'That map version belongs to another workshop. Open this workshop’s map and try again.');
      }
      if (!canMove(existing.status, move.status)) throw new DomainError('VALIDATION', moveRefusal(existing.status, move.status));
      const all = improvements.list(existing.workshopId);
      const reason = move.overrideReason?.trim() ? move.overrideReason.trim() : null;
      const focus = checkFocusLimit(all, id, move.status, reason);
      if (!focus.ok) throw new DomainError('FOCUS_LIMIT', focus.message);

      const fields = improvementFieldsOf(existing);
      const state: ImprovementState = {
        status: move.status,
        focusOverrideReason: focus.override ? reason : existing.focusOverrideReason,
        prediction: existing.prediction,
      };
      if (move.status === 'idea') {
        // Back to an idea: it is modelled on the current map again, and a later plan needs its own reason.
        state.prediction = null;
        state.focusOverrideReason = null;
      }
      if (move.status === 'planned' && state.prediction === null && fields.effects.length > 0) {
        state.prediction = freezePrediction(version.document, { versionId: version.id, revision: version.revision }, fields.effects, today());
      }
      if (move.status === 'trial') {
        const changingStart = existing.status !== 'trial' || move.trialStart !== null;
        fields.trialStart = changingStart ? (move.trialStart ?? today()) : (fields.trialStart ?? today());
        fields.reviewDate =
          move.reviewDate ?? (changingStart || fields.reviewDate === null ? addDays(fields.trialStart, DEFAULT_REVIEW_DAYS) : fields.reviewDate);
        reviewAfterStart(fields.trialStart, fields.reviewDate);
      }
      const at = now();
      if (!improvements.update(id, revision, fields, state, at)) throw conflict(existing);
      if (focus.override && reason !== null) {
        // Inside this transaction: a refused decision (someone not a participant) undoes the move too.
        decisions?.addDecision(
          existing.workshopId,
          focusOverrideDecision({ item: existing, to: move.status, all, reason, by: move.overrideBy ?? null, date: today() }),
        );
      }
      workshops.touch(existing.workshopId, at);
      return requireImprovement(id);
    }),

    remove: db.transaction((id: string): Record<string, never> => {
      const existing = requireImprovement(id);
      guards.editableWorkshop(existing.workshopId);
      improvements.remove(id);
      workshops.touch(existing.workshopId, now());
      return {};
    }),
  };
}
export type ImprovementService = ReturnType<typeof createImprovementService>;
