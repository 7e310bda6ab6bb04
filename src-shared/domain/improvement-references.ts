// Whether what an improvement names is on the workshop's maps: the problem it addresses
// and the stages and arrows its effects change. The API and the workshop-file import use
// this one check, so an improvement never points at something the team cannot see.
import type { ExpectedEffect } from './analytics/effects';
import type { ImprovementFields, ImprovementTarget } from './improvement';
import type { MapDocument } from './map-document';

type Maps = readonly Pick<MapDocument, 'stages' | 'transitions'>[];

const NOT_ON_MAP = 'is not on any map of this workshop. Link the improvement to something on the map, or to the whole process.';

const hasStage = (maps: Maps, id: string) => maps.some((m) => m.stages.some((s) => s.id === id));
const hasTransition = (maps: Maps, id: string) => maps.some((m) => m.transitions.some((t) => t.id === id));

/** Why a target is on none of the maps, in a facilitator's words; null when it is on one. */
export function targetProblem(target: ImprovementTarget, maps: Maps): string | null {
  switch (target.kind) {
    case 'process':
      return null;
    case 'stage':
    case 'pain-point':
      return hasStage(maps, target.stageId) ? null : `The stage it addresses ${NOT_ON_MAP}`;
    case 'action':
      return maps.some((m) => m.stages.some((s) => s.id === target.stageId && s.actions.some((a) => a.id === target.actionId)))
        ? null
        : `The action it addresses ${NOT_ON_MAP}`;
    case 'transition':
      return hasTransition(maps, target.transitionId) ? null : `The arrow it addresses ${NOT_ON_MAP}`;
  }
}

/** Why an effect changes something on none of the maps; null when it is on one. */
export function effectProblem(effect: ExpectedEffect, maps: Maps): string | null {
  if (effect.kind === 'conversion') {
    return hasTransition(maps, effect.transitionId)
      ? null
      : 'An expected effect changes an arrow that is not on any map of this workshop. Choose an arrow on the map.';
  }
  return hasStage(maps, effect.stageId) ? null : 'An expected effect changes a stage that is not on any map of this workshop. Choose a stage on the map.';
}

export const METRIC_NOT_IN_WORKSHOP =
  'The metric it should move is not in this workshop’s measurement plan. Choose one of its metrics, or add it first.';

/**
 * The first reference of these fields that is on none of the maps, or null. Only the
 * fields present are checked (a patch checks what it changes).
 */
export function improvementReferenceProblem(
  fields: Partial<Pick<ImprovementFields, 'addresses' | 'effects' | 'metricId'>>,
  maps: Maps,
  metricIds: ReadonlySet<string>,
): string | null {
  if (fields.addresses) {
    const problem = targetProblem(fields.addresses, maps);
    if (problem) return problem;
  }
  for (const effect of fields.effects ?? []) {
    const problem = effectProblem(effect, maps);
    if (problem) return problem;
  }
  if (fields.metricId !== undefined && fields.metricId !== null && !metricIds.has(fields.metricId)) return METRIC_NOT_IN_WORKSHOP;
  return null;
}
