// One Leanmap per data folder: the lock file says who holds the folder; a second
// start is refused with a pointer to the first; a lock whose process is gone is taken over.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secondInstanceNotice } from '../../src-main/electron/second-instance';
import { acquireFolderLock, describeHolder, LOCK_FILE_NAME, parseLockHolder, processIsAlive } from '../../src-main/folder-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leanmap-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pids: number[]) => (pid: number) => pids.includes(pid);
const lockText = () => JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')) as Record<string, unknown>;

describe('acquireFolderLock', () => {
  it('takes a free folder and records the process, then its address', () => {
    const result = acquireFolderLock(dir, { kind: 'browser-host', pid: 100, now: () => new Date('2026-11-22T10:00:00Z') });
    expect(result.ok).toBe(true);
    expect(lockText()).toEqual({ pid: 100, kind: 'browser-host', url: null, startedAt: '2026-11-22T10:00:00.000Z' });
    if (result.ok) result.lock.setUrl('http://127.0.0.1:4780/?token=abc');
    expect(lockText()).toMatchObject({ url: 'http://127.0.0.1:4780/?token=abc' });
  });

  it('refuses a folder another running Leanmap holds, and says who holds it', () => {
    const first = acquireFolderLock(dir, { kind: 'browser-host', pid: 100, isAlive: alive([100, 200]) });
    if (first.ok) first.lock.setUrl('http://127.0.0.1:4780/?token=abc');
    const second = acquireFolderLock(dir, { kind: 'desktop', pid: 200, isAlive: alive([100, 200]) });
    expect(second).toEqual({ ok: false, holder: expect.objectContaining({ pid: 100, kind: 'browser-host', url: 'http://127.0.0.1:4780/?token=abc' }) });
    expect(lockText()).toMatchObject({ pid: 100 }); // unchanged
  });

  it('takes over a lock whose process no longer runs (a crash or a kill)', () => {
    acquireFolderLock(dir, { kind: 'browser-host', pid: 100, isAlive: alive([]) });
    const second = acquireFolderLock(dir, { kind: 'browser-host', pid: 200, isAlive: alive([200]) });
    expect(second.ok).toBe(true);
    expect(lockText()).toMatchObject({ pid: 200, url: null });
  });

  it('takes over a lock file that is not a lock (empty, edited by hand)', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), '');
    expect(acquireFolderLock(dir, { kind: 'desktop', pid: 300, isAlive: alive([300]) }).ok).toBe(true);
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"pid": "nine"}');
    expect(acquireFolderLock(dir, { kind: 'desktop', pid: 301, isAlive: alive([300, 301]) }).ok).toBe(true);
  });

  it('release frees the folder, but only for the process that holds it', () => {
    const first = acquireFolderLock(dir, { kind: 'browser-host', pid: 100, isAlive: alive([]) });
    acquireFolderLock(dir, { kind: 'browser-host', pid: 200, isAlive: alive([200]) }); // took over the stale lock
    if (first.ok) first.lock.release();
    expect(lockText()).toMatchObject({ pid: 200 });

    const again = acquireFolderLock(dir, { kind: 'browser-host', pid: 200, isAlive: alive([200]) });
    if (again.ok) again.lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});

describe('parseLockHolder', () => {
  it('reads a lock and drops an address that is not http(s)', () => {
    expect(parseLockHolder('{"pid":7,"kind":"desktop","url":"javascript:alert(1)","startedAt":"x"}')).toEqual({
      pid: 7,
      kind: 'desktop',
      url: null,
      startedAt: 'x',
    });
    expect(parseLockHolder('{"pid":0,"kind":"desktop"}')).toBeNull();
    expect(parseLockHolder('{"pid":7,"kind":"server"}')).toBeNull();
    expect(parseLockHolder('[')).toBeNull();
    expect(parseLockHolder('null')).toBeNull();
  });
});

describe('describeHolder', () => {
  it('points to the running browser host by its address', () => {
    expect(describeHolder({ pid: 42, kind: 'browser-host', url: 'http://127.0.0.1:4780/?token=k', startedAt: '' }, '/data')).toBe(
      'Leanmap is already running in your browser on this data folder (/data, process 42). Open it at http://127.0.0.1:4780/?token=k — or stop it first.',
    );
  });

  it('sends the facilitator to the desktop window', () => {
    expect(describeHolder({ pid: 42, kind: 'desktop', url: null, startedAt: '' }, '/data')).toMatch(
      /already open as the desktop app on this data folder \(\/data, process 42\)\. Switch to its window/,
    );
  });
});

describe('processIsAlive', () => {
  it('knows this process runs and a made-up one does not', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    expect(processIsAlive(2 ** 22 + 12345)).toBe(false);
  });
});

describe('secondInstanceNotice (desktop app)', () => {
  it('offers to open the running browser host at its address', () => {
    const notice = secondInstanceNotice({ pid: 42, kind: 'browser-host', url: 'http://127.0.0.1:4780/?token=k', startedAt: '' }, '/data');
    expect(notice).toMatchObject({ title: 'Leanmap is already running', buttons: ['Open it in the browser', 'Close'], openUrl: 'http://127.0.0.1:4780/?token=k' });
    expect(notice.detail).toContain('Open it at http://127.0.0.1:4780/?token=k');
  });

  it('only closes when the holder has no address (another desktop app, a host still starting)', () => {
    expect(secondInstanceNotice({ pid: 42, kind: 'desktop', url: null, startedAt: '' }, '/data')).toMatchObject({ buttons: ['Close'], openUrl: null });
    expect(secondInstanceNotice({ pid: 42, kind: 'browser-host', url: null, startedAt: '' }, '/data')).toMatchObject({ buttons: ['Close'], openUrl: null });
  });
});
