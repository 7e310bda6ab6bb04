// The Electron smoke test: the real desktop app, started with Playwright's
// `_electron`, on a temp data folder. Needs the build (`npx electron-vite build`)
// and Electron's binary; without the binary it reports itself skipped.
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { electronSkipReason, findElectronBinary } from './electron-binary';

// The list reporter does not print skip reasons; say it once here.
const skipReason = electronSkipReason(findElectronBinary(resolve(__dirname, '../..')));
if (skipReason) console.log(`Electron smoke test skipped. ${skipReason}.`);

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  outputDir: resolve(__dirname, '../../test-results/electron'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
});
