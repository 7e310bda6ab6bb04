// The workshop library as a facilitator sees it: the list of workshops, search,
// the New workshop dialog, the row buttons, the trash, import and export.
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface NewWorkshop {
  title: string;
  organisation?: string;
  template?: 'b2b' | 'blank';
}

export class LibraryPage {
  readonly root: Locator;
  readonly heading: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly newWorkshopButton: Locator;
  readonly importButton: Locator;
  readonly importInput: Locator;
  readonly importError: Locator;
  readonly trashToggle: Locator;
  readonly emptyMessage: Locator;
  readonly notices: Locator;
  readonly newWorkshopDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('library');
    this.heading = this.root.getByRole('heading', { level: 1 });
    this.rows = page.getByTestId('workshop-row');
    this.search = page.getByRole('searchbox', { name: 'Search workshops by title or organisation' });
    this.newWorkshopButton = page.getByRole('button', { name: '+ New workshop' });
    this.importButton = page.getByRole('button', { name: 'Import file…' });
    this.importInput = page.getByTestId('import-input');
    this.importError = page.getByTestId('import-error');
    this.trashToggle = page.getByTestId('toggle-trash');
    this.emptyMessage = page.locator('.library-empty');
    this.notices = page.getByTestId('notice');
    this.newWorkshopDialog = page.getByRole('dialog', { name: 'New workshop' });
  }

  /** Opens the app with the host's token URL (optionally at a route such as `#/`). */
  async open(tokenUrl: string): Promise<void> {
    await this.page.goto(tokenUrl);
    await expect(this.root).toBeVisible();
    await expect(this.heading).toHaveText(/Workshops/);
  }

  /** The row of a workshop, found by its exact title. */
  row(title: string): Locator {
    return this.rows.filter({ has: this.page.locator('.workshop-title').getByText(title, { exact: true }) });
  }

  /** The titles in the list, in display order. */
  titles(): Promise<string[]> {
    return this.rows.locator('.workshop-title').allInnerTexts();
  }

  async startNewWorkshop(): Promise<Locator> {
    await this.newWorkshopButton.click();
    await expect(this.newWorkshopDialog).toBeVisible();
    return this.newWorkshopDialog;
  }

  /** Fills the New workshop dialog and presses Create; the editor opens. */
  async createWorkshop({ title, organisation = '', template = 'b2b' }: NewWorkshop): Promise<void> {
    const dialog = await this.startNewWorkshop();
    await dialog.getByLabel('Title').fill(title);
    if (organisation) await dialog.getByLabel('Organisation (client)').fill(organisation);
    await dialog.getByRole('radio', { name: template === 'b2b' ? /B2B buying journey/ : 'Blank map' }).check();
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await expect(this.page.getByTestId('editor')).toBeVisible();
    await expect(this.page.getByTestId('workshop-title')).toHaveText(title);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async openWorkshop(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Open' }).click();
    await expect(this.page.getByTestId('editor')).toBeVisible();
  }

  /** The title field of the row being renamed (the row's title gives way to it). */
  get renameField(): Locator {
    return this.rows.getByRole('textbox', { name: 'New title' });
  }

  async startRename(title: string): Promise<Locator> {
    await this.row(title).getByRole('button', { name: 'Rename' }).click();
    await expect(this.renameField).toBeFocused();
    await expect(this.renameField).toHaveValue(title);
    return this.renameField;
  }

  async rename(title: string, newTitle: string): Promise<void> {
    const field = await this.startRename(title);
    await field.fill(newTitle);
    await field.press('Enter');
    await expect(this.row(newTitle)).toBeVisible();
  }

  async duplicate(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Duplicate' }).click();
  }

  /** Moves a workshop to the trash with the row's Delete button. */
  async delete(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Delete', exact: true }).click();
  }

  /** The notice at the bottom of the screen carrying this text. */
  notice(text: string | RegExp): Locator {
    return this.notices.filter({ hasText: text });
  }

  async showTrash(): Promise<void> {
    await this.trashToggle.click();
    await expect(this.heading).toHaveText(/Trash/);
  }

  async backFromTrash(): Promise<void> {
    await this.page.getByRole('button', { name: '← Back to workshops' }).click();
    await expect(this.heading).toHaveText(/Workshops/);
  }

  async restoreFromTrash(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Restore' }).click();
  }

  /** Presses "Delete forever…" and returns the confirmation dialog it opens. */
  async askToDeleteForever(title: string): Promise<Locator> {
    await this.row(title).getByRole('button', { name: 'Delete forever…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete for good?' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Chooses a file in the (hidden) import file input, as "Import file…" would. */
  async importFile(name: string, contents: string | Buffer): Promise<void> {
    await this.importInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }

  /** Presses the row's "Export file" and returns the browser download with its text. */
  async exportFile(title: string): Promise<{ download: Download; text: string }> {
    const downloading = this.page.waitForEvent('download');
    await this.row(title).getByRole('button', { name: 'Export file' }).click();
    const download = await downloading;
    const path = await download.path();
    return { download, text: await readFile(path, 'utf8') };
  }
}
