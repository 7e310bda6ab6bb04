// The secure window defaults and the navigation, link and IPC-sender rules that
// keep the Leanmap window on its own page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INVOKE_CHANNEL,
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
  it('allows the built app page, with or without a hash or query', () => {
    expect(isAllowedNavigation(FILE_APP, FILE_APP)).toBe(true);
    expect(isAllowedNavigation(`${FILE_APP}#/workshop/abc`, FILE_APP)).toBe(true);
    expect(isAllowedNavigation(`${FILE_APP}?view=present`, FILE_APP)).toBe(true);
  });

  it('refuses any other local file', () => {
    expect(isAllowedNavigation('file:///etc/passwd', FILE_APP)).toBe(false);
    expect(isAllowedNavigation('file:///opt/Leanmap/resources/app.asar/out/renderer/other.html', FILE_APP)).toBe(false);
  });

  it('allows the dev server origin on any path', () => {
    expect(isAllowedNavigation('http://localhost:5173/', DEV_APP)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/index.html#/x', DEV_APP)).toBe(true);
  });

  it('refuses other origins, ports and schemes', () => {
    expect(isAllowedNavigation('https://example.com/', FILE_APP)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('file:///tmp/index.html', DEV_APP)).toBe(false);
    expect(isAllowedNavigation(FILE_APP.replace('file:', 'http:'), FILE_APP)).toBe(false);
  });

  it('refuses garbage', () => {
    expect(isAllowedNavigation('', FILE_APP)).toBe(false);
    expect(isAllowedNavigation('not a url', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>1</script>', FILE_APP)).toBe(false);
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
    expect(appPageUrl(DEV_APP, FILE_APP)).toBe(DEV_APP);
    expect(appPageUrl(undefined, FILE_APP)).toBe(FILE_APP);
  });

  it('ignores a dev server address that is not http(s)', () => {
    expect(appPageUrl('javascript:alert(1)', FILE_APP)).toBe(FILE_APP);
    expect(appPageUrl('nonsense', FILE_APP)).toBe(FILE_APP);
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
  it('trusts only the app page in its top-level frame', () => {
    expect(isTrustedSender({ url: FILE_APP, parent: null }, FILE_APP)).toBe(true);
    expect(isTrustedSender({ url: FILE_APP, parent: {} }, FILE_APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, FILE_APP)).toBe(false);
    expect(isTrustedSender(null, FILE_APP)).toBe(false);
    expect(isTrustedSender(undefined, FILE_APP)).toBe(false);
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
