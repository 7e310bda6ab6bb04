// The presenter console's room state: switching what the room sees, hiding and revealing,
// and stepping through the agenda (its view and time box).
import { describe, expect, it } from 'vitest';
import { remainingMs } from '../../../src-shared/domain/facilitation';
import {
  advanceAgenda,
  describeView,
  initialRoomState,
  nextStep,
  revealAll,
  showView,
  toggleHidden,
  toggleNumbers,
} from '../../../src-renderer/features/facilitation/room-state';

let ids = 0;
const fresh = () => initialRoomState(() => `id${++ids}`);

describe('room state', () => {
  it('starts blank, with nothing hidden, before the first agenda step', () => {
    const room = fresh();
    expect(room.audience).toEqual({ view: { kind: 'blank' }, hideNumbers: false, hiddenIds: [] });
    expect(room.agendaAt).toBe(-1);
    expect(nextStep(room)?.title).toBe('Outcomes and scope');
  });

  it('hides an object and reveals it again; reveal all clears numbers and objects', () => {
    let room = toggleHidden(fresh(), 's1');
    room = toggleHidden(room, 't1');
    expect(room.audience.hiddenIds).toEqual(['s1', 't1']);
    room = toggleHidden(room, 's1');
    expect(room.audience.hiddenIds).toEqual(['t1']);
    room = toggleNumbers(room);
    expect(room.audience.hideNumbers).toBe(true);
    expect(revealAll(room).audience).toMatchObject({ hideNumbers: false, hiddenIds: [] });
  });

  it('steps through the agenda: each step shows its view and sets the timer to its time box, not started', () => {
    let room = advanceAgenda(fresh());
    expect(room.agendaAt).toBe(0);
    expect(room.audience.view).toEqual({ kind: 'blank' });
    expect(room.timer).toEqual({ status: 'idle', durationMs: 20 * 60_000 });
    room = advanceAgenda(room);
    expect(room.audience.view).toEqual({ kind: 'map' });
    expect(remainingMs(room.timer, 0)).toBe(60 * 60_000);
    expect(nextStep(room)?.title).toBe('Customer actions and commitments');
  });

  it('stays on the last step once the agenda is done', () => {
    let room = fresh();
    for (let k = 0; k < 20; k++) room = advanceAgenda(room);
    expect(room.agendaAt).toBe(room.agenda.length - 1);
    expect(nextStep(room)).toBeNull();
    expect(advanceAgenda(room)).toBe(room);
  });

  it('names the view for the console, the focused stage by its name', () => {
    const names = (id: string) => (id === 's1' ? 'Evaluate options' : null);
    expect(describeView(showView(fresh(), { kind: 'stage', stageId: 's1' }).audience.view, names)).toBe('Focused stage: Evaluate options');
    expect(describeView({ kind: 'stage', stageId: 'gone' }, names)).toBe('Focused stage: a stage no longer on the map');
    expect(describeView({ kind: 'blank' }, names)).toBe('Blank screen');
  });
});
