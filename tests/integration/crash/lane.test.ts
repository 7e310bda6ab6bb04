// The lanes' bookkeeping, against a backend in this process whose answers can be
// cut off: the edit in flight when the host "dies" may be stored or not, and both
// are fine; an edit that was acknowledged but not stored is a loss.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { tickingClock } from '../../fixtures/backend';
import { seededRandom, type ApiClient, type CallResult } from './api-client';
import { Lane, type LaneTally } from './lane';

let dir: string;
let backend: Backend;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leanmap-lane-'));
  backend = await createBackend({ dataDir: dir, clock: tickingClock(), log: () => {} });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

type Fault = 'none' | 'die-before-commit' | 'die-after-commit' | 'ack-saves-without-commit';

/** The backend as the lanes see it over HTTP; after `callsUntilDeath` calls, the host "dies" in the chosen way. */
function faultyApi(fault: Fault, callsUntilDeath = Number.POSITIVE_INFINITY): ApiClient {
  let calls = 0;
  let dead = false;
  return {
    async call(method, input): Promise<CallResult> {
      if (dead) return { kind: 'lost', reason: 'ECONNREFUSED' };
      calls += 1;
      if (fault === 'ack-saves-without-commit' && method === 'map.save') {
        return { kind: 'ok', value: { revision: (input as { revision: number }).revision + 1, updatedAt: 'now' } };
      }
      if (calls >= callsUntilDeath) {
        dead = true;
        if (fault === 'die-after-commit') await backend.dispatch(method, input);
        return { kind: 'lost', reason: 'socket hang up' };
      }
      const result = await backend.dispatch(method, input);
      return result.ok ? { kind: 'ok', value: result.value } : { kind: 'refused', code: result.error.code, message: result.error.message };
    },
  };
}

const healthy = () => faultyApi('none');

async function aLaneThatDied(fault: Fault, seed: number, calls: number): Promise<{ lane: Lane; tally: LaneTally }> {
  const tally: LaneTally = { acknowledgedEdits: 0, losses: [], unexpected: [] };
  const lane = new Lane('lane1', seededRandom(seed), tally);
  await lane.run(faultyApi(fault, calls), () => false);
  return { lane, tally };
}

describe('a lane of edits', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('accepts the edit in flight as lost when the host died before committing it (seed %i)', async (seed) => {
    const { lane, tally } = await aLaneThatDied('die-before-commit', seed, 40);
    await lane.verify(healthy());
    expect(tally.acknowledgedEdits).toBeGreaterThan(10);
    expect(tally.losses).toEqual([]);
    expect(tally.unexpected).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('accepts the edit in flight as stored when the host died after committing it (seed %i)', async (seed) => {
    const { lane, tally } = await aLaneThatDied('die-after-commit', seed, 40);
    await lane.verify(healthy());
    expect(tally.losses).toEqual([]);
  });

  it('goes on from what is stored after a restart, and its next edits are checked again', async () => {
    const { lane, tally } = await aLaneThatDied('die-after-commit', 3, 30);
    await lane.verify(healthy());
    await lane.resync(healthy());
    await lane.run(faultyApi('die-before-commit', 30), () => false);
    await lane.verify(healthy());
    expect(tally.losses).toEqual([]);
    expect(tally.acknowledgedEdits).toBeGreaterThan(20);
  });

  it('reports a map save that was acknowledged but never stored', async () => {
    const { lane, tally } = await aLaneThatDied('ack-saves-without-commit', 5, 60);
    await lane.verify(healthy());
    expect(tally.losses.join('\n')).toMatch(/map version .* at revision \d+, acknowledged \d+/);
  });
});
