// The browser host's stream bookkeeping: tickets open one stream, once, for one
// workshop, within their time; streams are bounded and let go of the hub on close.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../src-main/events/event-hub';
import { createEventStreams, MAX_STREAMS, TICKET_TTL_MS } from '../../../src-main/server/event-stream';

function aResponse() {
  const res = Object.assign(new EventEmitter(), {
    status: 0,
    written: [] as string[],
    writableEnded: false,
    writeHead(status: number) {
      res.status = status;
      return res;
    },
    write(chunk: string) {
      res.written.push(chunk);
      return true;
    },
    end() {
      res.writableEnded = true;
    },
  });
  return res;
}
const asRes = (r: ReturnType<typeof aResponse>) => r as unknown as ServerResponse;

describe('event stream tickets', () => {
  it('open one stream, once, for the workshop they were issued for', () => {
    const streams = createEventStreams(createEventHub());
    const ticket = streams.issueTicket('w-1');
    expect(streams.open(asRes(aResponse()), 'w-2', ticket, {})?.status).toBe(403);
    const again = streams.issueTicket('w-1');
    expect(streams.open(asRes(aResponse()), 'w-1', again, {})).toBeNull();
    expect(streams.open(asRes(aResponse()), 'w-1', again, {})?.status).toBe(403);
  });

  it('expire after their time', () => {
    let now = 0;
    const streams = createEventStreams(createEventHub(), () => now);
    const ticket = streams.issueTicket('w-1');
    now = TICKET_TTL_MS;
    expect(streams.open(asRes(aResponse()), 'w-1', ticket, {})?.status).toBe(403);
  });
});

describe('open streams', () => {
  it('carry the workshop\'s events as SSE data lines, and leave the hub when the page closes', () => {
    const hub = createEventHub();
    const streams = createEventStreams(hub);
    const res = aResponse();
    streams.open(asRes(res), 'w-1', streams.issueTicket('w-1'), {});
    hub.publish({ name: 'session.changed', payload: { workshopId: 'w-1', topic: 'timer' } });
    expect(res.written.at(-1)).toBe('event: message\ndata: {"name":"session.changed","payload":{"workshopId":"w-1","topic":"timer"}}\n\n');
    res.emit('close');
    expect(hub.size()).toBe(0);
    expect(streams.count()).toBe(0);
  });

  it('are bounded: past the limit a stream is refused', () => {
    const streams = createEventStreams(createEventHub());
    for (let i = 0; i < MAX_STREAMS; i++) expect(streams.open(asRes(aResponse()), 'w-1', streams.issueTicket('w-1'), {})).toBeNull();
    expect(streams.open(asRes(aResponse()), 'w-1', streams.issueTicket('w-1'), {})?.status).toBe(403);
    streams.closeAll();
    expect(streams.count()).toBe(0);
  });
});
