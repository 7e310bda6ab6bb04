// Where a window hears the backend's pushed events: the Electron bridge (IPC) or the
// browser host's Server-Sent Events. Both hand over checked WorkshopEvents.
import { parseWorkshopEvent, type WorkshopEvent } from '../../src-shared/api/events';

export type WorkshopEventListener = (event: WorkshopEvent) => void;

export interface WorkshopEventSource {
  /** Listens to one workshop's events until the returned function is called. */
  subscribe(workshopId: string, listener: WorkshopEventListener): () => void;
}

/** Electron: the preload's onEvent capability (main sends only this workshop's events). */
export function bridgeEventSource(bridge: NonNullable<Window['leanmap']>): WorkshopEventSource {
  return {
    subscribe(workshopId, listener) {
      if (!bridge.onEvent) return () => {};
      return bridge.onEvent(workshopId, (raw) => {
        const event = parseWorkshopEvent(raw);
        if (event && event.payload.workshopId === workshopId) listener(event);
      });
    },
  };
}

export interface SseDeps {
  token: string | null;
  fetch?: typeof fetch;
  /** The browser's EventSource; injected so tests can stand in for it. */
  createEventSource?: (url: string) => EventSource;
  /** Wait before reopening a dropped stream (ms). */
  retryMs?: number;
}

/**
 * Browser host: EventSource cannot send headers, so the page first trades its access
 * key (in a header, as for every API call) for a one-time ticket, then opens
 * GET /api/events?workshopId=…&ticket=…. A dropped stream gets a new ticket.
 *
 * A window opens ONE stream per workshop, however many components listen: each
 * stream holds an HTTP connection open, and the browser allows only six per host for
 * all its windows together. Two presenter windows with a stream per listener used
 * them all up, and the API calls (the agenda click) then waited forever.
 */
export function sseEventSource({ token, fetch: fetchImpl = (...a) => fetch(...a), createEventSource = (url) => new EventSource(url), retryMs = 1000 }: SseDeps): WorkshopEventSource {
  const channels = new Map<string, Set<WorkshopEventListener>>();

  /** Opens the workshop's stream for `listeners`; the returned function closes it for good. */
  const openChannel = (workshopId: string, listeners: Set<WorkshopEventListener>) => {
    let closed = false;
    let stream: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const retry = () => {
      if (closed || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void open();
      }, retryMs);
    };
    const open = async () => {
      let ticket: string;
      try {
        const response = await fetchImpl('/api/events/ticket', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Leanmap-Token': token ?? '' },
          body: JSON.stringify({ workshopId }),
        });
        const body = (await response.json()) as { ok?: boolean; value?: { ticket?: string } };
        if (!body.ok || typeof body.value?.ticket !== 'string') return retry();
        ticket = body.value.ticket;
      } catch {
        return retry();
      }
      if (closed) return;
      const url = `/api/events?workshopId=${encodeURIComponent(workshopId)}&ticket=${encodeURIComponent(ticket)}`;
      stream = createEventSource(url);
      stream.onmessage = (message: MessageEvent) => {
        let raw: unknown;
        try {
          raw = JSON.parse(String(message.data));
        } catch {
          return;
        }
        const event = parseWorkshopEvent(raw);
        if (!event || event.payload.workshopId !== workshopId) return;
        // A copy: a listener may unsubscribe (or subscribe another) while hearing it.
        for (const listener of [...listeners]) if (listeners.has(listener)) listener(event);
      };
      stream.onerror = () => {
        // The ticket is spent: EventSource's own reconnect would be refused, so start over.
        stream?.close();
        stream = null;
        retry();
      };
    };
    void open();
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      stream?.close();
    };
  };

  const closers = new Map<string, () => void>();
  return {
    subscribe(workshopId, listener) {
      let listeners = channels.get(workshopId);
      if (!listeners) {
        listeners = new Set();
        channels.set(workshopId, listeners);
        closers.set(workshopId, openChannel(workshopId, listeners));
      }
      // Its own wrapper, so the same function subscribed twice is two subscriptions.
      const entry: WorkshopEventListener = (event) => listener(event);
      listeners.add(entry);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        listeners.delete(entry);
        if (listeners.size > 0 || channels.get(workshopId) !== listeners) return;
        channels.delete(workshopId);
        closers.get(workshopId)?.();
        closers.delete(workshopId);
      };
    },
  };
}

/** A source that never speaks (tests, and pages without a backend to listen to). */
export const silentEventSource: WorkshopEventSource = { subscribe: () => () => {} };
