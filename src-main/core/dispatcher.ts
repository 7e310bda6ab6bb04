// The one transport-neutral entry point: validate the input against the contract,
// run the handler, and answer with a WireResult. Never throws.
import { contract, isMethod, type Method } from '../../src-shared/api/contract';
import { DomainError, type WireResult } from '../../src-shared/api/errors';
import { describeProblems, parseForPeople } from '../../src-shared/domain/plain-issues';
import type { EventHub } from '../events/event-hub';
import type { EventRules } from '../events/event-rules';
import type { Handlers } from './handlers';

/** Who is calling: the window's own id, so the events it causes name it (it skips its echo). */
export interface CallContext {
  windowId?: string | null;
}

export type Dispatch = (method: string, input: unknown, context?: CallContext) => Promise<WireResult<unknown>>;

/** Publishing after each successful write; absent in tests that only need answers. */
export interface DispatchEvents {
  hub: EventHub;
  rules: EventRules;
}

export function createDispatcher(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
  events?: DispatchEvents,
): Dispatch {
  return async (method, input, context) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Leanmap has no operation called "${method}".` } };
    }
    const parsed = parseForPeople(contract[method].input, input ?? {});
    if (!parsed.success) {
      // A field the app never sends is named, not silently dropped.
      const unknownField = parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys');
      return {
        ok: false,
        error: { code: unknownField ? 'UNKNOWN_FIELD' : 'VALIDATION', message: describeProblems(parsed.error.issues) },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      // Looked up before the write: a deleted version cannot say its workshop afterwards.
      const after = events?.rules(method, parsed.data as Record<string, unknown>, context?.windowId ?? null) ?? null;
      const value = await handler(parsed.data);
      if (after && events) {
        // Only after the write succeeded, so nobody re-fetches a change that was refused.
        for (const event of after(value)) events.hub.publish(event);
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: { code: error.code, message: error.message } };
      log(`Leanmap: ${method as Method} failed`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong inside Leanmap; your last change may not be saved. Try again.' },
      };
    }
  };
}
