// Builds Leanmap (electron-vite) when out/ is missing or older than the sources;
// shared by `npm start` and `npm run export`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const SOURCES = ['src-main', 'src-shared', 'src-renderer', 'resources', 'index.html', 'package.json', 'electron.vite.config.ts'];
const OUTPUTS = ['out/main/index.js', 'out/main/server.js', 'out/main/cli.js', 'out/preload/index.js', 'out/renderer/index.html'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIfNeeded() {
  const missing = OUTPUTS.filter((file) => !existsSync(join(root, file)));
  const built = missing.length === 0 ? statSync(join(root, 'out/main/index.js')).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((source) => newestMtime(join(root, source))));
  if (missing.length === 0 && newest <= built) return;
  console.log(missing.length > 0 ? 'Building Leanmap (first start)…' : 'Building Leanmap (sources changed)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('Leanmap could not be built; see the errors above.');
    process.exit(result.status ?? 1);
  }
}

