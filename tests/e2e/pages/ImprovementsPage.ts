// Page object for the kaizen cycle: the capture dialog ("Add improvement idea"), the
// Improvements view (ranked list, matrix, the selected idea with its status controls)
// and the Review view, driven as a facilitator drives them.
import { expect, type Locator, type Page } from '@playwright/test';

export class ImprovementsPage {
  readonly view: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly capture: Locator;
  readonly review: Locator;
  readonly reviewCards: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('improvements-view');
    this.rows = this.view.getByTestId('improvement-row');
    this.detail = page.getByTestId('improvement-detail');
    this.capture = page.getByRole('dialog', { name: 'Add improvement idea' });
    this.review = page.getByTestId('review-view');
    this.reviewCards = this.review.getByTestId('review-card');
  }

  async show(view: 'Improvements' | 'Review' | 'Map' | 'Measurement plan'): Promise<void> {
    const button = this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: view, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** Fills the open capture dialog and adds the idea. */
  async captureIdea(idea: { idea: string; impact: number; effort: number; votes: number; owner: string }): Promise<void> {
    await expect(this.capture).toBeVisible();
    await this.capture.getByTestId('improvement-idea').fill(idea.idea);
    await this.capture.getByTestId('improvement-impact').selectOption(String(idea.impact));
    await this.capture.getByTestId('improvement-effort').selectOption(String(idea.effort));
    const votes = this.capture.getByTestId('improvement-votes');
    await votes.fill(String(idea.votes));
    await this.capture.getByTestId('improvement-owner').fill(idea.owner);
    await this.capture.getByTestId('capture-add').click();
    await expect(this.capture).toBeHidden();
  }

  row(idea: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('row-idea').getByText(idea, { exact: true }) });
  }

  /** The ideas in the order the ranked list shows them. */
  async order(): Promise<string[]> {
    return this.rows.getByTestId('row-idea').allTextContents();
  }

  async select(idea: string): Promise<void> {
    await this.row(idea).click();
    await expect(this.detail.getByRole('heading')).toContainText(idea);
  }

  /** Types a hand count into the selected row's votes and confirms it with Enter. */
  async typeVotes(idea: string, votes: string): Promise<void> {
    await this.row(idea).focus();
    await this.page.keyboard.type(votes);
    await expect(this.row(idea).getByTestId('row-votes')).toContainText(votes);
    await this.page.keyboard.press('Enter');
    await expect(this.row(idea).getByTestId('row-votes')).toHaveText(votes);
  }

  /** Presses one of the selected idea's status buttons ("move-planned", "move-trial", …). */
  async move(idea: string, to: 'planned' | 'trial' | 'adopted' | 'dropped' | 'idea'): Promise<void> {
    await this.select(idea);
    await this.detail.getByTestId(`move-${to}`).click();
  }

  get focusRefusal(): Locator {
    return this.detail.getByTestId('focus-refusal');
  }

  /** Overrides the focus limit with a reason, naming the participant who decided when given. */
  async overrideWith(reason: string, decidedBy?: string): Promise<void> {
    await this.focusRefusal.getByRole('button', { name: 'Override with a reason…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Override the focus limit' });
    await dialog.getByTestId('override-confirm').click();
    await expect(dialog.getByRole('alert')).toContainText('Write why this one cannot wait');
    await dialog.getByTestId('override-reason').fill(reason);
    if (decidedBy) await dialog.getByTestId('override-by').selectOption({ label: decidedBy });
    await dialog.getByTestId('override-confirm').click();
    await expect(dialog).toBeHidden();
  }

  async startTrial(idea: string, trialStart: string): Promise<void> {
    await this.move(idea, 'trial');
    const dialog = this.page.getByRole('dialog', { name: 'Start the trial' });
    await dialog.getByTestId('trial-start').fill(trialStart);
    await dialog.getByTestId('trial-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(this.row(idea).getByTestId('row-status')).toHaveText('On trial');
  }

  reviewCard(idea: string): Locator {
    return this.reviewCards.filter({ has: this.page.getByRole('heading', { name: idea, exact: true }) });
  }
}
