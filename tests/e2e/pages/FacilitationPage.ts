// The presenter's "Run the room" view, as a facilitator drives it: the agenda, the
// timer, a vote with hand counts, the parking lot and the decision log.
import { expect, type Locator, type Page } from '@playwright/test';

export class FacilitationPage {
  readonly console: Locator;
  readonly timerDigits: Locator;
  readonly agenda: Locator;
  readonly voting: Locator;
  readonly parkingLot: Locator;
  readonly decisions: Locator;

  constructor(readonly page: Page) {
    this.console = page.getByTestId('facilitation-console');
    this.timerDigits = page.getByTestId('timer-digits');
    this.agenda = page.getByRole('region', { name: 'Agenda' });
    this.voting = page.getByRole('region', { name: 'Voting' });
    this.parkingLot = page.getByRole('region', { name: 'Parking lot' });
    this.decisions = page.getByRole('region', { name: 'Decisions' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Run the room' }).click();
    await expect(this.agenda.getByRole('listitem')).toHaveCount(8);
  }

  /** The room-sees selector's current choice. */
  roomSees(): Locator {
    return this.page.getByRole('group', { name: 'What the room sees' }).getByLabel('The room sees');
  }

  async goToAgendaItem(title: string): Promise<void> {
    await this.agenda.getByRole('button', { name: new RegExp(title) }).click();
    await expect(this.agenda.locator('[aria-current="step"]')).toContainText(title);
  }

  /** Presses a console key (S, 1, 5, N) with the focus on the console, not in a field. */
  async pressKey(key: string): Promise<void> {
    await this.console.focus();
    await this.page.keyboard.press(key);
  }

  async openVote(question: string, targets: readonly string[]): Promise<void> {
    await this.voting.getByRole('textbox', { name: 'Question', exact: true }).fill(question);
    for (const t of targets) await this.voting.getByRole('checkbox', { name: new RegExp(`^Stage ${t}$`) }).check();
    await this.voting.getByRole('button', { name: 'Open the round' }).click();
    await expect(this.page.getByTestId('vote-round')).toContainText('open');
  }

  /** Types each count and presses Enter: the next count field is focused by the app, not by the test. */
  async typeHandCounts(counts: readonly number[]): Promise<void> {
    const first = this.voting.getByRole('spinbutton', { name: /^Votes for / }).first();
    await first.focus();
    for (const count of counts) {
      await this.page.keyboard.type(String(count));
      await this.page.keyboard.press('Enter');
    }
  }

  async park(text: string): Promise<void> {
    await this.parkingLot.getByLabel('Park a topic').fill(text);
    await this.parkingLot.getByLabel('Park a topic').press('Enter');
    await expect(this.parkingLot.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  }

  async logDecision(what: string, by: readonly string[]): Promise<void> {
    for (const name of by) await this.decisions.getByRole('checkbox', { name }).check();
    await this.decisions.getByLabel('What was decided').fill(what);
    await this.decisions.getByLabel('What was decided').press('Enter');
    await expect(this.decisions.getByRole('listitem').filter({ hasText: what })).toBeVisible();
  }
}
