// Electron fuses: switches flipped in the packaged binary itself, so no environment
// variable or command-line flag can turn the shipped Leanmap into a Node runtime or a
// debuggable process. One pure object, read by electron-builder.config.ts and a test.

/** The fuses electron-builder 26 can flip (its `electronFuses`, FuseOptionsV1). */
export interface LeanmapFuses {
  /** ELECTRON_RUN_AS_NODE would make the app binary a plain Node.js that runs any script. */
  runAsNode: boolean;
  /** Chromium's cookie store encrypted with the OS keychain (Leanmap stores none, but no plaintext). */
  enableCookieEncryption: boolean;
  /** NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code (--require) or trust another CA. */
  enableNodeOptionsEnvironmentVariable: boolean;
  /** --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process. */
  enableNodeCliInspectArguments: boolean;
  /** app.asar is checked against the hash embedded at build time (macOS, Windows). */
  enableEmbeddedAsarIntegrityValidation: boolean;
  /** Only app.asar is loaded, never a loose app/ folder someone placed beside it. */
  onlyLoadAppFromAsar: boolean;
  /** Leanmap ships no separate browser-process snapshot. */
  loadBrowserProcessSpecificV8Snapshot: boolean;
  /** file:// pages get no more than a browser gives them; Leanmap serves app://leanmap instead. */
  grantFileProtocolExtraPrivileges: boolean;
}

/** What every release build ships with. */
export const RELEASE_FUSES: Readonly<LeanmapFuses> = Object.freeze({
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
});

/**
 * A packaged build for Playwright's Electron driver, which differs in one fuse only:
 * `_electron.launch` starts the app with `--inspect=0` and drives the main process
 * through that inspector. It sets no ELECTRON_RUN_AS_NODE and removes NODE_OPTIONS,
 * so RunAsNode and NodeOptions stay off here too.
 */
export const PLAYWRIGHT_TEST_FUSES: Readonly<LeanmapFuses> = Object.freeze({
  ...RELEASE_FUSES,
  enableNodeCliInspectArguments: true,
});
