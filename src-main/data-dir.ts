// Where leanmap.db lives: --data-dir, then LEANMAP_DATA_DIR, then the same per-user
// folder Electron uses for "Leanmap", so the desktop app and the browser host share it.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Leanmap');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Leanmap');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Leanmap');
}

/** Reads `--data-dir DIR` or `--data-dir=DIR` from argv. */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}

export function resolveDataDir(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = dataDirFromArgs(argv) ?? env.LEANMAP_DATA_DIR;
  return chosen ? resolve(chosen) : defaultDataDir(env);
}
