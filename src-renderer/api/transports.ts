// The two ways the renderer reaches the backend: Electron's preload bridge, or
// the browser host's HTTP API with the per-launch access key. Chosen at run time.
import type { ApiError, WireResult } from '../../src-shared/api/errors';
import { isErrorCode } from '../../src-shared/api/errors';

export interface CallOptions {
  keepalive?: boolean;
  /**
   * The input already written as JSON (the same bytes as JSON.stringify(input)), sent
   * as the body by a transport that sends JSON: a big map written incrementally
   * (document-json.ts) and sent as a Blob costs the UI thread about a millisecond, where
   * a 2.8 MB string body cost 50–150 ms. A transport that sends the object ignores it.
   */
  json?: Blob;
}

export type Transport = (method: string, input: unknown, options?: CallOptions) => Promise<WireResult<unknown>>;

export const TOKEN_KEY = 'leanmap.token';

/** Takes the access key from the URL once (then hides it) and keeps it for this tab. */
export function readAccessToken(
  location: Pick<Location, 'href'> = window.location,
  storage: Pick<Storage, 'getItem' | 'setItem'> = window.sessionStorage,
  history: Pick<History, 'replaceState'> = window.history,
): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

const unavailable = (message: string): WireResult<unknown> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

function asWireResult(body: unknown, status: number): WireResult<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const b = body as { ok: boolean; value?: unknown; error?: Partial<ApiError> };
    if (b.ok) return { ok: true, value: b.value };
    const code = isErrorCode(b.error?.code) ? b.error.code : 'INTERNAL';
    return { ok: false, error: { code, message: String(b.error?.message ?? `Leanmap answered ${status}.`) } };
  }
  return { ok: false, error: { code: 'INTERNAL', message: `Leanmap answered ${status} without a result.` } };
}

/**
 * Chromium refuses keepalive requests whose bodies add up to more than 64 KiB. A
 * bigger one goes as an ordinary request: it may not outlive a closing page (the
 * local journal keeps those edits), but it does save when the tab is only hidden.
 */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;

export function httpTransport(token: string | null, windowId?: string): Transport {
  return async (method, input, options) => {
    const body = options?.json ?? JSON.stringify(input ?? {});
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body).byteLength : body.size;
    const keepalive = (options?.keepalive ?? false) && bytes <= KEEPALIVE_MAX_BYTES;
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Leanmap-Token': token ?? '', ...(windowId ? { 'X-Leanmap-Window': windowId } : {}) },
        body,
        keepalive,
      });
    } catch {
      return unavailable(
        'Leanmap is not answering. Is it still running? Your changes stay in this window and are saved when it answers again.',
      );
    }
    try {
      return asWireResult(await response.json(), response.status);
    } catch {
      return asWireResult(null, response.status);
    }
  };
}

export function bridgeTransport(bridge: NonNullable<Window['leanmap']>, windowId?: string): Transport {
  return async (method, input) => {
    try {
      return await (windowId ? bridge.invoke(method, input, windowId) : bridge.invoke(method, input));
    } catch {
      return unavailable('Leanmap could not reach its data. Try again; if it keeps failing, restart Leanmap.');
    }
  };
}

/** The transport of the window this renderer runs in: Electron's bridge, else the browser host's HTTP API. */
export function transportForThisWindow(windowId: string): Transport {
  return window.leanmap ? bridgeTransport(window.leanmap, windowId) : httpTransport(readAccessToken(), windowId);
}
