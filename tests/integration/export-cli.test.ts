// `npm run export` end to end: the built command line against a real data folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();
const root = join(__dirname, '../..');
const cli = join(root, 'out/main/cli.js');

beforeAll(() => {
  // The suite runs after `npm run build` in npm test; build here when run on its own.
  if (!existsSync(cli)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
}, 180_000);

async function aDataFolderWithOneWorkshop() {
  const dataDir = temp.makeDir();
  const backend = await temp.openBackend(dataDir);
  await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title: 'Renewal journey', date: '2026-11-22' }), template: 'b2b-buying-journey' });
  backend.close();
  return dataDir;
}

const runCli = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('exporting from the command line', () => {
  it('writes the asked formats for a workshop found by its title', async () => {
    const dataDir = await aDataFolderWithOneWorkshop();
    const out = join(temp.makeDir(), 'pack');
    const result = runCli(['--workshop', 'renewal journey', '--format', 'pdf,xlsx,svg,json', '--out', out, '--data-dir', dataDir]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'Renewal journey 2026-11-22.leanmap.json',
      'Renewal journey – Current state map.svg',
      'Renewal journey – Current state.pdf',
      'Renewal journey – Current state.xlsx',
    ]);
  }, 60_000);

  it('says which workshops exist when none matches, and writes nothing', async () => {
    const dataDir = await aDataFolderWithOneWorkshop();
    const out = join(temp.makeDir(), 'pack');
    const result = runCli(['--workshop', 'Nope', '--format', 'pdf', '--out', out, '--data-dir', dataDir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No workshop with the id or title "Nope"');
    expect(result.stderr).toContain('Renewal journey');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('explains bad arguments with the usage and exit code 2', () => {
    const result = runCli(['--workshop', 'x', '--format', 'docx', '--out', 'o']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run export');
  });
});
