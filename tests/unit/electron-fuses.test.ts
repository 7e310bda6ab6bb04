// The fuses of the packaged app: no RunAsNode, no NODE_OPTIONS, no --inspect, no
// extra file:// privileges, only an integrity-checked app.asar. The builder
// configurations read them from fuses.ts; the test build differs in one fuse only.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAYWRIGHT_TEST_FUSES, RELEASE_FUSES } from '../../src-main/electron/fuses';
import release from '../../electron-builder.config';
import testBuild from '../../electron-builder.test.config';

const root = resolve(__dirname, '../..');

describe('the release fuses', () => {
  it('turn off every way to run other code in the shipped binary', () => {
    expect(RELEASE_FUSES).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(RELEASE_FUSES)).toBe(true);
  });

  it('are what electron-builder flips in a release build', () => {
    expect(release.electronFuses).toEqual(RELEASE_FUSES);
    expect(release.asar).toBe(true);
  });
});

describe('the build for Playwright\'s Electron driver', () => {
  it('differs from the release only in allowing --inspect (how _electron.launch drives the app)', () => {
    const changed = Object.keys(RELEASE_FUSES).filter((k) => RELEASE_FUSES[k as keyof typeof RELEASE_FUSES] !== PLAYWRIGHT_TEST_FUSES[k as keyof typeof PLAYWRIGHT_TEST_FUSES]);
    expect(changed).toEqual(['enableNodeCliInspectArguments']);
    expect(PLAYWRIGHT_TEST_FUSES.enableNodeCliInspectArguments).toBe(true);
    expect(PLAYWRIGHT_TEST_FUSES.runAsNode).toBe(false);
  });

  it('is the release configuration with those fuses, in its own output folder', () => {
    const { electronFuses, directories, ...rest } = testBuild;
    const { electronFuses: _releaseFuses, directories: releaseDirectories, ...releaseRest } = release;
    expect(rest).toEqual(releaseRest);
    expect(electronFuses).toEqual(PLAYWRIGHT_TEST_FUSES);
    expect(directories).toEqual({ ...releaseDirectories, output: 'dist-test' });
  });
});

describe('electron-builder itself', () => {
  it('loads and validates both configuration files, fuses included', async () => {
    // The builder's own loader and schema check, as `electron-builder --config <file>` runs them.
    const { getConfig, validateConfiguration } = (await import(resolve(root, 'node_modules/app-builder-lib/out/util/config/config.js'))) as {
      getConfig: (dir: string, file: string, extra: null) => Promise<{ electronFuses?: unknown }>;
      validateConfiguration: (config: unknown, logger: { log: () => void }) => Promise<void>;
    };
    for (const [file, fuses] of [
      ['electron-builder.config.ts', RELEASE_FUSES],
      ['electron-builder.test.config.ts', PLAYWRIGHT_TEST_FUSES],
    ] as const) {
      const config = await getConfig(root, file, null);
      await validateConfiguration(config, { log: () => {} });
      expect(config.electronFuses, file).toEqual(fuses);
    }
  }, 30_000);

  it('has no other configuration file it would read first', async () => {
    const { existsSync } = await import('node:fs');
    for (const name of ['electron-builder.yml', 'electron-builder.yaml', 'electron-builder.json', 'electron-builder.json5', 'electron-builder.toml']) {
      expect(existsSync(resolve(root, name)), name).toBe(false);
    }
    const pkg = (await import(resolve(root, 'package.json'))) as { scripts: Record<string, string>; build?: unknown };
    expect(pkg.build).toBeUndefined();
    expect(pkg.scripts.dist).toContain('--config electron-builder.config.ts');
    expect(pkg.scripts['dist:test']).toContain('--config electron-builder.test.config.ts');
  });
});
