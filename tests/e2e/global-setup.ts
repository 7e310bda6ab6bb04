// Runs the e2e tests against a private copy of the build (out/), so that a
// rebuild started elsewhere in the checkout during the run (electron-vite empties
// out/ first) cannot pull the renderer out from under the host. The copy is
// checked for consistency: every asset index.html names must be in it.
import { cp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR_ENV, ROOT } from './host';

const OUT = join(ROOT, 'out');
const ATTEMPTS = 10;

async function consistent(dir: string): Promise<boolean> {
  const server = join(dir, 'main/server.js');
  const index = join(dir, 'renderer/index.html');
  if (!existsSync(server) || !existsSync(index)) return false;
  const html = await readFile(index, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return assets.length > 0 && assets.every((a) => existsSync(join(dir, 'renderer', a)));
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(OUT, 'main/server.js'))) {
    throw new Error('out/main/server.js is missing: run `npx electron-vite build` before the e2e tests.');
  }
  const copy = join(ROOT, '.tmp', `e2e-build-${process.pid}`);
  for (let attempt = 1; ; attempt++) {
    await rm(copy, { recursive: true, force: true });
    try {
      await cp(OUT, copy, { recursive: true });
      if (await consistent(copy)) break;
    } catch {
      // out/ changed while it was being copied: try again.
    }
    if (attempt === ATTEMPTS) throw new Error(`Could not take a consistent copy of ${OUT}: is a build running?`);
    await new Promise((done) => setTimeout(done, 1000));
  }
  process.env[BUILD_DIR_ENV] = copy;
  return async () => {
    await rm(copy, { recursive: true, force: true });
  };
}
