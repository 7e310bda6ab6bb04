// `npm test` sums every runner's counts into one last line; these are the rules it
// reads the runners' output by (samples trimmed from real vitest and Playwright runs).
import { describe, expect, it } from 'vitest';
import { countStep, formatSummary, parsePlaywright, parseVitest, stripAnsi, sumCounts } from '../../scripts/test-summary.mjs';

const ESC = '\u001b';

const vitestGreen = [
  ' ✓  unit  tests/unit/data-dir.test.ts (8 tests) 5ms',
  '',
  ' Test Files  2 passed (2)',
  '      Tests  27 passed (27)',
  '   Start at  19:47:49',
].join('\n');

const vitestMixedColoured = [
  `${ESC}[2m Test Files ${ESC}[22m ${ESC}[1m${ESC}[31m1 failed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[1m${ESC}[32m9 passed${ESC}[39m${ESC}[22m${ESC}[90m (10)${ESC}[39m`,
  `${ESC}[2m      Tests ${ESC}[22m ${ESC}[1m${ESC}[31m2 failed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[1m${ESC}[32m118 passed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[33m3 skipped${ESC}[39m${ESC}[2m | ${ESC}[22m1 todo${ESC}[90m (124)${ESC}[39m`,
].join('\n');

const playwrightMixed = [
  'Running 4 tests using 1 worker',
  '',
  '  3 failed', // printed by a test, not by Playwright
  '  ✓  1 a.spec.ts:2:1 › passes (11ms)',
  '  ✘  2 a.spec.ts:3:1 › fails (9ms)',
  '  -  6 a.spec.ts:5:1 › skipped',
  '',
  '  1) a.spec.ts:3:1 › fails ─────────',
  '',
  '    Error: expect(received).toBe(expected)',
  '',
  '  1 failed',
  '    a.spec.ts:3:1 › fails ──────────',
  '  1 flaky',
  '    a.spec.ts:4:1 › flaky ──────────',
  '  1 skipped',
  '  1 did not run',
  '  7 passed (3.3s)',
].join('\n');

describe('parseVitest', () => {
  it('reads an all-green run', () => {
    expect(parseVitest(vitestGreen)).toEqual({ passed: 27, failed: 0, skipped: 0 });
  });

  it('reads failed, passed, skipped and todo in any order through colour codes', () => {
    expect(parseVitest(vitestMixedColoured)).toEqual({ passed: 118, failed: 2, skipped: 4 });
  });

  it('does not mistake the "Test Files" line for tests', () => {
    expect(parseVitest(' Test Files  3 failed (3)\n      Tests  no tests')).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });

  it('returns null when vitest printed no summary', () => {
    expect(parseVitest('No test files found, exiting with code 1')).toBeNull();
  });
});

describe('parsePlaywright', () => {
  it('reads the final summary block, counting flaky as passed and did-not-run as skipped', () => {
    expect(parsePlaywright(playwrightMixed)).toEqual({ passed: 8, failed: 1, skipped: 2 });
  });

  it('reads a run with only passes, and one with only a skip', () => {
    expect(parsePlaywright('Running 2 tests using 2 workers\n  ✓  1 x › y (1s)\n\n  2 passed (1.2s)\n')).toEqual({
      passed: 2,
      failed: 0,
      skipped: 0,
    });
    expect(parsePlaywright('  -  1 smoke.spec.ts:10:1 › opens\n\n  1 skipped\n')).toEqual({ passed: 0, failed: 0, skipped: 1 });
  });

  it('ignores web-server log lines printed after the summary', () => {
    expect(parsePlaywright('  4 passed (2.0s)\n[WebServer] stopped\n')).toEqual({ passed: 4, failed: 0, skipped: 0 });
  });

  it('returns null when Playwright printed no summary', () => {
    expect(parsePlaywright('Error: No tests found.\n')).toBeNull();
  });
});

describe('countStep', () => {
  it('counts typecheck, lint and build as one test each', () => {
    expect(countStep({ kind: 'single', output: 'whatever', exitCode: 0 })).toEqual({ passed: 1, failed: 0, skipped: 0 });
    expect(countStep({ kind: 'single', output: '', exitCode: 2 })).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(countStep({ kind: 'single', output: '', exitCode: null })).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('counts a runner that failed without a failed test as one failure', () => {
    expect(countStep({ kind: 'vitest', output: ' Test Files  1 failed | 2 passed (3)\n      Tests  20 passed (20)', exitCode: 1 })).toEqual({
      passed: 20,
      failed: 1,
      skipped: 0,
    });
    expect(countStep({ kind: 'playwright', output: 'Error: No tests found.', exitCode: 1 })).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('takes the parsed counts when the runner agrees', () => {
    expect(countStep({ kind: 'playwright', output: playwrightMixed, exitCode: 1 })).toEqual({ passed: 8, failed: 1, skipped: 2 });
  });
});

describe('summary line', () => {
  it('sums steps and prints skipped only when there were some', () => {
    const total = sumCounts([
      { passed: 1, failed: 0, skipped: 0 },
      { passed: 27, failed: 2, skipped: 0 },
    ]);
    expect(formatSummary(total)).toBe('28 passed, 2 failed');
    expect(formatSummary({ passed: 3, failed: 0, skipped: 1 })).toBe('3 passed, 0 failed, 1 skipped');
  });

  it('strips colour codes', () => {
    expect(stripAnsi(`${ESC}[32m5 passed${ESC}[39m`)).toBe('5 passed');
  });
});
