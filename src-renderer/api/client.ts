// The typed API the renderer uses: `api.call(method, input)`, the same whatever
// transport carries it. Failures are values, never exceptions. Each EditorSession
// builds its own; components take it with useApi() (session/SessionContext.tsx).
import type { Method, MethodInput, MethodOutput } from '../../src-shared/api/contract';
import type { WireResult } from '../../src-shared/api/errors';
import type { CallOptions, Transport } from './transports';

export interface ApiClient {
  call<M extends Method>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<WireResult<MethodOutput<M>>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (method, input, options) => transport(method, input, options) as never,
  };
}
