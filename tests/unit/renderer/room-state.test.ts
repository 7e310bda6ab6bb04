// The presenter console's helpers: hiding and revealing map objects for the room, and
// naming what the room sees.
import { describe, expect, it } from 'vitest';
import { initialAudienceState } from '../../../src-shared/domain/facilitation';
import { describeView, toggleHidden } from '../../../src-renderer/features/facilitation/room-state';

describe('presenter console helpers', () => {
  it('hides an object and reveals it again, keeping the others hidden', () => {
    let audience = toggleHidden(initialAudienceState(), 's1');
    audience = toggleHidden(audience, 't1');
    expect(audience.hiddenIds).toEqual(['s1', 't1']);
    audience = toggleHidden(audience, 's1');
    expect(audience.hiddenIds).toEqual(['t1']);
    expect(audience.view).toEqual({ kind: 'blank' });
  });

  it('names the view for the console, the focused stage by its name', () => {
    const names = (id: string) => (id === 's1' ? 'Evaluate options' : null);
    expect(describeView({ kind: 'stage', stageId: 's1' }, names)).toBe('Focused stage: Evaluate options');
    expect(describeView({ kind: 'stage', stageId: 'gone' }, names)).toBe('Focused stage: a stage no longer on the map');
    expect(describeView({ kind: 'blank' }, names)).toBe('Blank screen');
    expect(describeView({ kind: 'vote', roundId: null }, names)).toBe('Current vote');
  });
});
