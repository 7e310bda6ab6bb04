// The atomic writer against a real temp folder: whole files or nothing, no temp
// files left behind, and failures explained in words a facilitator understands.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, describeWriteError, writeFileAtomic } from '../../src-main/fs/atomic-write';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leanmap-atomic-'));
});

afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe('writeFileAtomic', () => {
  it('writes text to a new file', async () => {
    const file = join(dir, 'map.json');
    await writeFileAtomic(file, '{"stages":[]}');
    expect(readFileSync(file, 'utf8')).toBe('{"stages":[]}');
  });

  it('writes binary data byte for byte', async () => {
    const file = join(dir, 'map.png');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    await writeFileAtomic(file, bytes);
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
  });

  it('replaces an existing file completely and keeps its permissions', async () => {
    const file = join(dir, 'report.csv');
    writeFileSync(file, 'a much longer old content that must not survive');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('leaves no temporary file behind after a successful write', async () => {
    await writeFileAtomic(join(dir, 'a.txt'), 'one');
    await writeFileAtomic(join(dir, 'a.txt'), 'two');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('refuses to replace a folder, cleans up its temp file and says why', async () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'x');
    const failure = writeFileAtomic(target, 'data');
    await expect(failure).rejects.toBeInstanceOf(AtomicWriteError);
    await expect(failure).rejects.toThrow(/is a folder|could not/);
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('explains a missing folder', async () => {
    const file = join(dir, 'gone', 'map.json');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({
      code: 'ENOENT',
      path: file,
      message: expect.stringMatching(/does not exist/),
    });
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  it.skipIf(process.platform === 'win32' || isRoot)('explains a folder it may not write to', async () => {
    chmodSync(dir, 0o500);
    await expect(writeFileAtomic(join(dir, 'map.json'), 'x')).rejects.toMatchObject({
      code: 'EACCES',
      message: expect.stringMatching(/not allowed to save/),
    });
  });
});

describe('describeWriteError', () => {
  const path = join('/home/facilitator/Documents', 'workshop.xlsx');

  it('tells the facilitator to pick another folder when permission is denied', () => {
    expect(describeWriteError(errno('EACCES'), path)).toMatch(/not allowed to save "workshop.xlsx"/);
    expect(describeWriteError(errno('EPERM'), path)).toMatch(/not allowed/);
  });

  it('says the disk is full', () => {
    expect(describeWriteError(errno('ENOSPC'), path)).toMatch(/not enough free space/);
    expect(describeWriteError(errno('EDQUOT'), path)).toMatch(/quota is full/);
  });

  it('says a drive is read-only', () => {
    expect(describeWriteError(errno('EROFS'), path)).toMatch(/read-only/);
  });

  it('falls back to the system message for anything else', () => {
    expect(describeWriteError(errno('EWEIRD'), path)).toMatch(/could not save .*EWEIRD: failed/);
  });
});
