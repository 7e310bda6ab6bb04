// Reads the pass/fail/skip counts out of each test runner's console output, so
// `npm test` can end with one line that sums every step. Pure; unit-tested.

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

/** @param {string} text */
export function stripAnsi(text) {
  return text.replace(ANSI, '');
}

/** @returns {{ passed: number, failed: number, skipped: number }} */
export function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/**
 * Vitest ends with `Tests  12 passed | 1 failed | 2 skipped (15)` (any order; the
 * `Test Files` line above it is not counted). Returns null when there is no such line.
 * @param {string} output
 */
export function parseVitest(output) {
  const lines = stripAnsi(output).split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^\s*Tests\s+(.*?)\s*(?:\(\d+\))?\s*$/.exec(lines[i] ?? '');
    if (!match) continue;
    const counts = emptyCounts();
    for (const part of (match[1] ?? '').split('|')) {
      const item = /^\s*(\d+)\s+(passed|failed|skipped|todo|expected fail)\b/.exec(part);
      if (!item) continue;
      const n = Number(item[1]);
      if (item[2] === 'passed' || item[2] === 'expected fail') counts.passed += n;
      else if (item[2] === 'failed') counts.failed += n;
      else counts.skipped += n;
    }
    return counts;
  }
  return null;
}

const PLAYWRIGHT_KINDS = /** @type {const} */ ({
  passed: 'passed',
  flaky: 'passed', // passed on retry
  failed: 'failed',
  interrupted: 'failed',
  skipped: 'skipped',
  'did not run': 'skipped',
});

const PLAYWRIGHT_SUMMARY = /^\s+(\d+)\s+(passed|flaky|failed|interrupted|skipped|did not run)(?:\s+\([^)]*\))?\s*$/;

/**
 * Playwright's list/line reporters end with a block of indented lines such as
 * `  1 failed` (followed by the failed tests' titles, indented further), `  1 flaky`,
 * `  2 skipped`, `  1 did not run`, `  3 passed (4.1s)`. Only that final block is read,
 * so a test that prints similar text earlier cannot skew the count. Returns null
 * when there is no summary at all.
 * @param {string} output
 */
export function parsePlaywright(output) {
  const lines = stripAnsi(output).split(/\r?\n/);
  let i = lines.length - 1;
  while (i >= 0 && !PLAYWRIGHT_SUMMARY.test(lines[i] ?? '')) i--; // skip trailing web-server logs
  if (i < 0) return null;
  const counts = emptyCounts();
  const seen = new Set();
  for (; i >= 0; i--) {
    const line = lines[i] ?? '';
    const match = PLAYWRIGHT_SUMMARY.exec(line);
    if (match) {
      const kind = /** @type {keyof typeof PLAYWRIGHT_KINDS} */ (match[2]);
      if (seen.has(kind)) break;
      seen.add(kind);
      counts[PLAYWRIGHT_KINDS[kind]] += Number(match[1]);
    } else if (line.trim() !== '' && !/^\s{4,}/.test(line)) {
      break; // the block's titles are indented by four or more; anything else ends it
    }
  }
  return counts;
}

/**
 * The counts one step contributes. `single` steps (typecheck, lint, build) count as
 * one test. A runner that fails without reporting a failed test (a crash, a config
 * error, a test file that cannot load) still counts one failure, so it cannot hide.
 * @param {{ kind: 'single' | 'vitest' | 'playwright', output: string, exitCode: number | null }} step
 */
export function countStep({ kind, output, exitCode }) {
  const ok = exitCode === 0;
  if (kind === 'single') return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  const counts = (kind === 'vitest' ? parseVitest(output) : parsePlaywright(output)) ?? emptyCounts();
  if (!ok && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** @param {{ passed: number, failed: number, skipped: number }[]} all */
export function sumCounts(all) {
  return all.reduce(
    (sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped }),
    emptyCounts(),
  );
}

/** The last line of `npm test`: `N passed, N failed` and `, N skipped` when any were. */
export function formatSummary({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
