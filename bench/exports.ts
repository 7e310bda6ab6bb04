// Export timings for a 200-stage workshop with a full measurement plan, built through
// the API ('export.build', PNG at every scale): all formats asked at once as the export
// dialog asks (the first export, on workers the app has warmed up while the workshop
// was opened, and a repeat), then each
// format alone; meanwhile 'app.info' is asked every 20 ms to show whether the backend
// keeps answering (its worst answer is the figure that matters: the room sees it). CPU time (all threads of the process) is printed beside wall
// time: on a shared machine it is the steadier figure; the load average says how shared.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { EXPORT_FORMATS } from '../src-shared/api/contract';
import type { MapDocument } from '../src-shared/domain/map-document';
import { suggestMetrics } from '../src-shared/domain/metric-suggestions';
import { blankWorkshopMeta } from '../src-shared/domain/workshop';
import type { Backend } from '../src-main/backend';

async function value<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/**
 * Asks 'app.info' every `everyMs` until stopped; each answer's time from the moment it
 * was due (a blocked thread delays the timer too, and that delay is what a window feels).
 */
function probeAppInfo(backend: Backend, everyMs: number) {
  const latencies: number[] = [];
  let stopped = false;
  let due = performance.now() + everyMs;
  const tick = async (): Promise<void> => {
    if (stopped) return;
    await backend.dispatch('app.info', {});
    latencies.push(performance.now() - due);
    due = performance.now() + everyMs;
    setTimeout(() => void tick(), everyMs);
  };
  setTimeout(() => void tick(), everyMs);
  return {
    stop() {
      stopped = true;
      const sorted = [...latencies].sort((a, b) => a - b);
      const round = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;
      const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]);
      return { answers: sorted.length, median_ms: at(0.5), p95_ms: at(0.95), max_ms: round(sorted[sorted.length - 1]) };
    },
  };
}

type Built = { files: { data: string; encoding: string }[] };
const kbOf = (built: Built) => Math.round(built.files.reduce((n, f) => n + Buffer.byteLength(f.data, f.encoding === 'base64' ? 'base64' : 'utf8'), 0) / 1024);
const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/**
 * Every format asked for at once, as the export dialog asks: wall time until the last
 * file, each format's time until its own file, the process's CPU time, and app.info's
 * answers meanwhile.
 */
async function together(backend: Backend, versionId: string): Promise<Record<string, unknown>> {
  const probe = probeAppInfo(backend, 20);
  const start = performance.now();
  const cpu = cpuNow();
  const figures: Record<string, unknown> = {};
  await Promise.all(
    EXPORT_FORMATS.map(async (format) => {
      const built = await value<Built>(backend, 'export.build', { versionId, format, paper: 'A4' });
      figures[`${format}_done_ms`] = Math.round(performance.now() - start);
      figures[`${format}_kb`] = kbOf(built);
    }),
  );
  return {
    all_formats_ms: Math.round(performance.now() - start),
    all_formats_cpu_ms: Math.round(cpuNow() - cpu),
    app_info: probe.stop(),
    ...figures,
  };
}

/** Each format alone, one after the other: its own wall and CPU time (all threads), app.info meanwhile. */
async function oneByOne(backend: Backend, versionId: string): Promise<Record<string, unknown>> {
  const probe = probeAppInfo(backend, 20);
  const figures: Record<string, unknown> = {};
  let total = 0;
  for (const format of EXPORT_FORMATS) {
    const start = performance.now();
    const cpu = cpuNow();
    await value<Built>(backend, 'export.build', { versionId, format, paper: 'A4' });
    const ms = Math.round(performance.now() - start);
    figures[`${format}_ms`] = ms;
    figures[`${format}_cpu_ms`] = Math.round(cpuNow() - cpu);
    total += ms;
  }
  return { all_formats_ms: total, app_info: probe.stop(), ...figures };
}

export async function benchExports(backend: Backend, doc: MapDocument): Promise<Record<string, unknown>> {
  const workshop = await value<{ id: string; versions: { id: string }[] }>(backend, 'workshop.create', {
    meta: blankWorkshopMeta({ title: 'Export bench', organisation: 'Müller Łódź 東京', date: '2026-11-22' }),
    template: 'blank',
  });
  const versionId = workshop.versions[0]!.id;
  await value(backend, 'map.save', { versionId, revision: 1, document: doc });
  for (const s of suggestMetrics(doc, new Set()).slice(0, 60)) {
    await value(backend, 'metric.create', { versionId, fields: { ...s.fields, target: 10 } });
  }
  const load = () => Math.round(loadavg()[0]! * 10) / 10;
  const timings: Record<string, unknown> = { load_average_1min_before: load() };
  // As in the app, the pool's workers start and load their libraries and fonts once the
  // backend is quiet (the app does it EXPORT_WARM_UP_AFTER_MS after start, long before a
  // facilitator has opened a workshop and its export dialog): its time is off the export.
  // app.info meanwhile shows whether the warm-up (on low-priority workers) slows the API.
  const warmUpProbe = probeAppInfo(backend, 20);
  const warmUpStart = performance.now();
  await backend.warmUpExports();
  timings.warm_up = { ms: Math.round(performance.now() - warmUpStart), app_info: warmUpProbe.stop() };
  timings.first_export_all_formats_together = await together(backend, versionId);
  timings.repeat_export_all_formats_together = await together(backend, versionId);
  timings.each_format_alone = await oneByOne(backend, versionId);
  timings.load_average_1min_after = load();
  return timings;
}
