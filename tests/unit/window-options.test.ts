// The secure window defaults and the navigation, link and IPC-sender rules that
// keep the Leanmap window on its own page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INVOKE_CHANNEL,
  WATCH_CHANNEL,
  EVENT_CHANNEL,
  InvokeMessageSchema,
  SAVE_FILE_CHANNEL,
  SAVE_FILES_CHANNEL,
  SaveFilesRequestSchema,
  SaveFileRequestSchema,
  decodeSaveData,
  isTrustedSender,
  safeFileName,
} from '../../src-main/electron/ipc-messages';
import {
  CONTENT_SECURITY_POLICY,
  appPageUrl,
  contentSecurityPolicyHeader,
  isAllowedNavigation,
  isSafeExternalUrl,
  secureWindowOptions,
} from '../../src-main/electron/window-options';

const APP = 'app://leanmap/index.html';
const FILE_APP = 'file:///opt/Leanmap/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

describe('secureWindowOptions', () => {
  const { webPreferences, show } = secureWindowOptions('/app/out/preload/index.js');

  it('isolates and sandboxes the page and keeps Node out of it', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('allows no webviews, insecure content or experimental features and keeps web security on', () => {
    expect(webPreferences).toMatchObject({
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('uses the given preload and shows the window only once it is painted', () => {
    expect(webPreferences?.preload).toBe('/app/out/preload/index.js');
    expect(show).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app page on app://leanmap, with or without a hash or query', () => {
    expect(isAllowedNavigation(APP, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}#/workshop/abc`, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}?view=present`, APP)).toBe(true);
  });

  it('refuses other pages, hosts and credentials on the app scheme', () => {
    expect(isAllowedNavigation('app://leanmap/other.html', APP)).toBe(false);
    expect(isAllowedNavigation('app://leanmap/assets/index.js', APP)).toBe(false);
    expect(isAllowedNavigation('app://evil/index.html', APP)).toBe(false);
    expect(isAllowedNavigation('app://user:pw@leanmap/index.html', APP)).toBe(false);
    expect(isAllowedNavigation('leanmap://leanmap/index.html', APP)).toBe(false);
  });

  it('refuses every file:// page, the built one included: Leanmap no longer loads from file://', () => {
    expect(isAllowedNavigation(FILE_APP, APP)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(isAllowedNavigation(FILE_APP, FILE_APP)).toBe(false);
  });

  it('allows the dev server origin on any path', () => {
    expect(isAllowedNavigation('http://localhost:5173/', DEV_APP)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/index.html#/x', DEV_APP)).toBe(true);
  });

  it('refuses other origins, ports and schemes', () => {
    expect(isAllowedNavigation('https://example.com/', APP)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('file:///tmp/index.html', DEV_APP)).toBe(false);
    expect(isAllowedNavigation(APP, DEV_APP)).toBe(false);
    expect(isAllowedNavigation('http://leanmap/index.html', APP)).toBe(false);
  });

  it('refuses garbage', () => {
    expect(isAllowedNavigation('', APP)).toBe(false);
    expect(isAllowedNavigation('not a url', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>1</script>', APP)).toBe(false);
    expect(isAllowedNavigation(DEV_APP, 'garbage')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('opens plain web links', () => {
    expect(isSafeExternalUrl('https://example.com/help')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
  });

  it('refuses other schemes, embedded credentials, huge and malformed addresses', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:secret@example.com/',
      `https://example.com/${'a'.repeat(3000)}`,
      'https//example.com',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('appPageUrl', () => {
  it('uses the dev server when one is given, else the built page', () => {
    expect(appPageUrl(DEV_APP, APP)).toBe(DEV_APP);
    expect(appPageUrl(undefined, APP)).toBe(APP);
  });

  it('ignores a dev server address that is not http(s)', () => {
    expect(appPageUrl('javascript:alert(1)', APP)).toBe(APP);
    expect(appPageUrl('nonsense', APP)).toBe(APP);
    expect(appPageUrl('file:///tmp/index.html', APP)).toBe(APP);
  });

  it('is the app origin in the main process, not a file:// address', () => {
    const main = readFileSync(join(__dirname, '../../src-main/index.ts'), 'utf8');
    expect(main).toContain('APP_INDEX_URL');
    expect(main).not.toContain('pathToFileURL');
    expect(main).toMatch(/registerAppScheme\(\)/);
    expect(main).toMatch(/serveAppProtocol\(session\.defaultSession, rendererRoot\)/);
  });
});

describe('contentSecurityPolicyHeader', () => {
  it('keeps the shared policy and forbids framing the app', () => {
    const header = contentSecurityPolicyHeader(CONTENT_SECURITY_POLICY);
    expect(header.startsWith(CONTENT_SECURITY_POLICY)).toBe(true);
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).toContain("script-src 'self'");
    expect(header).not.toContain('unsafe-eval');
  });
});

describe('IPC messages', () => {
  it('trusts only the app page on app://leanmap in its top-level frame', () => {
    expect(isTrustedSender({ url: APP, parent: null }, APP)).toBe(true);
    expect(isTrustedSender({ url: `${APP}#/workshop/abc`, parent: null }, APP)).toBe(true);
    expect(isTrustedSender({ url: APP, parent: {} }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, APP)).toBe(false);
    expect(isTrustedSender({ url: FILE_APP, parent: null }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
  });

  it('accepts a method name with any input and refuses anything else', () => {
    expect(InvokeMessageSchema.safeParse({ method: 'app.info', input: {} }).success).toBe(true);
    expect(InvokeMessageSchema.safeParse({ method: 'workshop.list' }).success).toBe(true);
    expect(InvokeMessageSchema.safeParse({ method: 'x'.repeat(101), input: {} }).success).toBe(false);
    expect(InvokeMessageSchema.safeParse({ method: '', input: {} }).success).toBe(false);
    expect(InvokeMessageSchema.safeParse({ method: 42, input: {} }).success).toBe(false);
    expect(InvokeMessageSchema.safeParse('app.info').success).toBe(false);
  });

  it('accepts a save request and refuses bad encodings, data or filters', () => {
    const request = { suggestedName: 'map.json', data: '{}', encoding: 'utf8', filters: [{ name: 'JSON', extensions: ['json'] }] };
    expect(SaveFileRequestSchema.safeParse(request).success).toBe(true);
    expect(SaveFileRequestSchema.safeParse({ ...request, encoding: 'latin1' }).success).toBe(false);
    expect(SaveFileRequestSchema.safeParse({ ...request, encoding: 'base64', data: 'not base64!' }).success).toBe(false);
    expect(SaveFileRequestSchema.safeParse({ ...request, filters: [{ name: 'x', extensions: ['../x'] }] }).success).toBe(false);
    expect(SaveFileRequestSchema.safeParse({ ...request, suggestedName: '' }).success).toBe(false);
  });

  it('decodes utf8 and base64 data', () => {
    expect(decodeSaveData({ data: 'Stufe ✓', encoding: 'utf8' }).toString('utf8')).toBe('Stufe ✓');
    expect([...decodeSaveData({ data: 'AAEC/w==', encoding: 'base64' })]).toEqual([0, 1, 2, 255]);
  });

  it('proposes a plain file name without folders or reserved characters', () => {
    expect(safeFileName('Workshop: ACME <2026>.xlsx')).toBe('Workshop_ ACME _2026_.xlsx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\map.json')).toBe('map.json');
    expect(safeFileName('..')).toBe('Leanmap export');
    expect(safeFileName('.hidden')).toBe('hidden');
  });

  it('uses the same channel names as the preload', () => {
    const preload = readFileSync(join(__dirname, '../../src-main/preload/index.ts'), 'utf8');
    expect(preload).toContain(`'${INVOKE_CHANNEL}'`);
    expect(preload).toContain(`'${SAVE_FILE_CHANNEL}'`);
    expect(preload).toContain(`'${SAVE_FILES_CHANNEL}'`);
    expect(preload).toContain(`'${WATCH_CHANNEL}'`);
    expect(preload).toContain(`'${EVENT_CHANNEL}'`);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('the save-files message (an export pack into one folder)', () => {
  it('accepts a few named files and refuses none, too many, or bad base64', () => {
    const file = { name: 'map.svg', data: '<svg/>', encoding: 'utf8' as const };
    expect(SaveFilesRequestSchema.safeParse({ files: [file] }).success).toBe(true);
    expect(SaveFilesRequestSchema.safeParse({ files: [] }).success).toBe(false);
    expect(SaveFilesRequestSchema.safeParse({ files: Array.from({ length: 31 }, () => file) }).success).toBe(false);
    expect(SaveFilesRequestSchema.safeParse({ files: [{ name: 'a.png', data: 'not base64!', encoding: 'base64' }] }).success).toBe(false);
  });
});
