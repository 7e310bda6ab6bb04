// Where leanmap.db lives: --data-dir beats LEANMAP_DATA_DIR beats the per-user folder.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgs, defaultDataDir, resolveDataDir } from '../../src-main/data-dir';

describe('dataDirFromArgs', () => {
  it('reads "--data-dir DIR" and "--data-dir=DIR"', () => {
    expect(dataDirFromArgs(['node', 'server.js', '--data-dir', '/tmp/a'])).toBe('/tmp/a');
    expect(dataDirFromArgs(['electron', '.', '--data-dir=/tmp/b'])).toBe('/tmp/b');
  });

  it('takes the first occurrence', () => {
    expect(dataDirFromArgs(['--data-dir', '/first', '--data-dir', '/second'])).toBe('/first');
  });

  it('ignores a trailing --data-dir without a value and unrelated arguments', () => {
    expect(dataDirFromArgs(['node', 'server.js', '--port', '0', '--data-dir'])).toBeUndefined();
    expect(dataDirFromArgs(['node', 'server.js', '--data-directory', '/x'])).toBeUndefined();
  });
});

describe('resolveDataDir', () => {
  it('prefers the command line over the environment', () => {
    expect(resolveDataDir(['--data-dir', '/from/args'], { LEANMAP_DATA_DIR: '/from/env' })).toBe(resolve('/from/args'));
  });

  it('uses LEANMAP_DATA_DIR when no argument is given', () => {
    expect(resolveDataDir(['node', 'server.js'], { LEANMAP_DATA_DIR: '/from/env' })).toBe(resolve('/from/env'));
  });

  it('makes a relative folder absolute', () => {
    expect(resolveDataDir(['--data-dir', 'workshops'], {})).toBe(resolve('workshops'));
  });

  it('falls back to the per-user folder when neither is set', () => {
    expect(resolveDataDir(['node', 'server.js'], {})).toBe(defaultDataDir({}));
    expect(resolveDataDir(['node', 'server.js'], { LEANMAP_DATA_DIR: '' })).toBe(defaultDataDir({ LEANMAP_DATA_DIR: '' }));
  });
});

describe('defaultDataDir', () => {
  it('matches Electron\'s userData folder for "Leanmap" on each platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/f/.config' }, 'linux')).toBe(join('/home/f/.config', 'Leanmap'));
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Leanmap'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Leanmap'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\f\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\f\\AppData\\Roaming', 'Leanmap'));
  });
});
