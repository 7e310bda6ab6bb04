// Entry point of the browser host (`npm start` without Electron, and the e2e
// tests): opens the data folder, serves the renderer and the API on 127.0.0.1.
import { join } from 'node:path';
import { createBackend } from '../backend';
import { resolveDataDir } from '../data-dir';
import { DatabaseError } from '../db/database-error';
import { startHttpHost, type HttpHost } from './http-host';
import { applyTestSwitches } from './test-switches';

const PREFERRED_PORT = 4780;

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
  const dataDir = resolveDataDir(process.argv, process.env);
  const backend = await createBackend({ dataDir });
  const host = await listen(
    (port) =>
      startHttpHost({
        dispatch: applyTestSwitches(backend.dispatch, process.env),
        rendererDir: join(__dirname, '../renderer'),
        port,
        token: process.env.LEANMAP_TOKEN || undefined,
      }),
    portFromArgs(process.argv, process.env),
  );
  // Tests and scripts read this line; keep its shape.
  console.log(`Leanmap is running at ${host.url}`);
  console.log(`Data folder: ${dataDir}`);
  const stop = async () => {
    await host.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseError) console.error(`Leanmap cannot start: ${error.message}`);
  else console.error('Leanmap cannot start:', error);
  process.exit(1);
});
