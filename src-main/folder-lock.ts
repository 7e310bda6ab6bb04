// One Leanmap per data folder: a lock file beside leanmap.db that says which process
// (and, for the browser host, which address) holds the folder, so a second start
// points to the running one instead of opening the same database a second time.
// A lock left by a process that no longer runs (a crash, a kill) is taken over.
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'leanmap.lock';

export type LockHolderKind = 'browser-host' | 'desktop';

export interface LockHolder {
  pid: number;
  kind: LockHolderKind;
  /** Where the browser host can be opened (with its access key); null for the desktop app. */
  url: string | null;
  startedAt: string;
}

export interface FolderLock {
  file: string;
  /** Records the address once the host listens. */
  setUrl(url: string): void;
  /** Gives the folder up (only if this process still holds it). */
  release(): void;
}

export type LockResult = { ok: true; lock: FolderLock } | { ok: false; holder: LockHolder };

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a lock file's text; anything that is not a lock (half-written, edited) is null. */
export function parseLockHolder(text: string): LockHolder | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
  if (v.kind !== 'browser-host' && v.kind !== 'desktop') return null;
  const url = typeof v.url === 'string' && /^https?:\/\//.test(v.url) ? v.url : null;
  return { pid: v.pid, kind: v.kind, url, startedAt: typeof v.startedAt === 'string' ? v.startedAt : '' };
}

/** What a second start says, in a facilitator's words. */
export function describeHolder(holder: LockHolder, dataDir: string): string {
  if (holder.kind === 'desktop') {
    return `Leanmap is already open as the desktop app on this data folder (${dataDir}, process ${holder.pid}). Switch to its window, or close it first.`;
  }
  const where = holder.url ? `Open it at ${holder.url}` : 'It is still starting; open the address it prints';
  return `Leanmap is already running in your browser on this data folder (${dataDir}, process ${holder.pid}). ${where} — or stop it first.`;
}

export interface AcquireOptions {
  kind: LockHolderKind;
  pid?: number;
  now?: () => Date;
  isAlive?: (pid: number) => boolean;
}

export function acquireFolderLock(dataDir: string, options: AcquireOptions): LockResult {
  const { kind, pid = process.pid, now = () => new Date(), isAlive = processIsAlive } = options;
  const file = join(dataDir, LOCK_FILE_NAME);
  let mine: LockHolder = { pid, kind, url: null, startedAt: now().toISOString() };
  // The lock file only ever appears complete: written beside it first, then linked
  // (fails if one exists: exactly one of two racing starts wins) or renamed over it.
  const write = (mode: 'create' | 'replace') => {
    const temp = `${file}.${pid}.tmp`;
    writeFileSync(temp, JSON.stringify(mine), { mode: 0o600 });
    try {
      if (mode === 'create') linkSync(temp, file);
      else renameSync(temp, file);
    } finally {
      rmSync(temp, { force: true });
    }
  };

  const lock: FolderLock = {
    file,
    setUrl: (url) => {
      mine = { ...mine, url };
      if (holderOf(file)?.pid === pid) write('replace');
    },
    release: () => {
      if (holderOf(file)?.pid !== pid) return;
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };

  // Two tries: the second after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      write('create');
      return { ok: true, lock };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(file);
    if (holder && holder.pid === pid) {
      write('replace');
      return { ok: true, lock };
    }
    if (holder && isAlive(holder.pid)) return { ok: false, holder };
    try {
      unlinkSync(file); // stale: its process is gone, or the file is not a lock
    } catch {
      // someone else removed it first; try again
    }
  }
  const holder = holderOf(file);
  if (holder) return { ok: false, holder };
  throw new Error(`Leanmap could not lock its data folder (${dataDir}).`);
}

function holderOf(file: string): LockHolder | null {
  try {
    return parseLockHolder(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
