// A workshop's improvements and their way from idea to adopted or dropped. The focus
// limit, the frozen prediction and the trial dates are enforced here, so the API refuses
// what the UI would refuse even when another client calls it.
import type { PlanImprovement } from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { modelEffects, type ExpectedEffect } from '../../src-shared/domain/analytics/effects';
import { newId } from '../../src-shared/domain/ids';
import {
  addDays,
  canMove,
  checkFocusLimit,
  DEFAULT_REVIEW_DAYS,
  moveRefusal,
  type FrozenPrediction,
  type ImprovementFields,
  type ImprovementStatus,
  type ImprovementTarget,
} from '../../src-shared/domain/improvement';
import type { MapDocument } from '../../src-shared/domain/map-document';
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
  trialStart: string | null;
  reviewDate: string | null;
}

const NOT_ON_MAP = 'is not on any map of this workshop. Link the improvement to something on the map, or to the whole process.';

/** Why a target is not on any of the maps, or null when it is. */
function targetProblem(target: ImprovementTarget, maps: readonly MapDocument[]): string | null {
  const stage = (id: string) => maps.some((m) => m.stages.some((s) => s.id === id));
  switch (target.kind) {
    case 'process':
      return null;
    case 'stage':
    case 'pain-point':
      return stage(target.stageId) ? null : `The stage it addresses ${NOT_ON_MAP}`;
    case 'action':
      return maps.some((m) => m.stages.some((s) => s.id === target.stageId && s.actions.some((a) => a.id === target.actionId)))
        ? null
        : `The action it addresses ${NOT_ON_MAP}`;
    case 'transition':
      return maps.some((m) => m.transitions.some((t) => t.id === target.transitionId)) ? null : `The arrow it addresses ${NOT_ON_MAP}`;
  }
}

function effectProblem(effect: ExpectedEffect, maps: readonly MapDocument[]): string | null {
  if (effect.kind === 'conversion') {
    return maps.some((m) => m.transitions.some((t) => t.id === effect.transitionId))
      ? null
      : 'An expected effect changes an arrow that is not on any map of this workshop. Choose an arrow on the map.';
  }
  return maps.some((m) => m.stages.some((s) => s.id === effect.stageId))
    ? null
    : 'An expected effect changes a stage that is not on any map of this workshop. Choose a stage on the map.';
}

export function createImprovementService({ db, clock }: { db: Db; clock: () => Date }) {
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
    const problem =
      (fields.addresses ? targetProblem(fields.addresses, maps) : null) ??
      (fields.effects ?? []).map((e) => effectProblem(e, maps)).find((p) => p !== null) ??
      null;
    if (problem) throw new DomainError('BAD_REFERENCE', problem);
    if (fields.metricId !== undefined && fields.metricId !== null && metrics.get(fields.metricId)?.workshopId !== workshopId) {
      throw new DomainError('BAD_REFERENCE', 'The metric it should move is not in this workshop’s measurement plan. Choose one of its metrics, or add it first.');
    }
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
        state.prediction = freeze(version.document, { versionId: version.id, revision: version.revision }, fields.effects, today());
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

/** The prediction a later review is held to: the modelled gain on this map today. */
export function freeze(doc: MapDocument, on: { versionId: string; revision: number }, effects: readonly ExpectedEffect[], frozenAt: string): FrozenPrediction {
  const m = modelEffects(doc, effects);
  return { frozenAt, versionId: on.versionId, revision: on.revision, effects: [...effects], before: m.before, after: m.after, gain: m.gain, basis: m.basis };
}
