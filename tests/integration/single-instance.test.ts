// One Leanmap per data folder: a second browser host on a folder in use says so and
// points to the first instead of opening the same database; once the first stops
// (or dies), the folder is free again.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../fixtures/backend';
import { eventually, lockHolderPid, portAnswers, processRuns, requireBuild, RUNNING, startHost, type Spawned } from './processes/spawned';

const temp = useTempDirs();
const started: Spawned[] = [];
const start = (dir: string) => {
  const host = startHost(dir);
  started.push(host);
  return host;
};

beforeAll(requireBuild);
afterEach(async () => {
  for (const s of started.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await s.exited;
  }
});

describe('a second Leanmap on a data folder in use', () => {
  it('is refused with the address of the running one, and the first keeps serving', async () => {
    const dir = temp.makeDir();
    const first = start(dir);
    const [, url, port] = await first.waitFor(RUNNING);

    const second = start(dir);
    const { code } = await second.exited;
    expect(code).toBe(3);
    expect(second.output()).toContain(`Leanmap is already running in your browser on this data folder (${dir}, process ${first.child.pid}). Open it at ${url}`);
    expect(second.output()).not.toMatch(RUNNING);
    expect(await portAnswers(Number(port))).toBe(true);
    expect(lockHolderPid(dir)).toBe(first.child.pid);
  });

  it('starts once the first was stopped, and once the first was killed outright', async () => {
    const dir = temp.makeDir();
    const first = start(dir);
    await first.waitFor(RUNNING);
    first.child.kill('SIGTERM');
    await first.exited;
    expect(lockHolderPid(dir)).toBeNull(); // released on a clean stop

    const second = start(dir);
    await second.waitFor(RUNNING);
    second.child.kill('SIGKILL');
    await second.exited;
    await eventually(() => !processRuns(second.child.pid!), 'the killed host is gone');
    expect(lockHolderPid(dir)).toBe(second.child.pid); // a stale lock is left behind…

    const third = start(dir);
    await third.waitFor(RUNNING); // …and taken over
    expect(lockHolderPid(dir)).toBe(third.child.pid);
  });

  it('of two started at the same moment on a free folder, exactly one runs', async () => {
    const dir = temp.makeDir();
    const hosts = [start(dir), start(dir), start(dir)];
    const outcomes = await Promise.all(
      hosts.map((h) => Promise.race([h.waitFor(RUNNING).then(() => 'running'), h.exited.then(({ code }) => `exited ${code}`)])),
    );
    expect(outcomes.filter((o) => o === 'running')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exited 3')).toHaveLength(2);
  });

  it('lets two hosts run side by side on two different folders', async () => {
    const a = start(temp.makeDir());
    const b = start(temp.makeDir());
    await Promise.all([a.waitFor(RUNNING), b.waitFor(RUNNING)]);
  });
});
