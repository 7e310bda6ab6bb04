// `npm run electron:native`: builds better-sqlite3 for Electron's ABI into
// .electron-native/better_sqlite3.node, which the Electron main process loads via
// createBackend({ nativeBinding }) and electron-builder ships as
// resources/native/better_sqlite3.node.
//
// node_modules/better-sqlite3/build is never touched: it must stay the Node build,
// because the tests and the browser host load it. So the package is copied to a
// temp folder and the copy is built there, first by fetching the matching
// prebuilt binary (prebuild-install, runtime electron), else by compiling it with
// node-gyp against Electron's headers (needs Python and a C++ compiler).
//
// Both need the network (prebuilt binaries; Electron's headers) unless you set
// LEANMAP_ELECTRON_HEADERS_DIR to an unpacked copy of Electron's headers. Without
// either, the script stops with a clear message and a non-zero exit code, and
// node_modules is left exactly as it was.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, '.electron-native');
const outFile = join(outDir, 'better_sqlite3.node');
const ELECTRON_HEADERS_URL = process.env.ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';

function fail(message) {
  console.error(`\nelectron:native failed: ${message}`);
  process.exit(1);
}

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function fileHash(file) {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';
}

/** The child's environment without npm settings that would point node-gyp at Node's own headers. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

function run(label, command, args, cwd, timeoutMs) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), stdio: 'inherit', timeout: timeoutMs });
  if (result.error?.code === 'ETIMEDOUT') return `${label} timed out`;
  if (result.error) return `${label} could not run (${result.error.message})`;
  return result.status === 0 ? undefined : `${label} exited with code ${result.status}`;
}

const electronDir = packageDir('electron');
const sqliteDir = packageDir('better-sqlite3');
if (!electronDir) fail('the "electron" package is not installed; run npm install first.');
if (!sqliteDir) fail('the "better-sqlite3" package is not installed; run npm install first.');

const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const arch = process.env.LEANMAP_NATIVE_ARCH || process.arch;
const nodeBuild = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
const nodeBuildBefore = fileHash(nodeBuild);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch}) in a temp copy…`);
const work = mkdtempSync(join(tmpdir(), 'leanmap-electron-native-'));
const copy = join(work, 'better-sqlite3');
const failures = [];
let built;
try {
  // The copy leaves out build/ so nothing of the Node build can be mistaken for the result.
  cpSync(sqliteDir, copy, {
    recursive: true,
    filter: (source) => {
      const inside = relative(sqliteDir, source);
      return inside !== 'build' && !inside.startsWith(`build${sep}`);
    },
  });
  const result = join(copy, 'build', 'Release', 'better_sqlite3.node');

  const prebuild = packageDir('prebuild-install');
  if (prebuild && !process.env.LEANMAP_ELECTRON_HEADERS_DIR) {
    const failure = run(
      'fetch a prebuilt binary (prebuild-install)',
      process.execPath,
      [join(prebuild, 'bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'],
      copy,
      120_000,
    );
    if (!failure && existsSync(result)) built = result;
    else failures.push(failure ?? 'prebuild-install left no binary');
  }

  const nodeGyp = packageDir('node-gyp');
  if (!built && !nodeGyp) failures.push('node-gyp is not installed');
  if (!built && nodeGyp) {
    const headers = process.env.LEANMAP_ELECTRON_HEADERS_DIR;
    const failure = run(
      `compile with node-gyp against Electron ${electronVersion}'s headers`,
      process.execPath,
      [
        join(nodeGyp, 'bin', 'node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        ...(headers ? [`--nodedir=${headers}`] : [`--dist-url=${ELECTRON_HEADERS_URL}`, `--devdir=${join(homedir(), '.electron-gyp')}`]),
      ],
      copy,
      20 * 60_000,
    );
    if (!failure && existsSync(result)) built = result;
    else failures.push(failure ?? 'node-gyp left no binary');
  }

  if (built) {
    mkdirSync(outDir, { recursive: true });
    const temp = `${outFile}.${process.pid}.tmp`;
    copyFileSync(built, temp);
    renameSync(temp, outFile);
    writeFileSync(join(outDir, 'electron-version.txt'), `${electronVersion} ${process.platform}-${arch}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (fileHash(nodeBuild) !== nodeBuildBefore) {
  fail(`node_modules/better-sqlite3's Node build changed unexpectedly; run "npm rebuild better-sqlite3" to restore it.`);
}
if (!built) {
  fail(
    [
      `better-sqlite3 could not be built for Electron ${electronVersion}:`,
      ...failures.map((reason) => `  - ${reason}`),
      'Both ways need the network (a prebuilt binary, or Electron\'s headers for node-gyp, which also needs Python and a C++ compiler).',
      'Offline, set LEANMAP_ELECTRON_HEADERS_DIR to an unpacked copy of Electron\'s headers and run this again.',
      'node_modules was not changed; the tests and the browser host ("npm start" without Electron) still work.',
    ].join('\n'),
  );
}
console.log(`\nWrote ${relative(root, outFile)} for Electron ${electronVersion} (${process.platform}-${arch}).`);
