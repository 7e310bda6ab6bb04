// Nothing acknowledged is ever lost: the real browser host is killed with SIGKILL
// dozens of times (some while starting) while four lanes edit, and after every kill
// the database is whole and every acknowledged edit is there. A negative control
// proves the checker can see a loss. Longer runs: `npm run soak -- --seconds 900`.
import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crash-run';

const ACK_BEFORE_COMMIT = { LEANMAP_TEST_SWITCHES: '1', LEANMAP_TEST_ACK_BEFORE_COMMIT: '1' };

describe('killing the browser host at random moments', () => {
  it('loses no acknowledged edit and leaves a whole database, kill after kill', { timeout: 180_000 }, async () => {
    const report = await runCrashTest({ seed: 20261122, kills: 30, seconds: 45 });
    expect(report.integrityFailures).toEqual([]);
    expect(report.lossDetails).toEqual([]);
    expect(report.unexpectedRefusals).toEqual([]);
    expect(report.kills).toBeGreaterThanOrEqual(15);
    expect(report.startupKills).toBeGreaterThan(0);
    expect(report.acknowledgedEdits).toBeGreaterThan(200);
  });

  it('sees the loss when a save is acknowledged before it is committed (negative control)', { timeout: 90_000 }, async () => {
    const report = await runCrashTest({
      seed: 7,
      kills: 4,
      seconds: 30,
      startupKillShare: 0,
      hostEnv: ACK_BEFORE_COMMIT,
      expectRefusals: true,
    });
    expect(report.losses).toBeGreaterThan(0);
    expect(report.lossDetails.join('\n')).toMatch(/map version .* at revision \d+, acknowledged \d+/);
  });
});
