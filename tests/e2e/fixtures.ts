// Test fixtures: every test gets its own browser host on a fresh temporary data
// folder (port 0, the token it prints), and page objects for the library and editor.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { BrowserHost } from './host';
import { EditorPage } from './pages/EditorPage';
import { LibraryPage } from './pages/LibraryPage';

interface Fixtures {
  /** The browser host, already started on a fresh data folder. */
  host: BrowserHost;
  /** The library, opened in `page` with the host's token URL. */
  library: LibraryPage;
  /** The editor of whatever workshop `page` shows. */
  editor: EditorPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'leanmap-e2e-'));
    const host = new BrowserHost(dataDir);
    await host.start();
    try {
      await use(host);
    } finally {
      await host.stop('SIGTERM');
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('host-output', { body: host.log, contentType: 'text/plain' });
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  library: async ({ page, host }, use) => {
    const library = new LibraryPage(page);
    await library.open(host.url);
    await use(library);
  },
  editor: async ({ page }, use) => {
    await use(new EditorPage(page));
  },
});

export { expect };
