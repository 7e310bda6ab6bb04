// `npm run soak -- --seconds 900 [--seed N] [--lanes N]`: the crash test for as long
// as asked, printing its figures as JSON; exits 1 on any loss or damaged database.
import { runCrashTest } from '../tests/integration/crash/crash-run';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a positive number, not "${process.argv[i + 1] ?? ''}".`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const seconds = option('seconds', 120);
  const seed = option('seed', Math.floor(Date.now() % 1_000_000_000));
  const lanes = option('lanes', 4);
  // Build output goes to stderr: stdout carries only the JSON figures.
  const built = spawnSync(process.execPath, ['-e', "import('./scripts/build-if-needed.mjs').then((m) => m.buildIfNeeded())"], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 2, 2],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  console.error(`Soak: ${seconds} s of kills, seed ${seed}, ${lanes} lanes…`);
  const report = await runCrashTest({
    seed,
    lanes,
    seconds,
    kills: Number.POSITIVE_INFINITY,
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.losses === 0 && report.integrityFailures.length === 0 && report.unexpectedRefusals.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error('Soak failed:', error);
  process.exit(1);
});
