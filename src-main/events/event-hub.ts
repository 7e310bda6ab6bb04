// The transport-neutral event hub: the backend publishes after a successful write;
// transports (SSE, Electron IPC) subscribe per workshop and carry events out in order.
import type { WorkshopEvent } from '../../src-shared/api/events';

export type EventListener = (event: WorkshopEvent) => void;

export interface EventHub {
  /** Delivers to every subscriber of the event's workshop, in publish order. */
  publish(event: WorkshopEvent): void;
  /** `workshopId` null: every workshop (e.g. the library). Returns the unsubscribe. */
  subscribe(workshopId: string | null, listener: EventListener): () => void;
  /** How many subscribers are listening now (transports bound it). */
  size(): number;
}

export function createEventHub(log: (message: string, error: unknown) => void = console.error): EventHub {
  const subscribers = new Set<{ workshopId: string | null; listener: EventListener }>();
  return {
    publish(event) {
      // A copy, so a subscriber that unsubscribes while being called does not skip another.
      for (const s of [...subscribers]) {
        if (s.workshopId !== null && s.workshopId !== event.payload.workshopId) continue;
        try {
          s.listener(event);
        } catch (error) {
          // One broken window must not stop the others from hearing about the change.
          log('Leanmap: an event subscriber failed', error);
        }
      }
    },
    subscribe(workshopId, listener) {
      const entry = { workshopId, listener };
      subscribers.add(entry);
      return () => subscribers.delete(entry);
    },
    size: () => subscribers.size,
  };
}
