// The browser host as a child process for the e2e tests: started on a data folder
// with port 0, its URL read from the line it prints, and restartable on the same
// folder (politely with SIGTERM, or crash-like with SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/** Set by global-setup.ts: the private copy of out/ the tests run against. */
export const BUILD_DIR_ENV = 'LEANMAP_E2E_BUILD_DIR';

/** The host's entry point: in the private copy of the build when there is one. */
function serverPath(): string {
  return resolve(process.env[BUILD_DIR_ENV] ?? resolve(ROOT, 'out'), 'main/server.js');
}
const READY = /Leanmap is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;
const START_TIMEOUT_MS = 20_000;

export class BrowserHost {
  private child: ChildProcess | null = null;
  private output = '';
  /** The URL with the access token, as printed by the host (changes on every start). */
  url = '';

  constructor(readonly dataDir: string) {}

  get origin(): string {
    return new URL(this.url).origin;
  }

  get token(): string {
    return new URL(this.url).searchParams.get('token') ?? '';
  }

  /** The token URL opening a route of the app, e.g. `#/workshop/<id>`. */
  urlFor(hash = ''): string {
    return `${this.url}${hash}`;
  }

  /** Everything the host printed since it was started (for failure messages). */
  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the host; on a given port to keep the page's origin (and its browser storage) across a restart. */
  async start(port = 0): Promise<string> {
    if (this.running) throw new Error('The host is already running.');
    const server = serverPath();
    if (!existsSync(server)) throw new Error(`${server} is missing: run \`npx electron-vite build\` first.`);
    const env = { ...process.env };
    delete env.LEANMAP_TOKEN;
    delete env.LEANMAP_PORT;
    delete env.LEANMAP_DATA_DIR;
    const child = spawn(process.execPath, [server, '--data-dir', this.dataDir, '--port', String(port)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    this.url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => fail(new Error(`The host did not start within ${START_TIMEOUT_MS} ms.`)), START_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(new Error(`${error.message}\n--- host output ---\n${this.output}`));
      };
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = READY.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('error', fail);
      child.once('exit', (code, signal) => fail(new Error(`The host exited (code ${code}, signal ${signal}) before it was ready.`)));
    });
    return this.url;
  }

  /** Stops the host: SIGTERM lets it close the database; SIGKILL is a crash. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 10_000));
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Stops and starts again on the same data folder; returns the new token URL. */
  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<string> {
    await this.stop(signal);
    return this.start();
  }
}
