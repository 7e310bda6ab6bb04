// The presenter's copy of the facilitation records: the newest answer wins even when
// answers arrive out of order, a refusal is handed back in words and changes nothing
// shown, a conflict re-reads the latest, and the timer uses the backend's clock.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src-shared/api/contract';
import type { WireResult } from '../../../src-shared/api/errors';
import { initialSession } from '../../../src-shared/domain/facilitation';
import type { ApiClient } from '../../../src-renderer/api/client';
import { createChangeLines, createSessionController } from '../../../src-renderer/features/facilitation/session-controller';

let n = 0;
const aSession = (revision: number, serverTime = '2027-03-01T09:00:00.000Z'): Session => ({
  ...initialSession(() => `id-${++n}`),
  workshopId: 'w1',
  revision,
  serverTime,
});

/** An API whose answers the test releases one by one, in any order. */
function aHeldApi() {
  const pending: { method: string; input: unknown; resolve: (r: WireResult<unknown>) => void }[] = [];
  const api: ApiClient = {
    call: ((method: string, input: unknown) =>
      new Promise<WireResult<unknown>>((resolve) => pending.push({ method, input, resolve }))) as unknown as ApiClient['call'],
  };
  return { api, pending };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the session controller', () => {
  it('keeps the newest session when an older answer arrives last', async () => {
    const { api, pending } = aHeldApi();
    const ctl = createSessionController(api, 'w1');
    const read = ctl.refresh();
    const change = ctl.run('session.timer', { action: 'pause' });
    pending[1]!.resolve({ ok: true, value: aSession(7) });
    pending[0]!.resolve({ ok: true, value: aSession(6) });
    await Promise.all([read, change]);
    expect(ctl.current()!.revision).toBe(7);
  });

  it('sends a window\'s changes one after another, in the order made, whichever console made them', async () => {
    // Going to an agenda item sets the timer; S pressed at once must start it after that, not before.
    const { api, pending } = aHeldApi();
    const lines = createChangeLines(); // the window's, shared by its consoles
    const agenda = createSessionController(api, 'w1', { lines });
    const strip = createSessionController(api, 'w1', { lines });
    const set = agenda.run('session.timer', { action: 'set', ms: 60_000 });
    const start = strip.run('session.timer', { action: 'start' });
    await flush();
    expect(pending.map((p) => (p.input as { action: string }).action)).toEqual(['set']);
    pending[0]!.resolve({ ok: true, value: aSession(2) });
    await flush();
    expect(pending.map((p) => (p.input as { action: string }).action)).toEqual(['set', 'start']);
    pending[1]!.resolve({ ok: true, value: aSession(3) });
    expect(await set).toBeNull();
    expect(await start).toBeNull();
  });

  it('sends the workshop with every change and hands a refusal back in words, showing what it showed', async () => {
    const { api, pending } = aHeldApi();
    const ctl = createSessionController(api, 'w1');
    const read = ctl.refresh();
    pending[0]!.resolve({ ok: true, value: aSession(3) });
    await read;
    const refused = ctl.run('decision.add', { what: 'Go', date: '2027-03-01', by: ['Zed'] });
    expect(pending[1]!.input).toMatchObject({ workshopId: 'w1', what: 'Go' });
    pending[1]!.resolve({ ok: false, error: { code: 'NOT_A_PARTICIPANT', message: '"Zed" is not a participant of this workshop.' } });
    expect(await refused).toBe('"Zed" is not a participant of this workshop.');
    expect(ctl.current()!.revision).toBe(3);
  });

  it('after a conflict on an agenda edit, re-reads the latest and hands the refusal back without trying again', async () => {
    const { api, pending } = aHeldApi();
    const ctl = createSessionController(api, 'w1');
    const update = ctl.run('session.update', { revision: 1, patch: { agenda: [] } });
    pending[0]!.resolve({ ok: false, error: { code: 'CONFLICT', message: 'The agenda was changed in another window.' } });
    await flush();
    expect(pending[1]!.method).toBe('session.get');
    pending[1]!.resolve({ ok: true, value: aSession(5) });
    expect(await update).toBe('The agenda was changed in another window.');
    expect(pending).toHaveLength(2);
    expect(ctl.current()!.revision).toBe(5);
  });

  it('after a conflict on where the room is, re-reads the latest and makes the same change on its revision', async () => {
    const { api, pending } = aHeldApi();
    const ctl = createSessionController(api, 'w1');
    const update = ctl.run('session.update', { revision: 1, patch: { currentItemId: null } });
    pending[0]!.resolve({ ok: false, error: { code: 'CONFLICT', message: 'The agenda was changed in another window.' } });
    await flush();
    expect(pending[1]!.method).toBe('session.get');
    pending[1]!.resolve({ ok: true, value: aSession(5) });
    await flush();
    expect(pending[2]).toMatchObject({ method: 'session.update', input: { workshopId: 'w1', revision: 5, patch: { currentItemId: null } } });
    pending[2]!.resolve({ ok: true, value: aSession(6) });
    expect(await update).toBeNull();
    expect(ctl.current()!.revision).toBe(6);
  });

  it('counts the timer on the backend clock: a laptop clock 90 s fast still shows the same time left', async () => {
    const { api, pending } = aHeldApi();
    const laptop = Date.parse('2027-03-01T09:01:30.000Z');
    const ctl = createSessionController(api, 'w1', { localNow: () => laptop });
    const read = ctl.refresh();
    pending[0]!.resolve({ ok: true, value: aSession(1, '2027-03-01T09:00:00.000Z') });
    await read;
    expect(new Date(ctl.now()).toISOString()).toBe('2027-03-01T09:00:00.000Z');
  });

  it('tells its listeners about each accepted session and a failed read', async () => {
    const { api, pending } = aHeldApi();
    const ctl = createSessionController(api, 'w1');
    let heard = 0;
    ctl.subscribe(() => heard++);
    const read = ctl.refresh();
    pending[0]!.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'That workshop no longer exists.' } });
    await read;
    expect(ctl.problem()).toBe('That workshop no longer exists.');
    expect(heard).toBe(1);
  });
});
