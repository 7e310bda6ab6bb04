// The crash test's file check can fail: it reports rows that point at nothing and a
// damaged file, and passes a whole one — reading without changing it.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/backend';
import { call, tickingClock } from '../../fixtures/backend';
import { aWorkshopMeta } from '../../fixtures/factories';
import { checkDatabaseFile } from './db-check';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function aDatabaseWithAWorkshop(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'leanmap-db-check-'));
  dirs.push(dir);
  const backend = await createBackend({ dataDir: dir, clock: tickingClock(), log: () => {} });
  await call(backend, 'workshop.create', { meta: aWorkshopMeta(), template: 'b2b-buying-journey' });
  backend.close();
  return join(dir, 'leanmap.db');
}

describe('checking the database file after a kill', () => {
  it('passes a whole database and leaves its bytes as they were', async () => {
    const file = await aDatabaseWithAWorkshop();
    const before = readFileSync(file);
    expect(checkDatabaseFile(file)).toEqual({ ok: true, problems: [] });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('passes when the host was killed before the file existed', () => {
    expect(checkDatabaseFile(join(tmpdir(), 'no-such-folder', 'leanmap.db')).ok).toBe(true);
  });

  it('reports a map version whose workshop is gone', async () => {
    const file = await aDatabaseWithAWorkshop();
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM workshops').run();
    db.close();
    const check = checkDatabaseFile(file);
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/foreign_key_check: map_versions row \d+ points at a missing workshops/);
  });

  it('reports a damaged file', async () => {
    const file = await aDatabaseWithAWorkshop();
    const bytes = readFileSync(file);
    bytes.fill(0x55, 4096 * 2, 4096 * 3); // scribble over a whole page past the header
    writeFileSync(file, bytes);
    const check = checkDatabaseFile(file);
    expect(check.ok).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
  });
});
