// Export timings for a 200-stage workshop with a full measurement plan: each
// format built once from the stored workshop, as the app and the CLI do.
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

export async function benchExports(backend: Backend, doc: MapDocument): Promise<Record<string, number>> {
  const workshop = await value<{ id: string; versions: { id: string }[] }>(backend, 'workshop.create', {
    meta: blankWorkshopMeta({ title: 'Export bench', organisation: 'Müller Łódź 東京', date: '2026-11-22' }),
    template: 'blank',
  });
  const versionId = workshop.versions[0]!.id;
  await value(backend, 'map.save', { versionId, revision: 1, document: doc });
  for (const s of suggestMetrics(doc, new Set()).slice(0, 60)) {
    await value(backend, 'metric.create', { versionId, fields: { ...s.fields, target: 10 } });
  }
  const timings: Record<string, number> = {};
  let total = 0;
  for (const format of EXPORT_FORMATS) {
    const start = performance.now();
    const files = await backend.exports.files(versionId, [format], 'A4');
    const ms = Math.round(performance.now() - start);
    timings[`${format}_ms`] = ms;
    timings[`${format}_kb`] = Math.round(files.reduce((n, f) => n + f.data.length, 0) / 1024);
    total += ms;
  }
  timings.all_formats_ms = total;
  return timings;
}
