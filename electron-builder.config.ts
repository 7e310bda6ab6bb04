// Packaging for `npm run dist` (build, then electron:native, then electron-builder).
// npmRebuild is off: electron-builder would otherwise rebuild better-sqlite3 for
// Electron inside node_modules, breaking the Node build the tests and the browser
// host use. The Electron build comes from `npm run electron:native` instead and is
// shipped beside the app as resources/native/better_sqlite3.node, where
// src-main/index.ts looks for it. The fuses come from src-main/electron/fuses.ts.
import type { Configuration } from 'electron-builder';
import { RELEASE_FUSES } from './src-main/electron/fuses';

export const config = {
  appId: 'app.leanmap.desktop',
  productName: 'Leanmap',
  copyright: 'Copyright © Leanmap',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**',
    'package.json',
    // The runtime loads the Electron build from resources/native; the Node build and
    // the C sources of better-sqlite3 would only add weight.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  npmRebuild: false,
  asar: true,
  electronFuses: { ...RELEASE_FUSES },
  extraResources: [{ from: '.electron-native/better_sqlite3.node', to: 'native/better_sqlite3.node' }],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'leanmap',
    maintainer: 'Leanmap',
    synopsis: "Map a customer's buying journey in a facilitated workshop",
  },
  mac: { target: 'dmg', category: 'public.app-category.productivity' },
  win: { target: 'nsis' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
} satisfies Configuration;

export default config;
