// Names of what the room can be shown, as the presenter's controls list them.
import type { AudienceView } from '../../../src-shared/domain/facilitation';

export const VIEW_KINDS: { kind: AudienceView['kind']; label: string }[] = [
  { kind: 'blank', label: 'Blank screen' },
  { kind: 'map', label: 'The whole map' },
  { kind: 'stage', label: 'One stage' },
  { kind: 'figures', label: 'The figures' },
  { kind: 'vote', label: 'The current vote' },
  { kind: 'timer', label: 'The timer' },
  { kind: 'parking-lot', label: 'The parking lot' },
  { kind: 'decisions', label: 'The decisions' },
];

export const viewLabel = (view: AudienceView): string => VIEW_KINDS.find((v) => v.kind === view.kind)?.label ?? view.kind;

/** A view of the kind chosen; a stage view needs a stage (the first one when none is given). */
export function viewOfKind(kind: AudienceView['kind'], stageId: string | null): AudienceView | null {
  switch (kind) {
    case 'stage':
      return stageId ? { kind, stageId } : null;
    case 'vote':
      return { kind, roundId: null };
    default:
      return { kind };
  }
}
