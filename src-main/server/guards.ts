// The browser host's request guards: loopback Host only (DNS rebinding), same
// Origin only (cross-site requests), and the per-launch token on every API call.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_HEADER = 'x-leanmap-token';

export type GuardFailure = { status: 401 | 403 | 415; code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'VALIDATION'; message: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkHost(headers: IncomingHttpHeaders, port: number): GuardFailure | null {
  const host = (headers.host ?? '').toLowerCase();
  if (allowedHosts(port).has(host)) return null;
  return { status: 403, code: 'FORBIDDEN', message: 'Leanmap only answers requests addressed to 127.0.0.1 or localhost.' };
}

/** API calls must come from Leanmap's own page: browsers always send Origin on a POST. */
export function checkOrigin(headers: IncomingHttpHeaders, port: number): GuardFailure | null {
  const origin = headers.origin;
  if (origin && [...allowedHosts(port)].some((h) => origin === `http://${h}`)) return null;
  return { status: 403, code: 'FORBIDDEN', message: 'Leanmap refuses requests from other web pages.' };
}

export function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkToken(headers: IncomingHttpHeaders, token: string): GuardFailure | null {
  const given = headers[TOKEN_HEADER];
  if (typeof given !== 'string' || given === '') {
    return {
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'This page has no Leanmap access key. Open Leanmap from the link printed when it started.',
    };
  }
  if (!tokensMatch(given, token)) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: 'This page has an old Leanmap access key (Leanmap was restarted). Open the new link printed when it started.',
    };
  }
  return null;
}

export function checkJsonContentType(headers: IncomingHttpHeaders): GuardFailure | null {
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return null;
  return { status: 415, code: 'VALIDATION', message: 'Leanmap API requests must be JSON.' };
}
