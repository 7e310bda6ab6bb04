// The audience view as the room sees it, and the measurements the legibility
// requirement is written in: each text's size as rendered (font size × the zoom of
// any map viewport it sits in) and whether any text covers another.
import { expect, type Locator, type Page } from '@playwright/test';

export interface RenderedText {
  text: string;
  /** CSS class of the element holding it, to say where a failure is. */
  where: string;
  px: number;
}

export class AudiencePage {
  readonly root: Locator;
  readonly stages: Locator;
  readonly stageNames: Locator;
  readonly focus: Locator;
  readonly clock: Locator;
  readonly ranking: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('audience');
    this.stages = page.getByTestId('audience-stage');
    this.stageNames = page.locator('.aud-stage-name');
    this.focus = page.getByTestId('audience-focus');
    this.clock = page.getByTestId('audience-clock');
    this.ranking = page.getByTestId('audience-ranking');
  }

  async open(tokenUrl: string, workshopId: string): Promise<void> {
    await this.page.goto(`${tokenUrl}#/audience/${workshopId}`);
    await expect(this.root).toBeVisible();
  }

  /** Shows which view the room sees: blank, map, stage, figures, vote, timer… */
  view(): Promise<string | null> {
    return this.root.getAttribute('data-view');
  }

  /** Every piece of text inside `selector` with its rendered size in CSS pixels. */
  async renderedTexts(selector = '[data-testid="audience"]'): Promise<RenderedText[]> {
    return this.page.evaluate((sel) => {
      const scaleOf = (el: Element): number => {
        const viewport = el.closest('.react-flow__viewport');
        if (!viewport) return 1;
        const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
        return m.a;
      };
      const out: { text: string; where: string; px: number }[] = [];
      for (const root of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim() ?? '';
          const el = node.parentElement;
          if (!text || !el) continue;
          const rects = (() => {
            const r = document.createRange();
            r.selectNodeContents(node);
            return [...r.getClientRects()];
          })();
          if (rects.every((r) => r.width === 0 || r.height === 0)) continue;
          out.push({ text, where: el.className || el.tagName, px: parseFloat(getComputedStyle(el).fontSize) * scaleOf(el) });
        }
      }
      return out;
    }, selector);
  }

  /** Pairs of texts whose line boxes overlap (more than a pixel each way), as "a ⟂ b". */
  async overlappingTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const boxes: { text: string; r: DOMRect }[] = [];
      const root = document.querySelector('[data-testid="audience"]');
      if (!root) return [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        if (!text) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push({ text, r });
      }
      const hits: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) hits.push(`${boxes[i]!.text} ⟂ ${boxes[j]!.text}`);
        }
      }
      return hits;
    });
  }

  /** How far the view would have to scroll to show all of it (the room cannot scroll): 0 when it fits. */
  async overflowPx(): Promise<{ x: number; y: number }> {
    return this.root.evaluate((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight }));
  }

  /** Texts that end outside the window (the room would not see them). */
  async textsOutsideWindow(): Promise<string[]> {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-testid="audience"]');
      if (!root) return [];
      const out: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        if (!text) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5 || r.left < -0.5 || r.top < -0.5) out.push(text);
      }
      return out;
    });
  }
}
