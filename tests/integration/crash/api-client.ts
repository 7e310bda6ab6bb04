// Calls the browser host's API exactly as Leanmap's own page does (POST /api/<method>
// with the access key and the page's Origin), and says which of three things happened.
export type CallResult =
  | { kind: 'ok'; value: unknown }
  | { kind: 'refused'; code: string; message: string }
  /** No answer: the host died (or was never there). The edit may or may not be stored. */
  | { kind: 'lost'; reason: string };

export interface ApiClient {
  call(method: string, input: unknown): Promise<CallResult>;
}

export function apiClient(port: number, token: string, timeoutMs = 20_000): ApiClient {
  const origin = `http://127.0.0.1:${port}`;
  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, 'x-leanmap-token': token },
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return { kind: 'lost', reason: String((error as Error).cause ?? error) };
      }
      let body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      try {
        body = (await response.json()) as typeof body;
      } catch (error) {
        return { kind: 'lost', reason: `answer cut off: ${String(error)}` };
      }
      if (body.ok) return { kind: 'ok', value: body.value };
      return { kind: 'refused', code: body.error?.code ?? `HTTP ${response.status}`, message: body.error?.message ?? '' };
    },
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
