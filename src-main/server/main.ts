// Entry point of the browser host (`npm start` without Electron, and the e2e
// tests): opens the data folder, serves the renderer and the API on 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../backend';
import { EXPORT_WARM_UP_AFTER_MS } from '../export/export-runner';
import { resolveDataDir } from '../data-dir';
import { DatabaseError } from '../db/database-error';
import { acquireFolderLock, describeHolder } from '../folder-lock';
import { startHttpHost, type HttpHost } from './http-host';
import { applyTestSwitches } from './test-switches';

const PREFERRED_PORT = 4780;
/** The exit code of a start refused because Leanmap already runs on the data folder. */
const ALREADY_RUNNING_EXIT_CODE = 3;

function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): number | undefined {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : env.LEANMAP_PORT;
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

async function listen(start: (port: number) => Promise<HttpHost>, port: number | undefined): Promise<HttpHost> {
  if (port !== undefined) return start(port);
  try {
    return await start(PREFERRED_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return start(0);
  }
}

async function main(): Promise<void> {
  // Stop cleanly on a signal at any moment, also while still starting: close what
  // is open so far, then free the data folder.
  const opened: { backend?: Backend; host?: HttpHost } = {};
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await opened.host?.close();
    opened.backend?.close();
    process.exit(0); // the exit handler below frees the folder
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.LEANMAP_STOP_WITH_PARENT === '1') stopWithParent(stop);

  const dataDir = resolveDataDir(process.argv, process.env);
  mkdirSync(dataDir, { recursive: true });
  const locked = acquireFolderLock(dataDir, { kind: 'browser-host' });
  if (!locked.ok) {
    // Scripts (npm start) read this line; keep its shape.
    console.log(describeHolder(locked.holder, dataDir));
    process.exit(ALREADY_RUNNING_EXIT_CODE);
  }
  const { lock } = locked;
  // However this process ends (stopped, failed to start), the folder is free again.
  process.on('exit', () => lock.release());
  const backend = await createBackend({ dataDir, exportWorker: { warmUpAfterMs: EXPORT_WARM_UP_AFTER_MS } });
  opened.backend = backend;
  const host = await listen(
    (port) =>
      startHttpHost({
        dispatch: applyTestSwitches(backend.dispatch, process.env),
        rendererDir: join(__dirname, '../renderer'),
        port,
        token: process.env.LEANMAP_TOKEN || undefined,
        events: backend.events,
      }),
    portFromArgs(process.argv, process.env),
  );
  opened.host = host;
  if (stopping) return void host.close(); // a signal came while the port was opening
  lock.setUrl(host.url);
  // Tests and scripts read this line; keep its shape.
  console.log(`Leanmap is running at ${host.url}`);
  console.log(`Data folder: ${dataDir}`);
}

/** Started by `npm start`: when that script is gone (even killed outright), stop too. */
function stopWithParent(stop: () => Promise<void>): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop();
  }, 500).unref();
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseError) console.error(`Leanmap cannot start: ${error.message}`);
  else console.error('Leanmap cannot start:', error);
  process.exit(1);
});
