// Whether what a metric is attached to exists on a map: a metric may only name a
// stage or transition the facilitator can see on this workshop's map.
import type { MapDocument } from './map-document';
import type { MetricAttachment } from './metric';

/** True when the stage or transition is on one of the maps (the whole process always is). */
export function attachmentIsOnMaps(attachTo: MetricAttachment, maps: readonly Pick<MapDocument, 'stages' | 'transitions'>[]): boolean {
  switch (attachTo.kind) {
    case 'process':
      return true;
    case 'stage':
      return maps.some((map) => map.stages.some((stage) => stage.id === attachTo.stageId));
    case 'transition':
      return maps.some((map) => map.transitions.some((transition) => transition.id === attachTo.transitionId));
  }
}

/** Same target, so an edit that keeps it (even one since removed from the map) needs no check. */
export function sameAttachment(a: MetricAttachment, b: MetricAttachment): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'stage' && b.kind === 'stage') return a.stageId === b.stageId;
  if (a.kind === 'transition' && b.kind === 'transition') return a.transitionId === b.transitionId;
  return true;
}
