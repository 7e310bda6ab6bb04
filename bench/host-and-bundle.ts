// Start-up figures of the built app (`npx electron-vite build` first): the browser
// host's time from spawn to its printed address, and the renderer's entry chunk
// (what the library screen loads before it paints) against all its chunks.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const OUT = join(__dirname, '..', 'out');

/** Milliseconds from spawning `node out/main/server.js` to the address line on its output. */
function hostStartOnce(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leanmap-bench-host-'));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [join(OUT, 'main', 'server.js'), '--data-dir', dataDir, '--port', '0'], {
      env: { ...process.env, LEANMAP_NO_BROWSER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/http:\/\/127\.0\.0\.1:\d+/.test(output)) {
        const ms = performance.now() - start;
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve(Math.round(ms));
        });
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!/http:\/\//.test(output)) reject(new Error(`The host stopped (${code}) before it printed its address.`));
    });
  });
}

export async function benchHostStart(runs = 5): Promise<Record<string, number> | string> {
  if (!existsSync(join(OUT, 'main', 'server.js'))) return 'not built: run `npx electron-vite build` first';
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await hostStartOnce());
  times.sort((a, b) => a - b);
  return { median_ms: times[Math.floor(times.length / 2)]!, min_ms: times[0]! };
}

/** The renderer's entry script (named by index.html) and everything else it may load later. */
export function benchRendererBundle(): Record<string, number | string> | string {
  const dir = join(OUT, 'renderer');
  if (!existsSync(join(dir, 'index.html'))) return 'not built: run `npx electron-vite build` first';
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
  const preloaded = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const assets = join(dir, 'assets');
  const all = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const kb = (file: string) => Math.round(statSync(join(dir, file)).size / 1024);
  return {
    entry: entry ?? 'unknown',
    entry_kb: entry ? kb(entry) : 0,
    loaded_at_start_kb: (entry ? kb(entry) : 0) + preloaded.reduce((n, f) => n + kb(f), 0),
    all_chunks_kb: all.reduce((n, f) => n + kb(join('assets', f)), 0),
    chunks: all.length,
  };
}
