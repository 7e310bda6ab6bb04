// The browser host: one HTTP server on 127.0.0.1 that serves the built renderer
// and carries the same API as Electron's IPC (POST /api/<method>), behind guards.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatcher';
import type { EventHub } from '../events/event-hub';
import { checkStreamOrigin, createEventStreams } from './event-stream';
import { checkHost, checkJsonContentType, checkOrigin, checkToken, type GuardFailure } from './guards';
import { writeJson } from './json-pieces';
import { readStatic } from './static-files';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

/** Above the import limit, so a too-large workshop file gets the import's own message. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HttpHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Pushed events, streamed at GET /api/events; absent: no stream (404). */
  events?: EventHub;
}

export interface HttpHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  // An export's answer is megabytes: written in pieces, the thread stays free for other requests.
  void writeJson(res, body).catch(() => res.destroy());
}

function refuse(res: ServerResponse, failure: GuardFailure): void {
  sendJson(res, failure.status, { ok: false, error: { code: failure.code, message: failure.message } });
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    let chunks: Buffer[] | null = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (!chunks) return;
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let it drain: destroying the socket here would
        // reset the connection before the client could read the 413.
        chunks = null;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (chunks) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

const WINDOW_HEADER = 'x-leanmap-window';
const WINDOW_ID = /^[\w-]{1,64}$/;
const WORKSHOP_ID = /^[\w-]{1,64}$/;

export async function startHttpHost({ dispatch, rendererDir, port = 0, token, events }: HttpHostOptions): Promise<HttpHost> {
  const accessToken = token ?? randomBytes(24).toString('base64url');
  let boundPort = port;
  const streams = events ? createEventStreams(events) : null;

  const handleTicket = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' }).end();
      return;
    }
    // Exactly the API's guards: only Leanmap's own page, holding the key, gets a ticket.
    const failure = checkOrigin(req.headers, boundPort) ?? checkToken(req.headers, accessToken) ?? checkJsonContentType(req.headers);
    if (failure) return refuse(res, failure);
    let workshopId: unknown;
    try {
      workshopId = (JSON.parse(await readBody(req, 4096)) as { workshopId?: unknown }).workshopId;
    } catch {
      workshopId = undefined;
    }
    if (typeof workshopId !== 'string' || !WORKSHOP_ID.test(workshopId)) {
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Say which workshop to listen to.' } });
    }
    sendJson(res, 200, { ok: true, value: { ticket: streams!.issueTicket(workshopId) } });
  };

  const handleStream = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'GET') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET' }).end();
      return;
    }
    const failure = checkStreamOrigin(req.headers, boundPort);
    if (failure) return refuse(res, failure);
    const workshopId = url.searchParams.get('workshopId') ?? '';
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!ticket) {
      return refuse(res, {
        status: 401,
        code: 'UNAUTHORIZED',
        message: 'This page has no Leanmap access key. Open Leanmap from the link printed when it started.',
      });
    }
    const refused = streams!.open(res, workshopId, ticket, SECURITY_HEADERS);
    if (refused) refuse(res, refused);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' }).end();
      return;
    }
    const failure = checkOrigin(req.headers, boundPort) ?? checkToken(req.headers, accessToken) ?? checkJsonContentType(req.headers);
    if (failure) return refuse(res, failure);
    let input: unknown;
    try {
      const text = await readBody(req, MAX_BODY_BYTES);
      input = text === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'PAYLOAD_TOO_LARGE', message: `Requests to Leanmap are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB.` },
        });
      }
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'That request is not valid JSON.' } });
    }
    const windowId = req.headers[WINDOW_HEADER];
    sendJson(res, 200, await dispatch(method, input, { windowId: typeof windowId === 'string' && WINDOW_ID.test(windowId) ? windowId : null }));
  };

  const server = createServer((req, res) => {
    const hostFailure = checkHost(req.headers, boundPort);
    if (hostFailure) return refuse(res, hostFailure);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (streams && url.pathname === '/api/events/ticket') {
      handleTicket(req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Leanmap failed to answer.' } });
      });
      return;
    }
    if (streams && url.pathname === '/api/events') return handleStream(req, res, url);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch((error) => {
        console.error('Leanmap browser host: request failed', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Leanmap failed to answer.' } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    readStatic(rendererDir, url.pathname).then(
      (file) => {
        if (!file) {
          res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
        res.end(req.method === 'HEAD' ? undefined : file.body);
      },
      () => res.writeHead(500, SECURITY_HEADERS).end(),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the host must never be reachable from the room's Wi-Fi.
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: boundPort,
    token: accessToken,
    url: `http://127.0.0.1:${boundPort}/?token=${accessToken}`,
    close: () =>
      new Promise((resolve) => {
        streams?.closeAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
