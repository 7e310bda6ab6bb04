// Runs Electronegativity on the app's sources and turns its CSV into a verdict: it
// exits 0 even on HIGH findings, so the gate is this file, not its exit code.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..');
export const ALLOWLIST_FILE = join(PROJECT_ROOT, 'security', 'electronegativity-allowlist.json');
const CLI = join(PROJECT_ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

/** What is scanned: Electron's main process, the preload and the renderer, with package.json so the Electron version is known. */
export const SCANNED = ['package.json', 'src-main', 'src-renderer'];

/** Needs the network (it fetches Electron's release list); Electron upgrades are reviewed with npm audit instead. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}

export interface Allowed {
  issue: string;
  file: string;
  reason: string;
}

export function readAllowlist(file = ALLOWLIST_FILE): Allowed[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { allowed: Allowed[] }).allowed;
}

export function parseFindings(csv: string): Finding[] {
  const rows = parse(csv, { columns: true, trim: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((r) => ({
    issue: r.issue ?? '',
    severity: r.severity ?? '',
    confidence: r.confidence ?? '',
    file: r.filename ?? '',
    location: r.location ?? '',
    description: r.description ?? '',
  }));
}

/** Findings that fail the gate (not informational, not allowed with a reason) and allowlist entries nothing matched. */
export function judge(findings: readonly Finding[], allowlist: readonly Allowed[]) {
  const allows = (f: Finding) => allowlist.some((a) => a.issue === f.issue && a.file === f.file && a.reason.trim().length >= 20);
  const unallowed = findings.filter((f) => f.severity !== 'INFORMATIONAL' && !allows(f));
  const stale = allowlist.filter((a) => !findings.some((f) => f.issue === a.issue && f.file === a.file));
  return { unallowed, stale };
}

export async function scan(): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leanmap-electronegativity-'));
  try {
    const input = join(dir, 'src');
    for (const entry of SCANNED) cpSync(join(PROJECT_ROOT, entry), join(input, entry), { recursive: true });
    // Electronegativity writes its CSV header and its rows with two unawaited writes, the
    // header truncating the file: now and then the header lands last, over the first row,
    // and the file cannot be read. Such a file is thrown away and the scan run again.
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const output = join(dir, `findings-${attempt}.csv`);
      await new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          [CLI, '-i', input, '-r', '-o', output, '-v', 'false', '-x', EXCLUDED_CHECKS.join(',')],
          { cwd: dir, timeout: 120_000, env: { ...process.env, LANG: 'en-US' } },
          (error, _stdout, stderr) => (error ? reject(new Error(`Electronegativity failed: ${error.message} ${stderr}`)) : resolve()),
        ),
      );
      try {
        return parseFindings(readFileSync(output, 'utf8'));
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
