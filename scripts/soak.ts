// `npm run soak -- --seconds 900 [--seed N] [--lanes N]`: the crash test for as long
// as asked, printing its figures as JSON; exits 1 on any loss or damaged database.
import { runCrashTest } from '../tests/integration/crash/crash-run';
import { buildIfNeeded } from './build-if-needed.mjs';

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
  buildIfNeeded();
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
