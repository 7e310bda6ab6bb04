// The packaged build the Electron smoke test can drive (`npm run dist:test`): the
// release configuration with the one fuse Playwright's driver needs (see fuses.ts),
// written to its own folder so it is never mistaken for a release.
import type { Configuration } from 'electron-builder';
import { config as release } from './electron-builder.config';
import { PLAYWRIGHT_TEST_FUSES } from './src-main/electron/fuses';

export const config = {
  ...release,
  directories: { ...release.directories, output: 'dist-test' },
  electronFuses: { ...PLAYWRIGHT_TEST_FUSES },
} satisfies Configuration;

export default config;
