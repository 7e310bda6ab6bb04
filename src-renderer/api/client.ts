// The typed API the renderer uses: `api.call(method, input)`, the same whatever
// transport carries it. Failures are values, never exceptions.
import type { Method, MethodInput, MethodOutput } from '../../src-shared/api/contract';
import type { WireResult } from '../../src-shared/api/errors';
import type { Host } from '../host/host';
import { pickTransport, type Transport } from './transports';

export interface ApiClient {
  call<M extends Method>(method: M, input: MethodInput<M>, options?: { keepalive?: boolean }): Promise<WireResult<MethodOutput<M>>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (method, input, options) => transport(method, input, options) as never,
  };
}

// Thin compatibility for modules not yet moved to the EditorSession context
// (src-renderer/session/): main.tsx installs the window's session here once; new code
// takes `useEditorSession().api` instead. Not module state of its own.
let installed: { api: ApiClient; host: Host } | null = null;

export function installSession(session: { api: ApiClient; host: Host }): void {
  installed = session;
}

/** @deprecated use useEditorSession().api */
export function api(): ApiClient {
  installed ??= { api: createApiClient(pickTransport()), host: null as unknown as Host };
  return installed.api;
}

/** @deprecated use useEditorSession().host */
export function installedHost(): Host | null {
  return installed?.host ?? null;
}
