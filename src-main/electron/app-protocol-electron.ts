// The Electron side of app://leanmap/: the scheme registered as privileged (a secure,
// standard origin, so 'self' in the CSP means the app's own files) and a handler
// that serves only what resolveAppRequest allows, each response with the CSP.
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../security-policy';
import { APP_SCHEME, appResponseHeaders, resolveAppRequest } from './app-protocol';
import { contentSecurityPolicyHeader } from './window-options';

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin with relative URLs; secure: a secure context like https;
      // corsEnabled + supportFetchAPI: Vite's module scripts load with crossorigin.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer folder on app://leanmap/ in this session. */
export function serveAppProtocol(session: Session, rendererRoot: string): void {
  const csp = contentSecurityPolicyHeader(CONTENT_SECURITY_POLICY);
  session.protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererRoot, request.method);
    if (resolved.status !== 200) {
      console.warn(`Leanmap: refused ${request.method} ${request.url.slice(0, 200)} (${resolved.status}, ${resolved.reason})`);
      return new Response(null, { status: resolved.status });
    }
    try {
      const body = await readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(resolved.mimeType, csp) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
