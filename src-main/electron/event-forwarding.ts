// Carries the hub's events over IPC to every window watching that workshop, on one
// channel. Electron-free (the window is a small interface), so it is unit-tested
// with a stand-in.
import type { EventHub } from '../events/event-hub';
import { EVENT_CHANNEL } from './ipc-messages';

/** What forwarding needs of a window's webContents. */
export interface EventTarget {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, message: unknown): void;
}

export interface EventForwarding {
  /** The window now shows `workshopId` (null: none). One workshop per window. */
  watch(target: EventTarget, workshopId: string | null): void;
  forget(target: EventTarget): void;
  stop(): void;
}

export function createEventForwarding(hub: EventHub): EventForwarding {
  const watching = new Map<number, { target: EventTarget; workshopId: string }>();
  const unsubscribe = hub.subscribe(null, (event) => {
    for (const [id, { target, workshopId }] of watching) {
      if (target.isDestroyed()) {
        watching.delete(id);
        continue;
      }
      if (workshopId === event.payload.workshopId) target.send(EVENT_CHANNEL, event);
    }
  });
  return {
    watch(target, workshopId) {
      if (workshopId === null) watching.delete(target.id);
      else watching.set(target.id, { target, workshopId });
    },
    forget: (target) => void watching.delete(target.id),
    stop: () => {
      unsubscribe();
      watching.clear();
    },
  };
}
