// TEST-ONLY switches of the browser host, used by the crash test's negative control
// to prove its checker can see a lost edit. Read only when LEANMAP_TEST_SWITCHES=1;
// never set by the app, its scripts or its installers.
import type { Dispatch } from '../core/dispatcher';

/** How long an acknowledged-but-not-yet-committed map save stays in memory under the switch. */
export const ACK_BEFORE_COMMIT_DELAY_MS = 250;

/**
 * LEANMAP_TEST_ACK_BEFORE_COMMIT=1 (with LEANMAP_TEST_SWITCHES=1): map.save answers
 * "saved" at once and commits later — exactly the bug a crash must expose. Calls run
 * one after another so the lanes never see a conflict of their own making.
 */
export function applyTestSwitches(dispatch: Dispatch, env: NodeJS.ProcessEnv, warn: (line: string) => void = console.error): Dispatch {
  if (env.LEANMAP_TEST_SWITCHES !== '1' || env.LEANMAP_TEST_ACK_BEFORE_COMMIT !== '1') return dispatch;
  warn('TEST SWITCH ON: map saves are acknowledged before they are committed. Never use this folder for real work.');
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return (method, input, context) => {
    const revision = (input as { revision?: unknown } | null)?.revision;
    if (method !== 'map.save' || typeof revision !== 'number') return enqueue(() => dispatch(method, input, context));
    void enqueue(async () => {
      await new Promise((resolve) => setTimeout(resolve, ACK_BEFORE_COMMIT_DELAY_MS));
      return dispatch(method, input, context);
    });
    return Promise.resolve({ ok: true, value: { revision: revision + 1, updatedAt: new Date().toISOString() } });
  };
}
