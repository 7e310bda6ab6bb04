// The presenter console in the editor: what the room sees, the view switch, hide and
// reveal, the timer, the next agenda step and the button that opens the audience view.
import { expect, type Locator, type Page } from '@playwright/test';
import { AudiencePage } from './AudiencePage';

export class RoomConsolePage {
  readonly root: Locator;
  readonly roomSees: Locator;
  readonly viewSelect: Locator;
  readonly nextStep: Locator;
  readonly clock: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('room-console');
    this.roomSees = page.getByTestId('room-sees');
    this.viewSelect = this.root.getByLabel('What the room sees');
    this.nextStep = page.getByTestId('next-step');
    this.clock = page.getByTestId('room-clock');
  }

  /** The workshop id of the editor this page shows, from its address. */
  workshopId(): string {
    const match = /#\/workshop\/([\w-]+)/.exec(this.page.url());
    if (!match) throw new Error(`No workshop in ${this.page.url()}`);
    return match[1]!;
  }

  /** Presses "Open audience view" and returns the window it opened. */
  async openAudience(): Promise<AudiencePage> {
    const opened = this.page.context().waitForEvent('page');
    await this.root.getByRole('button', { name: 'Open audience view' }).click();
    const audience = new AudiencePage(await opened);
    await expect(audience.root).toBeVisible();
    return audience;
  }

  /** Chooses what the room sees by its label in the switch ("Whole map", "Stage: Compare options", "Timer"…). */
  async show(label: string): Promise<void> {
    await this.viewSelect.selectOption({ label });
  }

  button(name: string | RegExp, options: { exact?: boolean } = {}): Locator {
    return this.root.getByRole('button', { name, ...options });
  }
}
