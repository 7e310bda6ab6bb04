// Nothing shown as edited is lost when the tab closes: the save on closing is a
// keepalive request, which Chromium refuses above 64 KiB, so a big map's last edit
// lives on in this browser's journal and is offered back when the map is reopened.
import type { APIRequestContext, Page } from '@playwright/test';
import type { MapDocument } from '../../src-shared/domain/map-document';
import { expect, test } from './fixtures';
import type { BrowserHost } from './host';
import { EditorPage } from './pages/EditorPage';

interface StoredMap {
  id: string;
  revision: number;
  document: MapDocument;
}

/** Calls the browser host's API as Leanmap's own page does. */
async function call<T>(request: APIRequestContext, host: BrowserHost, method: string, input: unknown): Promise<T> {
  const response = await request.post(`${host.origin}/api/${method}`, {
    headers: { Origin: host.origin, 'X-Leanmap-Token': host.token },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

async function storedMap(request: APIRequestContext, host: BrowserHost, workshopId: string): Promise<StoredMap> {
  const workshop = await call<{ versions: { id: string }[] }>(request, host, 'workshop.get', { id: workshopId });
  return call<StoredMap>(request, host, 'map.get', { versionId: workshop.versions[0]!.id });
}

/** Writes long notes into every stage, so the map is well over 64 KiB as JSON. */
async function makeMapBig(request: APIRequestContext, host: BrowserHost, workshopId: string): Promise<void> {
  const map = await storedMap(request, host, workshopId);
  const long = (what: string) => `${what}: ${'the room said more than fits on a sticky note. '.repeat(80)}`.slice(0, 3900);
  const document: MapDocument = {
    ...map.document,
    stages: map.document.stages.map((s) => ({
      ...s,
      notes: long('Notes'),
      painPoints: long('Pain points'),
      stakeholders: long('Stakeholders'),
      toolsAndContent: long('Tools'),
    })),
  };
  expect(JSON.stringify(document).length).toBeGreaterThan(80 * 1024);
  await call(request, host, 'map.save', { versionId: map.id, revision: map.revision, document });
}

/**
 * Makes an edit and closes the tab at once, with Leanmap stopped meanwhile so no save
 * can arrive; then starts Leanmap again on the same port (the same origin, so the
 * same browser storage) — as a facilitator would restart it.
 */
async function closeBeforeSaving(page: Page, host: BrowserHost, edit: () => Promise<void>): Promise<void> {
  const port = Number(new URL(host.url).port);
  await host.stop('SIGTERM');
  page.on('dialog', (dialog) => void dialog.accept()); // "Leave site?" — yes
  await edit();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  await host.start(port);
}

test.describe('Unsaved edits of a closed tab', () => {
  test('a big map’s last edit, closed before it was saved, is offered back on reopening and saved', async ({ page, context, host, library, editor }) => {
    await library.createWorkshop({ title: 'Big map', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.expectSaved();
    const workshopId = editor.workshopId();
    await makeMapBig(page.request, host, workshopId);
    await page.reload();
    await editor.waitUntilOpen();
    await expect(editor.stage('Compare options')).toBeVisible();
    await editor.waitForViewportToSettle();

    // Rename a stage and close the tab at once, before the save's debounce. The save
    // sent while closing never arrives (as a keepalive request this big never does;
    // here Leanmap is stopped meanwhile, so the test does not depend on timing).
    await editor.selectStage('Compare options');
    await closeBeforeSaving(page, host, () => editor.stageName.fill('Compare vendors'));

    // The database still has the old name.
    const names = (await storedMap(context.request, host, workshopId)).document.stages.map((s) => s.name);
    expect(names).toContain('Compare options');
    expect(names).not.toContain('Compare vendors');

    // Reopened: the edit is offered back, saying what it is.
    const again = await context.newPage();
    const reopened = new EditorPage(again);
    await again.goto(host.urlFor(`#/workshop/${workshopId}`));
    await reopened.waitUntilOpen();
    await expect(reopened.recoveryBanner).toBeVisible();
    await expect(reopened.recoveryBanner).toContainText('Unsaved changes to “Current state” were found');
    await expect(reopened.recoveryBanner).toContainText('Changed stage “Compare vendors”.');
    await expect(reopened.stage('Compare options')).toBeVisible(); // nothing changed before the facilitator says so

    await reopened.recoveryBanner.getByRole('button', { name: 'Restore them' }).click();
    await expect(reopened.recoveryBanner).toBeHidden();
    await expect(reopened.stage('Compare vendors')).toBeVisible();
    await reopened.expectSaved();
    await expect(again.getByText(/Restored the unsaved changes to “Current state” and saved them/)).toBeVisible();
    const saved = (await storedMap(context.request, host, workshopId)).document;
    expect(saved.stages.map((s) => s.name)).toContain('Compare vendors');
    expect(saved.stages.find((s) => s.name === 'Compare vendors')?.notes).toMatch(/^Notes: the room said/);

    // Once saved, nothing more is offered.
    await again.reload();
    await reopened.waitUntilOpen();
    await expect(reopened.stage('Compare vendors')).toBeVisible();
    await expect(reopened.recoveryBanner).toBeHidden();
  });

  test('edits whose map was saved since elsewhere are offered as a file or discarded, never written over it', async ({ page, context, host, library, editor }) => {
    await library.createWorkshop({ title: 'Moved on', organisation: 'Acme Ltd', template: 'b2b' });
    await editor.expectSaved();
    const workshopId = editor.workshopId();
    await makeMapBig(page.request, host, workshopId);
    await page.reload();
    await editor.waitUntilOpen();
    await expect(editor.stage('Compare options')).toBeVisible();
    await editor.waitForViewportToSettle();

    await editor.selectStage('Compare options');
    await closeBeforeSaving(page, host, () => editor.stageName.fill('Compare vendors'));

    // Meanwhile another window saves the map.
    const map = await storedMap(context.request, host, workshopId);
    expect(map.document.stages.map((s) => s.name)).not.toContain('Compare vendors');
    const renamed = { ...map.document, stages: map.document.stages.map((s) => (s.name === 'Recognise the problem' ? { ...s, name: 'Notice the problem' } : s)) };
    await call(context.request, host, 'map.save', { versionId: map.id, revision: map.revision, document: renamed });

    const again = await context.newPage();
    const reopened = new EditorPage(again);
    await again.goto(host.urlFor(`#/workshop/${workshopId}`));
    await reopened.waitUntilOpen();
    await expect(reopened.recoveryBanner).toContainText('This map has been saved since');
    await expect(reopened.recoveryBanner.getByRole('button', { name: 'Restore them' })).toHaveCount(0);
    await expect(reopened.stage('Notice the problem')).toBeVisible();

    const download = again.waitForEvent('download');
    await reopened.recoveryBanner.getByRole('button', { name: 'Keep them as a file' }).click();
    expect((await download).suggestedFilename()).toBe('Moved on (unsaved changes).leanmap.json');
    await expect(reopened.recoveryBanner).toBeHidden();

    await again.reload();
    await reopened.waitUntilOpen();
    await expect(reopened.recoveryBanner).toBeHidden();
    await expect(reopened.stage('Notice the problem')).toBeVisible();
    await expect(reopened.stage('Compare vendors')).toHaveCount(0);
  });
});
