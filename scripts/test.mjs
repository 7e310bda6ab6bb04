// `npm test`: typecheck (all, then src-shared on its own), lint, build, vitest, Playwright e2e and the Electron smoke,
// in that order. Every step runs even when an earlier one failed (the e2e and
// Electron steps need the build, so they wait for it), output streams as it comes,
// and the very last line sums all steps: `N passed, N failed[, N skipped]`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countStep, formatSummary, sumCounts } from './test-summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const exists = (...files) => files.some((file) => existsSync(join(root, file)));
const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/** @type {{ name: string, kind: 'single' | 'vitest' | 'playwright', command: string[], config: string[], needsBuild?: boolean }[]} */
const STEPS = [
  { name: 'typecheck', kind: 'single', command: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'], config: ['tsconfig.json'] },
  // src-shared alone, without DOM or Node types: it must run in every runtime.
  { name: 'typecheck shared', kind: 'single', command: ['npx', 'tsc', '-p', 'tsconfig.shared.json', '--noEmit'], config: ['tsconfig.shared.json'] },
  { name: 'lint', kind: 'single', command: ['npx', 'eslint', '.'], config: ESLINT_CONFIGS },
  { name: 'build', kind: 'single', command: ['npx', 'electron-vite', 'build'], config: ['electron.vite.config.ts'] },
  { name: 'unit + integration', kind: 'vitest', command: ['npx', 'vitest', 'run'], config: ['vitest.config.ts', 'vitest.config.mts'] },
  {
    name: 'e2e',
    kind: 'playwright',
    command: ['npx', 'playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list'],
    config: ['tests/e2e/playwright.config.ts'],
    needsBuild: true,
  },
  {
    name: 'electron smoke',
    kind: 'playwright',
    command: ['npx', 'playwright', 'test', '-c', 'tests/electron/playwright.config.ts', '--reporter=list'],
    config: ['tests/electron/playwright.config.ts'],
    needsBuild: true,
  },
];

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(130);
  });
}

/** Runs a command, copying its output through while keeping it for the parser. */
function run(command) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32', // npx is npx.cmd there
      env: process.env,
    });
    current = child;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
      process.stderr.write(`Could not run ${command.join(' ')}: ${error.message}\n`);
    });
    child.on('close', (code, signal) => {
      current = undefined;
      resolve({ output, exitCode: signal ? null : code });
    });
  });
}

const results = [];
let buildFailed = false;

for (const step of STEPS) {
  const label = `${step.name}: ${step.command.join(' ')}`;
  if (!exists(...step.config)) {
    console.log(`\n=== ${step.name}: skipped (no ${step.config[0]} yet)`);
    results.push({ step, note: 'not set up yet', counts: { passed: 0, failed: 0, skipped: 0 } });
    continue;
  }
  if (step.needsBuild && buildFailed) {
    console.log(`\n=== ${step.name}: not run, because the build failed`);
    results.push({ step, note: 'not run (build failed)', counts: { passed: 0, failed: 0, skipped: 0 } });
    continue;
  }
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const { output, exitCode } = await run(step.command);
  const counts = countStep({ kind: step.kind, output, exitCode });
  if (step.name === 'build' && exitCode !== 0) buildFailed = true;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ step, note: `${exitCode === 0 ? 'ok' : `exit ${exitCode ?? 'killed'}`}, ${seconds}s`, counts });
}

console.log('\n=== Summary');
for (const { step, note, counts } of results) {
  console.log(`  ${step.name.padEnd(20)} ${formatSummary(counts).padEnd(34)} ${note}`);
}
const total = sumCounts(results.map((result) => result.counts));
console.log(formatSummary(total));
process.exitCode = total.failed > 0 ? 1 : 0;
