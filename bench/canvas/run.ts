// `npm run bench:canvas`: the real Leanmap editor (built app, browser host) against
// a bare React Flow 12 page of the same map, default and with
// onlyRenderVisibleElements, in headless Chromium. Every measurement runs in a fresh
// browser; the subjects take turns in an order rotated from one size and run to the
// next; the figures are medians over the runs, printed as JSON with the ratios
// Leanmap / bare culled and the machine's load from other work during the run.
//
//   npm run bench:canvas -- --runs 3 --sizes 100,500,1000,2000 --step-ms 30000 --max-minutes 45
//   (--viewport 1600x1000, --subjects leanmap,bare,bare_culled, --raw adds every measurement,
//   --screenshots <folder> saves what each showed, --heap-snapshots <folder> saves Leanmap's
//   heap after the heap figure, to open in Chrome DevTools' Memory tab)
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { MapDocument } from '../../src-shared/domain/map-document';
import { bigMap } from '../big-map';
import { buildProbe } from './build-pages';
import { watchForeignLoad } from './cpu-load';
import { canvasSize, measureMap, timeToPainted, type MapFigures, type MeasureOptions } from './measure';
import { median, rotated, round } from './stats';
import { startBare, startLeanmap, type BareSubject, type LeanmapSubject } from './subjects';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const SUBJECTS = ['leanmap', 'bare', 'bare_culled'] as const;
type Subject = (typeof SUBJECTS)[number];
/** The figures compared as Leanmap / bare culled. */
const RATIO_FIGURES: (keyof MapFigures)[] = [
  'open_to_painted_ms',
  'open_to_quiet_ms',
  'working_frame_p95_ms',
  'overview_frame_p95_ms',
  'drag_input_to_paint_p95_ms',
  'drop_longest_frame_ms',
  'heap_mb',
];

interface Options {
  runs: number;
  sizes: number[];
  stepMs: number;
  maxMinutes: number;
  viewport: { width: number; height: number };
  raw: boolean;
  subjects: Subject[];
  /** A folder for PNGs of what each measurement showed, or null. */
  screenshots: string | null;
  /** A folder for heap snapshots of the editor, or null. */
  heapSnapshots: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    const arg = argv[i]!;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
  };
  const whole = (name: string, fallback: number, min: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}, not "${raw}".`);
    return n;
  };
  const sizes = (value('sizes') ?? '100,500,1000,2000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes must list whole numbers of stages, e.g. 100,500,1000.');
  const viewport = /^(\d+)x(\d+)$/.exec(value('viewport') ?? '1600x1000');
  if (!viewport) throw new Error('--viewport must look like 1600x1000.');
  return {
    runs: whole('runs', 3, 1),
    sizes,
    stepMs: whole('step-ms', 30_000, 1000),
    maxMinutes: whole('max-minutes', 45, 1),
    viewport: { width: Number(viewport[1]), height: Number(viewport[2]) },
    raw: argv.includes('--raw'),
    screenshots: value('screenshots') ?? null,
    heapSnapshots: value('heap-snapshots') ?? null,
    subjects: subjectsOption(value('subjects')),
  };
}

function subjectsOption(raw: string | undefined): Subject[] {
  if (raw === undefined) return [...SUBJECTS];
  const chosen = raw.split(',').map((s) => s.trim());
  const unknown = chosen.filter((s) => !(SUBJECTS as readonly string[]).includes(s));
  if (unknown.length || chosen.length === 0) throw new Error(`--subjects takes a list of ${SUBJECTS.join(', ')}; not "${unknown.join(', ')}".`);
  return chosen as Subject[];
}

/** Runs `work` in a browser of its own, closed afterwards however the work ended. */
async function inFreshBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  try {
    return await work(browser);
  } finally {
    // Playwright kills the browsers it launched when this process exits, should closing hang.
    await Promise.race([browser.close().catch(() => {}), new Promise((done) => setTimeout(done, 10_000))]);
  }
}

interface Measurement {
  size: number;
  run: number;
  subject: Subject;
  figures: MapFigures | null;
  cold_start_library_ms: number | null;
  error: string | null;
}

function summarise(measurements: Measurement[], sizes: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const size of sizes) {
    const bySubject: Record<string, Record<string, number | null>> = {};
    for (const subject of SUBJECTS) {
      const mine = measurements.filter((m) => m.size === size && m.subject === subject);
      const keys = Object.keys(mine.find((m) => m.figures)?.figures ?? {}) as (keyof MapFigures)[];
      const figures: Record<string, number | null> = {};
      if (subject === 'leanmap') figures.cold_start_library_ms = round(median(mine.map((m) => m.cold_start_library_ms)));
      for (const key of keys) figures[key] = round(median(mine.map((m) => m.figures?.[key] ?? null)), key.endsWith('zoom') ? 3 : 1);
      figures.runs_measured = mine.filter((m) => m.figures && m.error === null).length;
      bySubject[subject] = figures;
    }
    const ratios: Record<string, number | null> = {};
    for (const key of RATIO_FIGURES) {
      const lean = bySubject.leanmap?.[key] ?? null;
      const bare = bySubject.bare_culled?.[key] ?? null;
      ratios[key] = lean !== null && bare !== null && bare > 0 ? round(lean / bare, 2) : null;
    }
    out[String(size)] = { ...bySubject, ratio_leanmap_to_bare_culled: ratios };
  }
  return out;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const root = resolve(__dirname, '..', '..');
  if (!existsSync(join(root, 'out', 'main', 'server.js'))) throw new Error('The app is not built: run `npm run build` first (`npm run bench:canvas` does).');
  const deadline = Date.now() + options.maxMinutes * 60_000;
  const foreignLoad = watchForeignLoad();
  const work = mkdtempSync(join(tmpdir(), 'leanmap-bench-canvas-'));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = () => void stopAll().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const measurements: Measurement[] = [];
  const errors: string[] = [];
  try {
    mkdirSync(join(work, 'data'));
    if (options.screenshots) mkdirSync(options.screenshots, { recursive: true });
    if (options.heapSnapshots) mkdirSync(options.heapSnapshots, { recursive: true });
    const maps = new Map<number, MapDocument>(options.sizes.map((n) => [n, bigMap(n)]));
    const probe = await buildProbe(join(work, 'vite-cache'));
    const measure: MeasureOptions = { viewport: options.viewport, probe, stepMs: options.stepMs };
    const bare: BareSubject = await startBare(join(work, 'bare'), maps);
    stops.push(() => bare.stop());
    const leanmap: LeanmapSubject = await startLeanmap(join(work, 'data'), maps, options.runs, bigMap(12));
    stops.push(() => leanmap.stop());
    // The bare page gets the editor's canvas size, so both show the same part of the map.
    const canvas = await inFreshBrowser((browser) => canvasSize(browser, leanmap.calibrationUrl, measure));
    const chromiumVersion = await inFreshBrowser(async (browser) => browser.version());

    for (let run = 0; run < options.runs; run++) {
      for (const [s, size] of options.sizes.entries()) {
        // One further on for every size and run: no subject always goes first (on a cold disk cache or a busy machine).
        for (const subject of rotated(options.subjects, run + s)) {
          const measurement: Measurement = { size, run: run + 1, subject, figures: null, cold_start_library_ms: null, error: null };
          measurements.push(measurement);
          if (Date.now() > deadline) {
            measurement.error = `skipped: past --max-minutes ${options.maxMinutes}`;
            continue;
          }
          process.stderr.write(`canvas bench: run ${run + 1}/${options.runs}, ${size} stages, ${subject}…\n`);
          try {
            if (subject === 'leanmap') {
              measurement.cold_start_library_ms = await inFreshBrowser((browser) =>
                timeToPainted(browser, leanmap.libraryUrl, { kind: 'selector', selector: '[data-testid="workshop-row"]' }, measure),
              ).then(round, (error: Error) => {
                errors.push(`run ${run + 1}, library cold start: ${error.message}`);
                return null;
              });
            }
            const url = subject === 'leanmap' ? leanmap.mapUrl(size, run) : bare.url(size, subject === 'bare_culled', canvas);
            const shots = options.screenshots && join(resolve(options.screenshots), `${size}-${subject}-run${run + 1}`);
            const heap = options.heapSnapshots && subject === 'leanmap' ? join(resolve(options.heapSnapshots), `${size}-leanmap-run${run + 1}.heapsnapshot`) : null;
            // Typing is measured in the editor's inspector; the bare page has none.
            const typeInto = subject === 'leanmap' ? '[data-testid="stage-name"]' : null;
            const result = await inFreshBrowser((browser) => measureMap(browser, url, { ...measure, typeInto }, shots, heap));
            measurement.figures = result.figures;
            measurement.error = result.error;
            if (result.error) errors.push(`run ${run + 1}, ${size} stages, ${subject}: ${result.error}`);
            for (const e of result.pageErrors.slice(0, 3)) errors.push(`run ${run + 1}, ${size} stages, ${subject}, page error: ${e}`);
          } catch (error) {
            measurement.error = error instanceof Error ? error.message.split('\n')[0]! : String(error);
            errors.push(`run ${run + 1}, ${size} stages, ${subject}: ${measurement.error}`);
          }
        }
      }
    }
    await stopAll();
    const report = {
      benchmark: 'canvas',
      note: 'medians over runs; milliseconds unless named otherwise; compare ratios within one run. Each measurement in a fresh headless Chromium.',
      chromium: chromiumVersion,
      viewport: options.viewport,
      canvas_px: { width: Math.round(canvas.width), height: Math.round(canvas.height) },
      runs: options.runs,
      sizes: options.sizes,
      order: measurements.map((m) => `${m.run}:${m.size}:${m.subject}`),
      results: summarise(measurements, options.sizes),
      foreign_load: foreignLoad(),
      errors,
      ...(options.raw ? { measurements } : {}),
    };
    console.log(JSON.stringify(report, null, 2));
    return measurements.some((m) => m.error !== null) ? 1 : 0;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
