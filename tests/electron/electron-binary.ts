// Finds Electron's executable without require('electron'), which would try to
// download it; says why it is missing so the smoke test can skip with a reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { path: string } | { missing: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) return { missing: 'node_modules/electron is not installed' };
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'node_modules/electron has no path.txt, so its binary was never downloaded (its install script did not run)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return existsSync(executable) ? { path: executable } : { missing: `${executable} does not exist` };
}

/** Why the smoke test cannot run here, or undefined when it can. */
export function electronSkipReason(binary: ElectronBinary, platform = process.platform, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if ('missing' in binary) return `Electron binary not installed here: ${binary.missing}`;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'No display to open an Electron window on (run it under xvfb-run)';
  return undefined;
}
