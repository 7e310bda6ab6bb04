// Pure helpers of the presenter console: hiding a map object from the room (or
// revealing it) and naming the view the room sees, for the console's label.
import type { AudienceState, AudienceView } from '../../../src-shared/domain/facilitation';

/** Hides a map object from the room, or reveals it again. */
export function toggleHidden(audience: AudienceState, id: string): AudienceState {
  const hidden = audience.hiddenIds.includes(id);
  return { ...audience, hiddenIds: hidden ? audience.hiddenIds.filter((x) => x !== id) : [...audience.hiddenIds, id] };
}

/** A short name of what the room sees, for the console ("Focused stage: Evaluate options"). */
export function describeView(view: AudienceView, stageName: (id: string) => string | null): string {
  switch (view.kind) {
    case 'blank':
      return 'Blank screen';
    case 'map':
      return 'Whole map';
    case 'stage':
      return `Focused stage: ${stageName(view.stageId) ?? 'a stage no longer on the map'}`;
    case 'figures':
      return 'Figures';
    case 'vote':
      return 'Current vote';
    case 'timer':
      return 'Timer';
    case 'parking-lot':
      return 'Parking lot';
    case 'decisions':
      return 'Decisions';
  }
}
