// The presenter's copy of a workshop's facilitation records: calls the session API,
// keeps the newest answer (a slow reply never overwrites a newer one), re-reads on
// pushed session.changed events, sends a window's changes in the order made, and
// knows the backend's clock for the timer.
import type { Method, MethodInput, Session } from '../../../src-shared/api/contract';
import type { ApiClient } from '../../api/client';

/** The session methods a control can call; all answer the whole session. */
export type SessionMethod = Extract<Method, `session.${string}` | `vote.${string}` | `parking.${string}` | `decision.${string}`>;

export interface SessionController {
  current(): Session | null;
  /** Backend clock now (ms): the local clock corrected by the last answer's serverTime. */
  now(): number;
  /** Problem reading the session, in a facilitator's words; '' when none. */
  problem(): string;
  subscribe(listener: () => void): () => void;
  refresh(): Promise<void>;
  /** Runs one change; resolves to the refusal's message, or null when it was stored. */
  run<M extends SessionMethod>(method: M, input: Omit<MethodInput<M>, 'workshopId'>): Promise<string | null>;
}

/**
 * One line of session changes per workshop, shared by every controller of a window
 * (the console strip and the Run the room view each have one); the window's
 * EditorSession owns it. A change is sent only once the one before it is answered:
 * sent together, they can reach the backend in either order, and going to an agenda
 * item (which then sets the timer) followed at once by S (start) left the timer reset
 * and stopped.
 */
export interface ChangeLines {
  inLine<T>(workshopId: string, change: () => Promise<T>): Promise<T>;
}

export function createChangeLines(): ChangeLines {
  const lines = new Map<string, Promise<unknown>>();
  return {
    inLine(workshopId, change) {
      const previous = lines.get(workshopId);
      // With nothing waiting, the change goes at once (not a tick later).
      const next = previous ? previous.then(change, change) : change();
      lines.set(workshopId, next);
      void next.finally(() => {
        if (lines.get(workshopId) === next) lines.delete(workshopId);
      });
      return next;
    },
  };
}

export interface SessionControllerOptions {
  /** The window's line of changes (its EditorSession's); a line of its own when not given. */
  lines?: ChangeLines;
  localNow?: () => number;
}

export function createSessionController(api: ApiClient, workshopId: string, { lines = createChangeLines(), localNow = Date.now }: SessionControllerOptions = {}): SessionController {
  let session: Session | null = null;
  let offset = 0;
  let problem = '';
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());

  /** Keeps an answer only if it is not older than what is shown (answers can arrive out of order). */
  const accept = (next: Session) => {
    if (session && next.revision < session.revision) return;
    offset = Date.parse(next.serverTime) - localNow();
    session = next;
    problem = '';
    emit();
  };

  const refresh = async () => {
    const result = await api.call('session.get', { workshopId });
    if (result.ok) accept(result.value);
    else {
      problem = result.error.message;
      emit();
    }
  };

  return {
    current: () => session,
    now: () => localNow() + offset,
    problem: () => problem,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    run(method, input) {
      return lines.inLine(workshopId, () => runNow(method, input));
    },
  };

  async function runNow<M extends SessionMethod>(method: M, input: Omit<MethodInput<M>, 'workshopId'>): Promise<string | null> {
    const result = await api.call(method, { ...input, workshopId } as MethodInput<typeof method>);
    if (result.ok) {
      accept(result.value as Session);
      return null;
    }
    if (result.error.code !== 'CONFLICT') return result.error.message;
    // Another window changed the session first: show the latest. Where the room is and
    // what it sees are a facilitator's latest choice, so that change is made again on
    // the new revision; an agenda edit is not, since it could undo the other window's.
    await refresh();
    const patch = (input as { patch?: Record<string, unknown> }).patch;
    if (method === 'session.update' && session && patch && !('agenda' in patch)) {
      const again = await api.call(method, { ...input, revision: session.revision, workshopId } as MethodInput<typeof method>);
      if (again.ok) {
        accept(again.value as Session);
        return null;
      }
      return again.error.message;
    }
    return result.error.message;
  }
}
