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
 */
export function sseEventSource({ token, fetch: fetchImpl = (...a) => fetch(...a), createEventSource = (url) => new EventSource(url), retryMs = 1000 }: SseDeps): WorkshopEventSource {
  return {
    subscribe(workshopId, listener) {
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
          if (event && event.payload.workshopId === workshopId) listener(event);
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
    },
  };
}

/** A source that never speaks (tests, and pages without a backend to listen to). */
export const silentEventSource: WorkshopEventSource = { subscribe: () => () => {} };
