// Electron: the hub's events go over IPC, on one channel, to each window watching
// that workshop, and stop when the window stops watching or is gone.
import { describe, expect, it } from 'vitest';
import { createEventForwarding, type EventTarget } from '../../../src-main/electron/event-forwarding';
import { EVENT_CHANNEL, WatchMessageSchema } from '../../../src-main/electron/ipc-messages';
import { createEventHub } from '../../../src-main/events/event-hub';
import type { WorkshopEvent } from '../../../src-shared/api/events';

function aWindow(id: number) {
  const sent: { channel: string; message: unknown }[] = [];
  let destroyed = false;
  const target: EventTarget = { id, isDestroyed: () => destroyed, send: (channel, message) => sent.push({ channel, message }) };
  return { target, sent, close: () => (destroyed = true) };
}

const saved = (workshopId: string): WorkshopEvent => ({ name: 'map.saved', payload: { workshopId, versionId: 'v', revision: 2, byWindow: null } });

describe('forwarding events to windows', () => {
  it('sends each event on the event channel to every window watching its workshop, and to no other', () => {
    const hub = createEventHub();
    const forwarding = createEventForwarding(hub);
    const a = aWindow(1);
    const b = aWindow(2);
    const elsewhere = aWindow(3);
    forwarding.watch(a.target, 'w-1');
    forwarding.watch(b.target, 'w-1');
    forwarding.watch(elsewhere.target, 'w-2');
    hub.publish(saved('w-1'));
    expect(a.sent).toEqual([{ channel: EVENT_CHANNEL, message: saved('w-1') }]);
    expect(b.sent).toEqual(a.sent);
    expect(elsewhere.sent).toEqual([]);
  });

  it('follows a window to another workshop, and stops when it watches none or is closed', () => {
    const hub = createEventHub();
    const forwarding = createEventForwarding(hub);
    const a = aWindow(1);
    const b = aWindow(2);
    forwarding.watch(a.target, 'w-1');
    forwarding.watch(a.target, 'w-2');
    forwarding.watch(b.target, 'w-2');
    hub.publish(saved('w-1'));
    expect(a.sent).toEqual([]);
    forwarding.watch(a.target, null);
    b.close();
    hub.publish(saved('w-2'));
    expect(a.sent).toEqual([]);
    expect(b.sent).toEqual([]);
  });

  it('stop() leaves the hub', () => {
    const hub = createEventHub();
    createEventForwarding(hub).stop();
    expect(hub.size()).toBe(0);
  });

  it('accepts only a workshop id or null as a watch message', () => {
    expect(WatchMessageSchema.safeParse({ workshopId: 'w-1' }).success).toBe(true);
    expect(WatchMessageSchema.safeParse({ workshopId: null }).success).toBe(true);
    expect(WatchMessageSchema.safeParse({ workshopId: 7 }).success).toBe(false);
    expect(WatchMessageSchema.safeParse({}).success).toBe(false);
  });
});
