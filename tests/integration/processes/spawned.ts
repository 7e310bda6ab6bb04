// Starting Leanmap's real processes for the tests (the built host, npm start) and
// watching what they print, whether they run, and whether their port still answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const SERVER = join(ROOT, 'out', 'main', 'server.js');

export function requireBuild(): void {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npx electron-vite build\` first.`);
}

export interface Spawned {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in what it printed (stdout and stderr). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnWatched(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const childEnv = { ...process.env, ...env };
  delete childEnv.LEANMAP_TOKEN;
  delete childEnv.LEANMAP_PORT;
  delete childEnv.LEANMAP_DATA_DIR;
  const child = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const add = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', add);
  child.stderr!.on('data', add);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return {
    child,
    output: () => text,
    exited,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolvePromise, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (!match) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolvePromise(match);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`Nothing matched ${pattern} within ${timeoutMs} ms. Output:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        check();
        void exited.then(() => {
          if (listeners.has(check) && !check()) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`Exited before printing ${pattern}. Output:\n${text}`));
          }
        });
      }),
  };
}

export const RUNNING = /Leanmap is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[\w-]+)/;

export function startHost(dataDir: string): Spawned {
  return spawnWatched(process.execPath, [SERVER, '--data-dir', dataDir, '--port', '0']);
}

export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Polls until `check` holds, or fails after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
}

export function lockHolderPid(dataDir: string): number | null {
  try {
    return (JSON.parse(readFileSync(join(dataDir, 'leanmap.lock'), 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}
