// `npm start [-- --data-dir DIR]`: builds when the sources are newer than out/,
// then starts the desktop app. Where Electron's binary is missing (and cannot be
// fetched), starts the browser host instead and opens Leanmap in the browser.
// Environment: LEANMAP_DATA_DIR (data folder), LEANMAP_NO_ELECTRON=1 (go straight
// to the browser host), LEANMAP_NO_BROWSER=1 (print the address, open nothing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { buildIfNeeded } from './build-if-needed.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = process.env;
const FETCH_TIMEOUT_MS = 60_000;

/** Electron's executable, found without require('electron') (which would try to download it). */
function electronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) return { missing: 'node_modules/electron is not installed' };
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'node_modules/electron has no downloaded binary' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return existsSync(executable) ? { path: executable } : { missing: `${executable} is missing` };
}

/** One attempt at Electron's own download, bounded so a dead network cannot hang `npm start`. */
function tryFetchElectron() {
  console.log('Electron\'s binary is not downloaded yet; trying to fetch it once…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: FETCH_TIMEOUT_MS,
  });
  if (result.error?.code === 'ETIMEDOUT') return `fetching it timed out after ${FETCH_TIMEOUT_MS / 1000} s`;
  if (result.status === 0) return undefined;
  const firstLine = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((line) => line.trim() !== '')?.trim();
  return `fetching it failed${firstLine ? ` (${firstLine})` : ''}`;
}

let child;
let stopping = false;
function stop(signal) {
  stopping = true;
  if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  else process.exit(130);
}
for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(signal, () => stop(signal));

// `npm start` runs this script through a shell; a SIGTERM to npm ends npm and that
// shell but never reaches us. So when the process that started us is gone (we were
// handed to another parent), stop the app we started instead of leaving it running.
const PARENT_CHECK_MS = 300;
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy && !stopping) stop('SIGTERM');
}, PARENT_CHECK_MS).unref();

function exitWithChild(name) {
  child.on('error', (error) => {
    console.error(`Could not start ${name}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal && !stopping) console.error(`${name} stopped (${signal}).`);
    process.exit(code ?? (stopping ? 0 : 1));
  });
}

function startElectron(executable) {
  if (!existsSync(join(root, '.electron-native', 'better_sqlite3.node'))) {
    console.log(
      'Note: the database driver has not been built for Electron yet (.electron-native/better_sqlite3.node). ' +
        'If Leanmap says it cannot open its database, run "npm run electron:native" once.',
    );
  }
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RENDERER_URL; // the built renderer, not a dev server
  delete childEnv.ELECTRON_RUN_AS_NODE;
  child = spawn(executable, ['.', ...args], { cwd: root, stdio: 'inherit', env: childEnv });
  exitWithChild('Electron');
}

function canOpenBrowser() {
  if (env.LEANMAP_NO_BROWSER) return false;
  if (process.platform === 'linux') return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return true;
}

function openInBrowser(url) {
  const [command, commandArgs] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const opener = spawn(command, commandArgs, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    opener.on('error', () => console.log('Open that address in your browser.'));
    opener.unref();
  } catch {
    console.log('Open that address in your browser.');
  }
}

function startBrowserHost(reason) {
  console.log(`${reason}; starting Leanmap in your browser instead.`);
  child = spawn(process.execPath, [join(root, 'out', 'main', 'server.js'), ...args], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
    // Should this script itself be killed outright, the host stops on its own.
    env: { ...env, LEANMAP_STOP_WITH_PARENT: '1' },
  });
  let pending = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      // A host already running on this data folder: bring that one up instead.
      const running = /already running in your browser .* Open it at (\S+)/.exec(line);
      if (running && !opened && canOpenBrowser()) {
        opened = true;
        openInBrowser(running[1]);
      }
      const match = /Leanmap is running at (\S+)/.exec(line);
      if (!match || opened) continue;
      opened = true;
      if (canOpenBrowser()) {
        console.log('Opening it in your browser… (stop Leanmap with Ctrl+C)');
        openInBrowser(match[1]);
      } else {
        console.log('Open that address in your browser. Stop Leanmap with Ctrl+C.');
      }
    }
  });
  exitWithChild('The Leanmap browser host');
}

buildIfNeeded();

let binary = electronBinary();
let reason;
if (env.LEANMAP_NO_ELECTRON === '1') {
  reason = 'LEANMAP_NO_ELECTRON=1 is set';
} else if ('missing' in binary) {
  const fetchFailure = env.CI ? 'not fetching it on CI' : tryFetchElectron();
  binary = electronBinary();
  if ('missing' in binary) reason = `Electron's binary is not available here (${binary.missing}; ${fetchFailure ?? 'the download left no binary'})`;
}

if (reason || !('path' in binary)) startBrowserHost(reason ?? 'Electron is not available');
else startElectron(binary.path);
