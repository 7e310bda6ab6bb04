// The browser host's pushed events: Server-Sent Events at GET /api/events.
//
// Why SSE and a ticket: events only flow from Leanmap to the page, which SSE does
// with plain HTTP (no upgrade, automatic framing) and EventSource. EventSource cannot
// send headers, and the access key must never travel in a URL (it would land in
// history and logs), so the page first trades the key, in its header and behind the
// same Origin check as every API call, for a ticket (POST /api/events/ticket). The
// ticket opens one stream for one workshop, once, within 30 seconds.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { WorkshopEvent } from '../../src-shared/api/events';
import type { EventHub } from '../events/event-hub';
import { allowedHosts, tokensMatch, type GuardFailure } from './guards';

export const TICKET_TTL_MS = 30_000;
export const HEARTBEAT_MS = 15_000;
/** Windows are few; a runaway page opening streams must not exhaust the host. */
export const MAX_STREAMS = 32;
const MAX_TICKETS = 64;

export interface EventStreams {
  /** A one-time ticket for one workshop's stream (the caller has passed the token check). */
  issueTicket(workshopId: string): string;
  /** Opens the stream if the ticket is good; otherwise says why not. */
  open(res: ServerResponse, workshopId: string, ticket: string, headers: Record<string, string>): GuardFailure | null;
  count(): number;
  closeAll(): void;
}

/**
 * EventSource is a same-origin GET, for which browsers send no Origin header; when
 * one is sent (or Sec-Fetch-Site says another site), it must be Leanmap's own.
 */
export function checkStreamOrigin(headers: IncomingHttpHeaders, port: number): GuardFailure | null {
  const origin = headers.origin;
  const site = headers['sec-fetch-site'];
  const foreignOrigin = origin !== undefined && ![...allowedHosts(port)].some((h) => origin === `http://${h}`);
  const foreignSite = typeof site === 'string' && site !== 'same-origin' && site !== 'none';
  if (!foreignOrigin && !foreignSite) return null;
  return { status: 403, code: 'FORBIDDEN', message: 'Leanmap refuses requests from other web pages.' };
}

export function createEventStreams(hub: EventHub, clock: () => number = Date.now): EventStreams {
  const tickets = new Map<string, { workshopId: string; expires: number }>();
  const streams = new Set<() => void>();

  const dropExpired = () => {
    const now = clock();
    for (const [key, t] of tickets) if (t.expires <= now) tickets.delete(key);
  };

  return {
    issueTicket(workshopId) {
      dropExpired();
      // Oldest first: a page that never uses its tickets cannot grow the map.
      while (tickets.size >= MAX_TICKETS) tickets.delete(tickets.keys().next().value!);
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, { workshopId, expires: clock() + TICKET_TTL_MS });
      return ticket;
    },
    open(res, workshopId, ticket, headers) {
      dropExpired();
      const entry = [...tickets.entries()].find(([key]) => tokensMatch(key, ticket));
      if (!entry || entry[1].workshopId !== workshopId) {
        return { status: 403, code: 'FORBIDDEN', message: 'This event stream needs a new ticket; reload the page.' };
      }
      tickets.delete(entry[0]);
      if (streams.size >= MAX_STREAMS) {
        return { status: 403, code: 'FORBIDDEN', message: 'Too many Leanmap windows are listening; close some and reload.' };
      }
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      // Tells EventSource to wait before reconnecting; the page asks for a new ticket anyway.
      res.write('retry: 2000\n\n');
      const send = (event: WorkshopEvent) => res.write(`event: message\ndata: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = hub.subscribe(workshopId, send);
      // Comments keep proxies and idle timers from closing a quiet stream.
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const close = () => {
        if (!streams.delete(close)) return;
        clearInterval(heartbeat);
        unsubscribe();
        if (!res.writableEnded) res.end();
      };
      streams.add(close);
      res.on('close', close);
      return null;
    },
    count: () => streams.size,
    closeAll: () => {
      for (const close of [...streams]) close();
    },
  };
}
