// The host's test-only switch is off unless both variables say otherwise, and when
// on it really does answer a map save before committing it.
import { describe, expect, it, vi } from 'vitest';
import { ACK_BEFORE_COMMIT_DELAY_MS, applyTestSwitches } from '../../src-main/server/test-switches';

const committed: unknown[] = [];
const dispatch = vi.fn(async (method: string, input: unknown) => {
  committed.push({ method, input });
  return { ok: true as const, value: { revision: 99, updatedAt: 'x' } };
});

describe('the test-only ack-before-commit switch', () => {
  it.each([{}, { LEANMAP_TEST_ACK_BEFORE_COMMIT: '1' }, { LEANMAP_TEST_SWITCHES: '1' }, { LEANMAP_TEST_SWITCHES: 'true', LEANMAP_TEST_ACK_BEFORE_COMMIT: '1' }])(
    'leaves the dispatcher untouched without both variables (%o)',
    (env) => {
      expect(applyTestSwitches(dispatch, env, () => {})).toBe(dispatch);
    },
  );

  it('answers a map save at once and commits it later, warning loudly', async () => {
    vi.useFakeTimers();
    try {
      committed.length = 0;
      const warn = vi.fn();
      const switched = applyTestSwitches(dispatch, { LEANMAP_TEST_SWITCHES: '1', LEANMAP_TEST_ACK_BEFORE_COMMIT: '1' }, warn);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('TEST SWITCH ON'));
      const answer = await switched('map.save', { versionId: 'v', revision: 4, document: {} });
      expect(answer).toMatchObject({ ok: true, value: { revision: 5 } });
      expect(committed).toEqual([]);
      await vi.advanceTimersByTimeAsync(ACK_BEFORE_COMMIT_DELAY_MS);
      expect(committed).toEqual([{ method: 'map.save', input: { versionId: 'v', revision: 4, document: {} } }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
