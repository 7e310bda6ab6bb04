// A workshop's map editor as a facilitator drives it: the toolbar, the stage and
// outcome cards on the React Flow canvas (dragged with the mouse), the inspector
// on the right, the keyboard shortcuts and the save state.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}

/** "translate(12px, -3.5px)" → { x: 12, y: -3.5 } */
function parseTranslate(transform: string): Point {
  const match = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)/.exec(transform);
  if (!match) throw new Error(`No translate() in "${transform}".`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

export class EditorPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly canvas: Locator;
  readonly pane: Locator;
  readonly stageCards: Locator;
  readonly outcomeCards: Locator;
  readonly edges: Locator;
  readonly inspector: Locator;
  readonly stageInspector: Locator;
  readonly transitionInspector: Locator;
  readonly nothingSelected: Locator;
  readonly saveStatus: Locator;
  readonly conflictBanner: Locator;
  /** Offers unsaved edits found in this browser's journal when the map opens. */
  readonly recoveryBanner: Locator;
  readonly addStageButton: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly fitButton: Locator;
  readonly backButton: Locator;
  readonly stageName: Locator;
  readonly customerGoal: Locator;
  /** "More about this stage": the detail fields by label (Pain points, Notes…). */
  readonly stageDetail: (label: 'Stakeholders on the buyer\'s side' | 'Tools and content used' | 'Pain points' | 'Notes') => Locator;
  readonly customerActions: Locator;
  readonly sellerActions: Locator;
  readonly leadsTo: Locator;
  readonly addTransitionSelect: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('editor');
    this.title = page.getByTestId('workshop-title');
    this.canvas = page.getByTestId('map-canvas');
    this.pane = this.canvas.locator('.react-flow__pane');
    this.stageCards = page.getByTestId('stage-card');
    this.outcomeCards = page.getByTestId('outcome-card');
    this.edges = this.canvas.locator('.react-flow__edge');
    // The editor's side panel (its Edit tab is the inspector).
    this.inspector = page.getByRole('complementary');
    this.stageInspector = page.getByTestId('stage-inspector');
    this.transitionInspector = page.getByTestId('transition-inspector');
    this.nothingSelected = this.inspector.getByRole('heading', { name: 'Nothing selected' });
    this.saveStatus = page.getByTestId('save-status');
    this.conflictBanner = page.getByTestId('conflict-banner');
    this.recoveryBanner = page.getByTestId('recovery-banner');
    this.addStageButton = page.getByRole('group', { name: 'Map' }).getByRole('button', { name: /Stage/ });
    this.undoButton = page.getByRole('group', { name: 'History' }).getByRole('button', { name: /Undo/ });
    this.redoButton = page.getByRole('group', { name: 'History' }).getByRole('button', { name: /Redo/ });
    this.fitButton = page.getByRole('group', { name: 'Map' }).getByRole('button', { name: /^Fit/ });
    this.backButton = page.getByRole('button', { name: 'Back to the workshop library' });
    this.stageName = this.stageInspector.getByLabel("Stage name (the customer's step)");
    this.customerGoal = this.stageInspector.getByLabel('Customer goal');
    this.stageDetail = (label) => this.stageInspector.getByRole('region', { name: 'More about this stage' }).getByLabel(label, { exact: true });
    this.customerActions = this.stageInspector.getByRole('region', { name: 'Customer actions' }).getByTestId('customer-action-text');
    this.sellerActions = this.stageInspector.getByRole('region', { name: 'Seller actions' }).getByTestId('seller-action-text');
    this.leadsTo = this.stageInspector.getByRole('region', { name: 'Leads to' });
    this.addTransitionSelect = this.leadsTo.getByLabel('Add a transition to…');
  }

  /** The workshop id from the route (`#/workshop/<id>`). */
  workshopId(): string {
    const match = /#\/workshop\/([\w-]+)/.exec(this.page.url());
    if (!match) throw new Error(`Not on a workshop route: ${this.page.url()}`);
    return match[1]!;
  }

  async waitUntilOpen(): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.canvas).toBeVisible();
  }

  /** A stage card on the canvas, by its exact name. */
  stage(name: string): Locator {
    return this.page.locator(`[data-testid="stage-card"][aria-label=${JSON.stringify(`Stage ${name}`)}]`);
  }

  /** An outcome card on the canvas, by its exact label. */
  outcome(label: string): Locator {
    return this.page.locator(`[data-testid="outcome-card"][aria-label=${JSON.stringify(`Outcome ${label}`)}]`);
  }

  /** React Flow's wrapper of a card (it carries the position transform and the handles). */
  node(card: Locator): Locator {
    return this.canvas.locator('.react-flow__node').filter({ has: card });
  }

  /** A card's position in map coordinates, read from React Flow's node transform. */
  async positionOf(card: Locator): Promise<Point> {
    const transform = await this.node(card).evaluate((el) => (el as HTMLElement).style.transform);
    return parseTranslate(transform);
  }

  /** The canvas zoom, from the viewport transform. */
  async zoom(): Promise<number> {
    const transform = await this.canvas.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const match = /scale\(\s*([\d.]+)\s*\)/.exec(transform);
    return match ? Number(match[1]) : 1;
  }

  /** Waits until the save state says every change is in the database. */
  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
    await expect(this.saveStatus).not.toHaveText(/not saved|unsaved/i);
  }

  /** Clicks an empty spot of the canvas (clears the selection, takes focus out of the inspector). */
  async clickEmptyCanvas(): Promise<void> {
    const box = await this.pane.boundingBox();
    if (!box) throw new Error('The canvas is not on screen.');
    // The top left corner of the canvas is away from the cards, the minimap and the zoom controls.
    await this.page.mouse.click(box.x + 12, box.y + 12);
  }

  /** The viewport's transform (pan and zoom). */
  viewportTransform(): Promise<string> {
    return this.canvas.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  }

  /** Waits until the viewport stops moving (fitView and setCenter animate for 300 ms). */
  async waitForViewportToSettle(): Promise<void> {
    let last: string | null = null;
    await expect
      .poll(
        async () => {
          const now = await this.viewportTransform();
          const settled = now === last;
          last = now;
          return settled;
        },
        { message: 'the canvas stops moving', intervals: [350, 200] },
      )
      .toBe(true);
  }

  /** Fit to screen (toolbar): every card in view, and rendered. */
  async fitToScreen(): Promise<void> {
    await this.fitButton.click();
    await this.waitForViewportToSettle();
  }

  /** Selects a stage by clicking its card; the inspector shows it. */
  async selectStage(name: string): Promise<void> {
    const card = this.stage(name);
    // The card's top middle (its name): away from the handles on its left and right
    // edges and from arrow labels, which can lie over the lower part of a card.
    const box = await card.boundingBox();
    if (!box) throw new Error(`Stage "${name}" is not on screen.`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.15);
    await expect(this.stageInspector).toBeVisible();
    await expect(this.stageName).toHaveValue(name);
  }

  /**
   * Adds a stage with the toolbar button: the canvas pans to the new card and its
   * name field takes the focus. (Cards panned out of view are not rendered, so
   * count cards only after fitToScreen.)
   */
  async addStageWithToolbar(): Promise<void> {
    await this.addStageButton.click();
    await this.expectNewStageSelected();
  }

  /** Presses N on the canvas (the focus must not be in a text field). */
  async addStageWithKey(): Promise<void> {
    await this.page.keyboard.press('n');
    await this.expectNewStageSelected();
  }

  private async expectNewStageSelected(): Promise<void> {
    await expect(this.stageInspector).toBeVisible();
    await expect(this.stageName).toHaveValue('New stage');
    await expect(this.stageName).toBeFocused();
    await expect(this.stage('New stage')).toBeVisible();
    await this.waitForViewportToSettle();
  }

  /** Names the selected stage in the inspector; Enter makes it one undo step. */
  async nameStage(name: string): Promise<void> {
    await this.stageName.fill(name);
    await this.stageName.press('Enter');
    await expect(this.stage(name)).toBeVisible();
  }

  async addCustomerAction(text: string): Promise<void> {
    const count = await this.customerActions.count();
    await this.stageInspector.getByRole('button', { name: '+ Add customer action' }).click();
    await expect(this.customerActions).toHaveCount(count + 1);
    const field = this.customerActions.nth(count);
    await expect(field).toBeFocused();
    await field.pressSequentially(text);
    await field.press('Enter');
  }

  async addSellerAction(text: string): Promise<void> {
    const count = await this.sellerActions.count();
    await this.stageInspector.getByRole('button', { name: '+ Add seller action' }).click();
    await expect(this.sellerActions).toHaveCount(count + 1);
    const field = this.sellerActions.nth(count);
    await expect(field).toBeFocused();
    await field.pressSequentially(text);
    await field.press('Enter');
  }

  /** The "Helps the customer to…" chip of a seller action for one customer action. */
  servesChip(sellerAction: string, customerAction: string): Locator {
    return this.stageInspector
      .getByRole('group', { name: `What "${sellerAction}" helps the customer to do`, exact: true })
      .getByRole('button', { name: customerAction, exact: true });
  }

  /** The outgoing transition of the selected stage to a stage or outcome, in "Leads to". */
  leadsToEntry(target: string): Locator {
    return this.leadsTo.getByRole('button', { name: `→ ${target}`, exact: true });
  }

  /** Adds a transition from the selected stage with the inspector's select (the keyboard way). */
  async addTransitionWithInspector(target: string): Promise<void> {
    await this.addTransitionSelect.selectOption({ label: target });
  }

  /**
   * Drags a line from a stage card's right (source) handle onto a point, with the
   * mouse in small steps as a hand would.
   */
  async dragFromHandleTo(stageName: string, target: Point): Promise<void> {
    const handle = this.node(this.stage(stageName)).locator('.react-flow__handle-right');
    const box = await handle.boundingBox();
    if (!box) throw new Error(`The right handle of "${stageName}" is not on screen.`);
    const mouse = this.page.mouse;
    await mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await mouse.down();
    await mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 5, { steps: 4 });
    await expect(this.canvas.locator('.react-flow__connectionline')).toBeVisible();
    await mouse.move(target.x, target.y, { steps: 20 });
    await mouse.up();
  }

  /**
   * Connects a stage to an outcome by dragging from the stage's right handle onto
   * the outcome card's left edge, where its (target) handle is. React Flow only
   * connects when the line is dropped within its connection radius of a handle.
   */
  async connectStageToOutcome(stageName: string, outcomeLabel: string): Promise<void> {
    const handle = this.node(this.outcome(outcomeLabel)).locator('.react-flow__handle-left');
    const box = await handle.boundingBox();
    if (!box) throw new Error(`Outcome "${outcomeLabel}" is not on screen.`);
    await this.dragFromHandleTo(stageName, { x: box.x + box.width / 2 + 2, y: box.y + box.height / 2 });
  }

  /** Drags a card with the mouse by (dx, dy) screen pixels, grabbing it at a relative point. */
  async dragCard(card: Locator, dx: number, dy: number, grab: Point = { x: 0.5, y: 0.8 }): Promise<void> {
    const box = await card.boundingBox();
    if (!box) throw new Error('The card is not on screen.');
    const from = { x: box.x + box.width * grab.x, y: box.y + box.height * grab.y };
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 5, from.y + 5, { steps: 2 });
    await mouse.move(from.x + dx, from.y + dy, { steps: 20 });
    await mouse.up();
  }

  /** Tidy layout (L) from the canvas: waits until the map is laid out, saved and fitted to the screen. */
  async tidyLayout(): Promise<void> {
    // The layout is worked out asynchronously (elkjs loads on first use): wait for this run to finish.
    const runs = Number((await this.canvas.getAttribute('data-tidy-runs')) ?? '0');
    await this.clickEmptyCanvas();
    await this.page.keyboard.press('l');
    await expect(this.canvas).toHaveAttribute('data-tidy-runs', String(runs + 1), { timeout: 30_000 });
    await this.expectSaved();
    await this.waitForViewportToSettle();
  }

  /**
   * The screen boxes of everything that must stay readable on the map: the arrow
   * labels (with their bottleneck tags), the stage names and the outcome labels.
   */
  async readableBoxes(): Promise<{ what: string; left: number; top: number; right: number; bottom: number }[]> {
    return this.canvas.evaluate((canvas) =>
      [...canvas.querySelectorAll<HTMLElement>('.transition-label, .stage-name, .stage-name-overview, .outcome-label')].map((el) => {
        const r = el.getBoundingClientRect();
        return { what: `${el.className}: ${el.textContent ?? ''}`, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
  }

  /** Pairs of readable boxes (see readableBoxes) that overlap on screen, described. */
  async overlappingText(): Promise<string[]> {
    const boxes = await this.readableBoxes();
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`"${a.what}" covers "${b.what}"`);
      }
    }
    return overlaps;
  }

  /** The element with the keyboard focus on the canvas: "stage <name>", "outcome <label>", "transition …" or what else. */
  focusedOnCanvas(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const node = el?.closest('.react-flow__node');
      if (node) return (node.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '').replace(/^Stage /, 'stage ').replace(/^Outcome /, 'outcome ');
      const edge = el?.closest('.react-flow__edge');
      if (edge) return edge.getAttribute('aria-label') ?? 'an arrow';
      return el ? `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''}` : 'nothing';
    });
  }

  /** Zooms in with the canvas's + button until the cards show their lines (zoom 0.6 and more). */
  async zoomToDetail(): Promise<void> {
    for (let i = 0; i < 30 && (await this.zoom()) < 0.62; i++) {
      await this.canvas.locator('.react-flow__controls-zoomin').click();
    }
    await this.waitForViewportToSettle();
  }

  /**
   * Pans the canvas by about one screen towards a card (to see what lies further
   * right or left), dragging the empty canvas from a spot where no card, arrow or
   * label is (so nothing is moved). Returns false, without panning, once the card is on screen.
   */
  async panTowards(card: Locator, direction: 'left' | 'right'): Promise<boolean> {
    if (await card.isVisible()) return false;
    const box = await this.pane.boundingBox();
    if (!box) throw new Error('The canvas is not on screen.');
    const x = direction === 'right' ? box.x + box.width - 40 : box.x + 40;
    const y = await this.page.evaluate(
      ({ x, top, bottom }) => {
        for (let y = top + 10; y < bottom - 10; y += 10) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return y;
        }
        return null;
      },
      { x, top: box.y, bottom: box.y + box.height },
    );
    if (y === null) throw new Error('No empty spot on the canvas to drag it by.');
    const distance = box.width - 80;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(direction === 'right' ? x - distance : x + distance, y, { steps: 8 });
    await this.page.mouse.up();
    await this.waitForViewportToSettle();
    return true;
  }

  /** The "Add which outcome?" chooser that O opens. */
  get outcomeChooser(): Locator {
    return this.page.getByRole('dialog', { name: 'Add which outcome?' });
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+z');
  }

  async backToLibrary(): Promise<void> {
    await this.backButton.click();
    await expect(this.page.getByTestId('library')).toBeVisible();
  }

  // ——— Numbers, figures and the measurement plan ———

  /** A tab of the side panel: "Edit", "Figures" or "Checks (n)". */
  sidePanelTab(name: 'Edit' | 'Figures' | 'Checks'): Locator {
    return this.inspector.getByRole('tab', { name: name === 'Checks' ? /^Checks \(\d+\)$/ : name, exact: name !== 'Checks' });
  }

  /** Shows a tab of the side panel. */
  async openSidePanel(name: 'Edit' | 'Figures' | 'Checks'): Promise<void> {
    await this.sidePanelTab(name).click();
    await expect(this.sidePanelTab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The Figures tab's content. */
  get figuresPanel(): Locator {
    return this.page.getByTestId('figures-panel');
  }

  /** One process figure (data-testid "figure-…", e.g. "figure-win-rate"). */
  figure(testId: string): Locator {
    return this.figuresPanel.getByTestId(testId);
  }

  /** A figure's exact value (its data-value), or null while it shows no number. */
  async figureValue(testId: string): Promise<number | null> {
    const value = this.figure(testId).locator('.figure-value');
    if ((await value.count()) === 0) return null;
    const raw = await value.getAttribute('data-value');
    return raw === null ? null : Number(raw);
  }

  /** The Bottlenecks list of the Figures tab, best first. */
  get bottleneckRows(): Locator {
    return this.figuresPanel.getByTestId('bottlenecks').getByTestId('bottleneck-row');
  }

  /** The canvas label of the transition ranked 1 or 2 among the bottlenecks. */
  bottleneckLabel(rank: 1 | 2): Locator {
    return this.canvas.getByTestId(`bottleneck-${rank}`);
  }

  /** The selected stage's "Mean days per visit" field. */
  get stageDays(): Locator {
    return this.stageInspector.getByTestId('stage-days');
  }

  /** The conversion field of the selected stage's "Leads to" row for a target. */
  outgoingConversion(target: string): Locator {
    return this.leadsTo.getByRole('textbox', { name: `Conversion to ${target}`, exact: true });
  }

  /** The error shown under a field (in the field's own .field wrapper). */
  fieldError(field: Locator): Locator {
    return field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " field ")][1]').locator('.field-error');
  }

  /** The question a number field asks when what was typed reads two ways (in the field's own .field wrapper). */
  numberQuestion(field: Locator): Locator {
    return field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " field ")][1]').getByTestId('number-question');
  }

  /** Answers a number field's question by clicking one of its readings ("80 %"). */
  async pickReading(field: Locator, reading: string): Promise<void> {
    await this.numberQuestion(field).getByRole('button', { name: reading, exact: true }).click();
    await expect(this.numberQuestion(field)).toHaveCount(0);
  }

  /** Replaces a field's text by typing, as a facilitator would (click, select all, type). */
  async typeInto(field: Locator, text: string): Promise<void> {
    await field.click();
    await field.press('ControlOrMeta+a');
    if (text === '') await field.press('Backspace');
    else await field.pressSequentially(text);
    await expect(field).toHaveValue(text);
  }

  /** The toolbar's view switch: the map, the measurement plan or Compare. */
  async showView(view: 'Map' | 'Measurement plan' | 'Compare'): Promise<void> {
    const button = this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: view, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    if (view === 'Map') await expect(this.canvas).toBeVisible();
    else if (view === 'Compare') await expect(this.compare).toBeVisible();
    else await expect(this.page.getByTestId('measurement-plan')).toBeVisible();
  }

  // ——— Compare: two versions side by side ———

  get compare(): Locator {
    return this.page.getByTestId('compare');
  }

  /** The figures table: one row per figure, before / after / difference. */
  compareFigure(name: string): Locator {
    return this.compare.getByTestId('compare-figures').getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** "What each change is worth": the ranked list. */
  get compareWorth(): Locator {
    return this.compare.getByTestId('compare-worth').getByRole('listitem');
  }

  /** Every change listed (grouped by stage). */
  get compareChanges(): Locator {
    return this.compare.getByTestId('compare-changes').getByRole('listitem');
  }

  /** "Change 2 of 5" (or how many there are before the first step). */
  get compareStep(): Locator {
    return this.compare.getByTestId('compare-step');
  }

  /** The change in focus, in words, above the maps. */
  get compareFocus(): Locator {
    return this.compare.getByTestId('compare-focus');
  }

  /** The measurement plan view (toolbar: "Measurement plan"). */
  get plan(): Locator {
    return this.page.getByTestId('measurement-plan');
  }

  /** The rows of the plan table. */
  get metricRows(): Locator {
    return this.plan.getByTestId('metric-row');
  }

  /** The plan table's row of a metric, by its exact name. */
  metricRow(name: string): Locator {
    return this.metricRows.filter({ has: this.page.locator('td:first-child > strong').getByText(name, { exact: true }) });
  }

  /** An inline cell of the plan table: "Owner", "Baseline" or "Target" of a metric. */
  planCell(field: 'Owner' | 'Baseline' | 'Target', metric: string): Locator {
    return this.plan.getByRole('textbox', { name: `${field} of ${metric}`, exact: true });
  }

  /** The metric editor (with its readings). */
  get metricDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Metric' });
  }

  /** Opens a metric's editor with its row's "Edit · readings" button. */
  async openMetric(name: string): Promise<void> {
    await this.metricRow(name).getByRole('button', { name: `Edit ${name}`, exact: true }).click();
    await expect(this.metricDialog).toBeVisible();
  }

  // ——— Workshop details, agreeing a version, versions and the Export… dialog ———

  /** The toolbar's "Workshop ▾" menu button. */
  get workshopMenuButton(): Locator {
    return this.page.getByRole('group', { name: 'Workshop' }).getByRole('button', { name: /^Workshop ▾/ });
  }

  /** An item of the open "Workshop ▾" menu. */
  workshopMenuItem(name: string | RegExp): Locator {
    return this.page.getByRole('menu', { name: 'Workshop' }).getByRole('menuitem', { name, exact: typeof name === 'string' });
  }

  /** Opens "Workshop ▾" and chooses an item. */
  async chooseFromWorkshopMenu(name: string | RegExp): Promise<void> {
    await this.workshopMenuButton.click();
    await this.workshopMenuItem(name).click();
  }

  /** The "Map version" select of the toolbar. */
  get versionSelect(): Locator {
    return this.page.getByRole('combobox', { name: 'Map version', exact: true });
  }

  /** The option the "Map version" select shows. */
  get selectedVersion(): Locator {
    return this.versionSelect.locator('option:checked');
  }

  /** "Agreed on … by …. This version is read-only." */
  get agreedBanner(): Locator {
    return this.page.getByTestId('agreed-banner');
  }

  get detailsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Workshop details', exact: true });
  }

  /** Workshop ▾ → Workshop details…: adds participants, saves; returns the workshop's date (YYYY-MM-DD). */
  async addParticipants(people: readonly { name: string; role: string }[]): Promise<string> {
    await this.chooseFromWorkshopMenu('Workshop details…');
    const dialog = this.detailsDialog;
    await expect(dialog).toBeVisible();
    const date = await dialog.getByLabel('Date', { exact: true }).inputValue();
    const first = await dialog.getByRole('textbox', { name: /^Participant \d+ name$/ }).count();
    for (const [i, person] of people.entries()) {
      const n = first + i + 1;
      await dialog.getByRole('button', { name: '+ Add participant', exact: true }).click();
      await dialog.getByLabel(`Participant ${n} name`, { exact: true }).fill(person.name);
      await dialog.getByLabel(`Participant ${n} role`, { exact: true }).fill(person.role);
    }
    await dialog.getByRole('button', { name: 'Save details', exact: true }).click();
    await expect(dialog).toBeHidden();
    return date;
  }

  /** The "Mark "<version>" agreed" dialog. */
  get agreeDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Mark ".*" agreed$/ });
  }

  /** Workshop ▾ → Mark "<version>" agreed…; returns the dialog. */
  async openAgreeDialog(versionName: string): Promise<Locator> {
    await this.chooseFromWorkshopMenu(`Mark "${versionName}" agreed…`);
    await expect(this.agreeDialog).toBeVisible();
    return this.agreeDialog;
  }

  /** The "New map version" dialog. */
  get newVersionDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'New map version', exact: true });
  }

  /** The toolbar's "Export…" button. */
  get exportButton(): Locator {
    return this.page.getByRole('group', { name: 'Workshop' }).getByRole('button', { name: 'Export…', exact: true });
  }

  /** The Export… dialog ("Export "<version>""). */
  get exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Export "/ });
  }

  /** A format's checkbox in the Export… dialog, by the label shown in bold. */
  exportFormat(label: ExportFormatLabel): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.exportDialog.getByRole('checkbox', { name: new RegExp(`^${escaped} `) });
  }

  /**
   * Export… with exactly these formats (and paper): presses Export, waits for the
   * result ("n files saved to your downloads folder[, in "<name>.zip"]."), saves the
   * browser's one download into `dir` and, when it is a zip, unpacks it there.
   * Returns the download's name and the names of the files it holds. The dialog is left open.
   */
  async exportReport(
    formats: readonly ExportFormatLabel[],
    dir: string,
    paper: 'A4' | 'US Letter' = 'A4',
  ): Promise<{ download: string; files: string[] }> {
    await this.exportButton.click();
    const dialog = this.exportDialog;
    await expect(dialog).toBeVisible();
    for (const label of EXPORT_FORMAT_LABELS) await this.exportFormat(label).setChecked(formats.includes(label));
    await dialog.getByLabel('Paper (PDF)').selectOption({ label: paper });
    const downloads: Download[] = [];
    const onDownload = (download: Download) => void downloads.push(download);
    this.page.on('download', onDownload);
    let count: number;
    try {
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(dialog.getByTestId('export-progress')).toBeVisible();
      const result = dialog.getByTestId('export-result');
      await expect(result).toHaveText(/^\d+ files? saved to your downloads folder(, in ".+\.zip")?\.$/, { timeout: 45_000 });
      count = Number(/^(\d+)/.exec((await result.textContent()) ?? '')![1]);
      await expect.poll(() => downloads.length, { message: 'one export is one download' }).toBe(1);
    } finally {
      this.page.off('download', onDownload);
    }
    await expect(dialog.getByTestId('export-progress').locator('li')).toHaveText(formats.map(() => /: ready$/));
    const download = downloads[0]!;
    const name = download.suggestedFilename();
    await download.saveAs(join(dir, name));
    if (!name.endsWith('.zip')) {
      expect(count, 'a single file comes as it is').toBe(1);
      return { download: name, files: [name] };
    }
    const entries = unzipSync(new Uint8Array(await readFile(join(dir, name))));
    const files = Object.keys(entries);
    for (const file of files) await writeFile(join(dir, file), entries[file]!);
    expect(files, 'the zip holds every file the dialog counted').toHaveLength(count);
    return { download: name, files };
  }

  /** Closes the Export… dialog after an export. */
  async closeExportDialog(): Promise<void> {
    await this.exportDialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.exportDialog).toBeHidden();
  }
  // ——— Versions: locked plans, withdrawing an agreement, the versions dialog ———

  /** The note a locked (agreed) plan shows above its table. */
  get planLockedNote(): Locator {
    return this.plan.getByTestId('plan-locked');
  }

  /** The plan's "+ New metric" button (absent while the plan is locked). */
  get newMetricButton(): Locator {
    return this.plan.getByRole('button', { name: '+ New metric', exact: true });
  }

  /** "Agreement withdrawn on … Reason: …", shown on a version whose agreement was withdrawn. */
  get withdrawnBanner(): Locator {
    return this.page.getByTestId('withdrawn-banner');
  }

  /** Opens a version with the toolbar's "Map version" select (the view, map or plan, stays). */
  async openVersion(name: string): Promise<void> {
    await this.versionSelect.selectOption({ label: name });
    await expect(this.selectedVersion).toHaveText(name);
    await expect(this.root).toBeVisible();
  }

  /** Calls the API as the page's own transport does (same token), as another client might. */
  async callApi<T = unknown>(method: string, input: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
    return this.page.evaluate(
      async ([m, body]) => {
        const token = sessionStorage.getItem('leanmap.token') ?? '';
        const response = await fetch(`/api/${m}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Leanmap-Token': token },
          body: JSON.stringify(body),
        });
        return response.json();
      },
      [method, input] as const,
    );
  }
}

/** The formats of the Export… dialog, as its checkboxes name them. */
export const EXPORT_FORMAT_LABELS = ['PDF', 'HTML', 'Markdown', 'Excel (XLSX)', 'CSV', 'PNG', 'SVG', 'Workshop file (JSON)'] as const;
export type ExportFormatLabel = (typeof EXPORT_FORMAT_LABELS)[number];
