// One measurement of one map in one fresh browser: open it and time the first
// painted cards; pan and zoom at the whole-map overview and at working zoom (1.0)
// while recording frames; drag a card recording the time from each mouse move to
// the frame that shows it; drop it and record the frames of the second after; then
// the JS heap after a garbage collection; then (the editor only) type a stage's new
// name into the inspector, recording the time from each key to the frame that shows
// it. Every step has a deadline: a step that runs over leaves its figure (and those
// after it) empty and says so.
import { createWriteStream } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { FrameRecord, PaintWatch, Point } from './probe/probe-api';
import { max, percentile, round } from './stats';

export interface MapFigures {
  open_to_painted_ms: number | null;
  /** From opening to the first half second without long frames (the map is usable). */
  open_to_quiet_ms: number | null;
  cards_in_dom_at_paint: number | null;
  overview_zoom: number | null;
  overview_cards_mounted: number | null;
  overview_arrows_mounted: number | null;
  overview_frame_p95_ms: number | null;
  overview_pan_frame_p95_ms: number | null;
  overview_zoom_frame_p95_ms: number | null;
  working_zoom: number | null;
  working_cards_mounted: number | null;
  working_arrows_mounted: number | null;
  working_frame_p95_ms: number | null;
  working_pan_frame_p95_ms: number | null;
  working_zoom_frame_p95_ms: number | null;
  drag_input_to_paint_p95_ms: number | null;
  drag_moves_measured: number | null;
  /** The longest frame gap or long task in the second after the mouse went up. */
  drop_longest_frame_ms: number | null;
  drop_longest_task_ms: number | null;
  heap_mb: number | null;
  /** Keys typed into the selected stage's name field: from each keydown to the frame after it. */
  typing_input_to_paint_p95_ms: number | null;
  typing_keys_measured: number | null;
  /** The longest frame gap or long task from the first key to a second after the last (the save included). */
  typing_longest_frame_ms: number | null;
}

export interface MeasureOptions {
  viewport: { width: number; height: number };
  /** The probe script (built by build-pages.ts). */
  probe: string;
  /** Milliseconds a single step may take. */
  stepMs: number;
  /** The field to type into once a card is selected (the editor's stage name), or null: no typing (the bare page). */
  typeInto?: string | null;
}

/** Where to save what the canvas showed (overview, working zoom, after the drop), for a look; null for none. */
export type ScreenshotPrefix = string | null;

const FRAME_PACE_MS = 16;
/** The longest a gesture may go on before it turns back (or is released). */
const GESTURE_BUDGET_MS = 3000;
const DROP_WINDOW_MS = 1000;
/** A quick typist: about eleven keys a second. */
const KEY_PACE_MS = 90;
const TYPED = ' and a longer name';
/** After the last key: the journal (50 ms) and the save (250 ms) come within this. */
const AFTER_TYPING_MS = 1000;
/** React Flow's wheel zoom: the scale changes by 2^(-deltaY × 0.002) per wheel event (pixel mode). */
const WHEEL_ZOOM_PER_PIXEL = 0.002;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export class StepTimeout extends Error {}

/** Runs a step with a deadline; the abandoned work fails harmlessly when its browser closes. */
async function within<T>(label: string, ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const running = work();
  running.catch(() => {});
  try {
    return await Promise.race([
      running,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StepTimeout(`${label}: no result within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Calls the in-page probe (as an expression: functions compiled for Node may not survive being sent to the page). */
function probe<T>(page: Page, call: string): Promise<T> {
  return page.evaluate(`window.__canvasBench.${call}`) as Promise<T>;
}

async function pollProbe<T>(page: Page, call: string, everyMs = 25): Promise<T> {
  for (;;) {
    const value = await probe<T | null>(page, call);
    if (value !== null) return value;
    await sleep(everyMs);
  }
}

async function newMeasuredPage(browser: Browser, options: MeasureOptions, watch: PaintWatch): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: options.viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript({ content: `window.__canvasBenchWatch = ${JSON.stringify(watch)};` });
  await page.addInitScript({ content: options.probe });
  return { context, page, errors };
}

/** Waits for half a second of frames with no long task and no gap over 50 ms; the time that quiet spell began, or null. */
async function quiet(page: Page, maxMs: number): Promise<number | null> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const began = Date.now();
    await probe(page, 'startFrames()');
    await sleep(500);
    const record = await probe<FrameRecord>(page, 'stopFrames()');
    if (record.gaps.length >= 10 && Math.max(...record.gaps) < 50 && record.longTasks.length === 0) return began;
  }
  return null;
}

/** Milliseconds from navigating to `url` until the probe saw the watched thing painted. */
export async function timeToPainted(browser: Browser, url: string, watch: PaintWatch, options: MeasureOptions): Promise<number> {
  const { context, page } = await newMeasuredPage(browser, options, watch);
  try {
    return await within('cold start', options.stepMs, async () => {
      const start = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      const painted = await pollProbe<{ at: number }>(page, 'painted()');
      return painted.at - start;
    });
  } finally {
    await context.close();
  }
}

/** The size of the canvas (React Flow's pane) of the page at `url`, once painted. */
export async function canvasSize(browser: Browser, url: string, options: MeasureOptions): Promise<{ width: number; height: number }> {
  const { context, page } = await newMeasuredPage(browser, options, { kind: 'map' });
  try {
    return await within('calibration', options.stepMs, async () => {
      await page.goto(url, { waitUntil: 'commit' });
      await pollProbe(page, 'painted()');
      const box = await probe<{ width: number; height: number } | null>(page, 'paneBox()');
      if (!box) throw new Error('The editor shows no canvas.');
      return { width: box.width, height: box.height };
    });
  } finally {
    await context.close();
  }
}

/**
 * Sends up to `steps` inputs paced a frame apart, stopping early after `budgetMs`
 * (on a slow canvas each input waits for the page to take it); the number sent.
 */
async function paced(steps: number, budgetMs: number, send: (i: number) => Promise<void>): Promise<number> {
  const until = Date.now() + budgetMs;
  let sent = 0;
  while (sent < steps && Date.now() < until) {
    await send(sent++);
    await sleep(FRAME_PACE_MS);
  }
  return sent;
}

/** Pans by dragging an empty spot of the canvas there and back, then zooms in and out at its centre, recording frames. */
async function panAndZoom(page: Page, zoomFirst: 'in' | 'out'): Promise<{ pan: number[]; zoom: number[] }> {
  const from = await probe<Point | null>(page, 'emptyPanePoint()');
  if (!from) throw new Error('No empty spot on the canvas to pan from.');
  await page.mouse.move(from.x, from.y);
  await probe(page, 'startFrames()');
  await page.mouse.down();
  const at = (i: number) => ({ x: from.x + i * 12, y: from.y + i * 4 });
  const out = await paced(24, GESTURE_BUDGET_MS, (i) => page.mouse.move(at(i + 1).x, at(i + 1).y));
  await paced(out, GESTURE_BUDGET_MS * 2, (i) => page.mouse.move(at(out - i - 1).x, at(out - i - 1).y));
  await page.mouse.up();
  const pan = await probe<FrameRecord>(page, 'stopFrames()');

  const box = await probe<{ x: number; y: number; width: number; height: number }>(page, 'paneBox()');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const step = zoomFirst === 'in' ? -20 : 20;
  await probe(page, 'startFrames()');
  const there = await paced(8, GESTURE_BUDGET_MS, () => page.mouse.wheel(0, step));
  await paced(there, GESTURE_BUDGET_MS * 2, () => page.mouse.wheel(0, -step));
  await sleep(100);
  const zoom = await probe<FrameRecord>(page, 'stopFrames()');
  return { pan: pan.gaps, zoom: zoom.gaps };
}

/** Zooms with the wheel over a stage card near the centre until the zoom is 1.0 (working zoom). */
async function zoomToWorking(page: Page): Promise<void> {
  const at = await probe<Point | null>(page, 'cardNearCentre()');
  if (!at) throw new Error('No stage card on the canvas to zoom in on.');
  for (let attempt = 0; attempt < 5; attempt++) {
    const zoom = await probe<number | null>(page, 'zoom()');
    if (zoom === null) throw new Error('The canvas has no viewport transform.');
    if (Math.abs(zoom - 1) < 0.02) return;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, Math.log2(zoom) / WHEEL_ZOOM_PER_PIXEL);
    await sleep(200);
  }
}

const emptyFigures = (): MapFigures => ({
  open_to_painted_ms: null,
  open_to_quiet_ms: null,
  cards_in_dom_at_paint: null,
  overview_zoom: null,
  overview_cards_mounted: null,
  overview_arrows_mounted: null,
  overview_frame_p95_ms: null,
  overview_pan_frame_p95_ms: null,
  overview_zoom_frame_p95_ms: null,
  working_zoom: null,
  working_cards_mounted: null,
  working_arrows_mounted: null,
  working_frame_p95_ms: null,
  working_pan_frame_p95_ms: null,
  working_zoom_frame_p95_ms: null,
  drag_input_to_paint_p95_ms: null,
  drag_moves_measured: null,
  drop_longest_frame_ms: null,
  drop_longest_task_ms: null,
  heap_mb: null,
  typing_input_to_paint_p95_ms: null,
  typing_keys_measured: null,
  typing_longest_frame_ms: null,
});

/** Streams a heap snapshot of the page into `file` (after the forced GC of the heap step). */
async function saveHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  const out = createWriteStream(file);
  const onChunk = ({ chunk }: { chunk: string }) => void out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  }
}

/** Selects the card nearest the centre, types TYPED at the end of its `field`, key by key; the latencies and the frames meanwhile. */
async function typeIntoSelected(page: Page, field: string): Promise<{ latencies: number[]; frames: FrameRecord }> {
  const grab = await probe<Point | null>(page, 'cardGrabPoint()');
  if (!grab) throw new Error('No stage card to select for typing.');
  await page.mouse.click(grab.x, grab.y);
  const input = page.locator(field).first();
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.click();
  await input.press('End');
  await quiet(page, 3000);
  await probe(page, 'startFrames()');
  await probe(page, 'startKeyLatency()');
  await paced(TYPED.length, GESTURE_BUDGET_MS * 2, async (i) => {
    await page.keyboard.type(TYPED[i]!);
    await sleep(KEY_PACE_MS - FRAME_PACE_MS);
  });
  const latencies = await probe<number[]>(page, 'stopInputLatency()');
  await sleep(AFTER_TYPING_MS);
  const frames = await probe<FrameRecord>(page, 'stopFrames()');
  return { latencies, frames };
}

/** Measures the map at `url`; figures of steps that failed stay null and the failure is in `error`. */
export async function measureMap(
  browser: Browser,
  url: string,
  options: MeasureOptions,
  screenshots: ScreenshotPrefix = null,
  /** A file for a heap snapshot taken right after the heap is measured (opens in Chrome DevTools' Memory tab), or null. */
  heapSnapshot: string | null = null,
): Promise<{ figures: MapFigures; error: string | null; pageErrors: string[] }> {
  const figures = emptyFigures();
  const { context, page, errors } = await newMeasuredPage(browser, options, { kind: 'map' });
  const step = <T>(label: string, work: () => Promise<T>) => within(label, options.stepMs, work);
  const shoot = async (name: string) => {
    if (screenshots) await step(`screenshot ${name}`, () => page.screenshot({ path: `${screenshots}-${name}.png` }));
  };
  try {
    const start = Date.now();
    const painted = await step('open to painted', async () => {
      await page.goto(url, { waitUntil: 'commit' });
      return pollProbe<{ at: number; cards: number }>(page, 'painted()');
    });
    figures.open_to_painted_ms = round(painted.at - start);
    figures.cards_in_dom_at_paint = painted.cards;
    // Half the step's time: a page that never quietens (a busy machine) still goes on to be measured.
    const quietAt = await step('open to quiet', () => quiet(page, Math.min(options.stepMs / 2, 15_000)));
    figures.open_to_quiet_ms = quietAt === null ? null : quietAt - start;

    // The whole map (it opens fitted; Fit again in case it opened elsewhere).
    await step('overview', async () => {
      const fit = page.locator('.react-flow__controls-fitview');
      if (await fit.count()) {
        await fit.first().click();
        await quiet(page, 3000);
      }
    });
    await shoot('overview');
    figures.overview_zoom = round(await probe<number | null>(page, 'zoom()'), 3);
    const overviewMounted = await probe<{ cards: number; arrows: number }>(page, 'mountedCounts()');
    figures.overview_cards_mounted = overviewMounted.cards;
    figures.overview_arrows_mounted = overviewMounted.arrows;
    const overview = await step('overview pan and zoom', () => panAndZoom(page, 'in'));
    figures.overview_frame_p95_ms = round(percentile([...overview.pan, ...overview.zoom], 95));
    figures.overview_pan_frame_p95_ms = round(percentile(overview.pan, 95));
    figures.overview_zoom_frame_p95_ms = round(percentile(overview.zoom, 95));

    await step('zoom to working zoom', async () => {
      await zoomToWorking(page);
      await quiet(page, 3000);
    });
    await shoot('working');
    figures.working_zoom = round(await probe<number | null>(page, 'zoom()'), 3);
    const workingMounted = await probe<{ cards: number; arrows: number }>(page, 'mountedCounts()');
    figures.working_cards_mounted = workingMounted.cards;
    figures.working_arrows_mounted = workingMounted.arrows;
    const working = await step('working pan and zoom', () => panAndZoom(page, 'out'));
    figures.working_frame_p95_ms = round(percentile([...working.pan, ...working.zoom], 95));
    figures.working_pan_frame_p95_ms = round(percentile(working.pan, 95));
    figures.working_zoom_frame_p95_ms = round(percentile(working.zoom, 95));
    await step('quiet before the drag', () => quiet(page, 3000));

    const latencies = await step('drag a card', async () => {
      const grab = await probe<Point | null>(page, 'cardGrabPoint()');
      if (!grab) throw new Error('No stage card to grab at working zoom.');
      await page.mouse.move(grab.x, grab.y);
      await probe(page, 'startInputLatency()');
      await page.mouse.down();
      await paced(30, GESTURE_BUDGET_MS * 2, (i) => page.mouse.move(grab.x + (i + 1) * 6, grab.y + (i + 1) * 3));
      return probe<number[]>(page, 'stopInputLatency()');
    });
    figures.drag_input_to_paint_p95_ms = round(percentile(latencies, 95));
    figures.drag_moves_measured = latencies.length;

    const drop = await step('drop the card', async () => {
      await probe(page, `armDropWatch(${DROP_WINDOW_MS})`);
      await page.mouse.up();
      return pollProbe<FrameRecord>(page, 'dropResult()', 50);
    });
    figures.drop_longest_task_ms = round(max(drop.longTasks));
    figures.drop_longest_frame_ms = round(max([...drop.gaps, ...drop.longTasks]));

    figures.heap_mb = await step('heap', async () => {
      await quiet(page, 3000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      if (heapSnapshot) await saveHeapSnapshot(cdp, heapSnapshot);
      return round(usedSize / 1024 / 1024);
    });
    await shoot('dropped');

    const typeInto = options.typeInto ?? null;
    if (typeInto) {
      const typing = await step('type a stage name', () => typeIntoSelected(page, typeInto));
      figures.typing_input_to_paint_p95_ms = round(percentile(typing.latencies, 95));
      figures.typing_keys_measured = typing.latencies.length;
      figures.typing_longest_frame_ms = round(max([...typing.frames.gaps, ...typing.frames.longTasks]));
      await shoot('typed');
    }
    return { figures, error: null, pageErrors: errors };
  } catch (error) {
    return { figures, error: error instanceof Error ? error.message.split('\n')[0]! : String(error), pageErrors: errors };
  } finally {
    await context.close().catch(() => {});
  }
}
