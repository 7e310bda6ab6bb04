// The Electron security gate: every Electronegativity finding on the sources is
// either informational or reviewed in security/electronegativity-allowlist.json
// with its reason. The gate's own judgement is tested on made-up findings first.
import { describe, expect, it } from 'vitest';
import { judge, parseFindings, readAllowlist, scan, type Finding } from './electronegativity-gate';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  issue: 'CONTEXT_ISOLATION_JS_CHECK',
  severity: 'HIGH',
  confidence: 'FIRM',
  file: 'src-main/electron/window.ts',
  location: '7:17',
  description: 'Review the use of the contextIsolation option',
  ...overrides,
});
const reason = 'Reviewed: the options come from a tested function.';

describe('the Electronegativity gate', () => {
  it('reads the CSV Electronegativity writes (a header with spaces, quoted fields)', () => {
    const csv = [
      'issue, severity, confidence, filename, location, sample, description, url',
      'SANDBOX_JS_CHECK,"MEDIUM","FIRM","src-main/electron/window.ts","7:17","new BrowserWindow(a, b)","Use sandbox, please",https://x',
    ].join('\n');
    expect(parseFindings(csv)).toEqual([
      { issue: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', confidence: 'FIRM', file: 'src-main/electron/window.ts', location: '7:17', description: 'Use sandbox, please' },
    ]);
  });

  it('fails a HIGH finding that nobody reviewed, and passes it once allowed with a reason', () => {
    expect(judge([finding()], []).unallowed).toHaveLength(1);
    expect(judge([finding()], [{ issue: 'CONTEXT_ISOLATION_JS_CHECK', file: 'src-main/electron/window.ts', reason }]).unallowed).toEqual([]);
  });

  it('does not let an allowance without a real reason, or for another file, pass a finding', () => {
    expect(judge([finding()], [{ issue: 'CONTEXT_ISOLATION_JS_CHECK', file: 'src-main/electron/window.ts', reason: 'ok' }]).unallowed).toHaveLength(1);
    expect(judge([finding()], [{ issue: 'CONTEXT_ISOLATION_JS_CHECK', file: 'src-main/index.ts', reason }]).unallowed).toHaveLength(1);
  });

  it('ignores informational findings and names allowances that no longer match anything', () => {
    const { unallowed, stale } = judge([finding({ severity: 'INFORMATIONAL' })], [{ issue: 'GONE_CHECK', file: 'x.ts', reason }]);
    expect(unallowed).toEqual([]);
    expect(stale).toEqual([{ issue: 'GONE_CHECK', file: 'x.ts', reason }]);
  });

  it('finds nothing in the sources that is not reviewed in the allowlist', { timeout: 150_000 }, async () => {
    const findings = await scan();
    expect(findings.length).toBeGreaterThan(0); // the scanner really ran and read the sources
    const { unallowed, stale } = judge(findings, readAllowlist());
    if (stale.length > 0) console.warn(`Electronegativity allowlist entries that match nothing now (remove them): ${JSON.stringify(stale)}`);
    expect(unallowed.map((f) => `${f.severity} ${f.issue} in ${f.file}:${f.location} — ${f.description}`)).toEqual([]);
  });
});
