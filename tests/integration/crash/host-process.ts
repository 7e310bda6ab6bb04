// The real browser host as a child process (out/main/server.js), so a SIGKILL is a
// real kill: started on a data folder and a free loopback port, killed at any moment.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..');
export const SERVER_ENTRY = join(PROJECT_ROOT, 'out', 'main', 'server.js');

const READY_LINE = /Leanmap is running at http:\/\/127\.0\.0\.1:(\d+)\//;

export interface HostProcess {
  child: ChildProcess;
  token: string;
  /** The port once the host printed its address; rejects if it exits first. */
  ready: Promise<number>;
  /** Resolves when the process is gone (after a kill or a crash). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stderr, for the report when something goes wrong. */
  stderr(): string;
  kill(): Promise<void>;
}

export function requireBuiltHost(): void {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`The crash test needs the built browser host (${SERVER_ENTRY}). Run "npx electron-vite build" first.`);
  }
}

export function startHost(dataDir: string, extraEnv: Record<string, string> = {}): HostProcess {
  requireBuiltHost();
  const token = randomBytes(18).toString('base64url');
  const child = spawn(process.execPath, [SERVER_ENTRY, '--data-dir', dataDir, '--port', '0'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Test switches only when a caller asks for them, never inherited by accident.
    env: { ...process.env, LEANMAP_TEST_SWITCHES: '', LEANMAP_TEST_ACK_BEFORE_COMMIT: '', LEANMAP_TOKEN: token, LEANMAP_NO_BROWSER: '1', ...extraEnv },
  });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = READY_LINE.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(({ code, signal }) => reject(new Error(`The host exited before it was ready (code ${code}, signal ${signal}): ${err.trim()}`)));
  });
  ready.catch(() => undefined); // a kill during start-up is expected; callers that await it see the reason
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  return {
    child,
    token,
    ready,
    exited,
    stderr: () => err,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
