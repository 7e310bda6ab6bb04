// `npm start` in the browser-host mode: stopping it with SIGTERM or SIGINT stops the
// host it started — also when the signal goes to npm, whose shell does not pass it on.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../fixtures/backend';
import { eventually, lockHolderPid, portAnswers, processRuns, requireBuild, RUNNING, spawnWatched, type Spawned } from './processes/spawned';

const temp = useTempDirs();
const started: Spawned[] = [];
const hostPids: number[] = [];

beforeAll(requireBuild);
afterEach(async () => {
  for (const pid of hostPids.splice(0)) if (processRuns(pid)) process.kill(pid, 'SIGKILL');
  for (const s of started.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await s.exited;
  }
});

const ENV = { LEANMAP_NO_ELECTRON: '1', LEANMAP_NO_BROWSER: '1' };

async function startApp(how: 'node' | 'npm') {
  const dir = temp.makeDir();
  const args = ['--data-dir', dir, '--port', '0'];
  const app =
    how === 'npm'
      ? spawnWatched(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start', '--silent', '--', ...args], ENV)
      : spawnWatched(process.execPath, ['scripts/start.mjs', ...args], ENV);
  started.push(app);
  const [, , port] = await app.waitFor(RUNNING, 60_000);
  const hostPid = lockHolderPid(dir);
  expect(hostPid).not.toBeNull();
  hostPids.push(hostPid!);
  expect(processRuns(hostPid!)).toBe(true);
  return { app, dir, hostPid: hostPid!, port: Number(port) };
}

async function expectStopped({ dir, hostPid, port, app }: { dir: string; hostPid: number; port: number; app: Spawned }) {
  await eventually(() => !processRuns(hostPid), `the host (process ${hostPid}) has stopped`);
  expect(await portAnswers(port)).toBe(false);
  expect(lockHolderPid(dir), `the data folder is free again; it printed:\n${app.output()}`).toBeNull();
}

describe('stopping npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s to the start script stops the host and frees the port', async (signal) => {
    const started = await startApp('node');
    started.app.child.kill(signal);
    await started.app.exited;
    await expectStopped(started);
  });

  it('SIGTERM to npm itself stops the host too', async () => {
    const started = await startApp('npm');
    started.app.child.kill('SIGTERM');
    await expectStopped(started);
  });

  it('a start script killed outright does not leave its host running', async () => {
    const started = await startApp('node');
    started.app.child.kill('SIGKILL');
    await expectStopped(started);
  });
});
