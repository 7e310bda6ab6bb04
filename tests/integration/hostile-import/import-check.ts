// What every import must do, whatever the file: refuse with a known code and a
// message and write nothing, or import a workshop that lists, opens (each version's
// map and plan) and exports back to a file that imports again — and never touch
// Object.prototype.
import type { Backend } from '../../../src-main/backend';
import type { WorkshopDetail, WorkshopSummary } from '../../../src-shared/api/contract';

export const IMPORT_REFUSALS = ['IMPORT_INVALID', 'IMPORT_TOO_LARGE', 'IMPORT_FUTURE_VERSION'];
export const IMPORT_TIME_BOUND_MS = 5_000;

export type ImportVerdict =
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'accepted'; id: string }
  /** A broken promise: what went wrong, in words for the failing test. */
  | { kind: 'broken'; problem: string };

/** Counts of every table and the connection's total changes: equal before and after means nothing was written. */
export function rowSnapshot(backend: Backend): string {
  const tables = ['workshops', 'map_versions', 'metrics', 'metric_readings'];
  const counts = tables.map((t) => `${t}=${(backend.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`);
  const changes = (backend.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${counts.join(' ')} changes=${changes}`;
}

export function prototypeSnapshot(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(',');
  return [names(Object.prototype), names(Array.prototype), names(Function.prototype), String(({} as { polluted?: unknown }).polluted)].join('|');
}

export async function importAndCheck(backend: Backend, text: string): Promise<ImportVerdict> {
  const rowsBefore = rowSnapshot(backend);
  const protoBefore = prototypeSnapshot();
  const started = Date.now();
  const result = await backend.dispatch('workshop.importFile', { text });
  const took = Date.now() - started;
  if (prototypeSnapshot() !== protoBefore) return { kind: 'broken', problem: 'Object.prototype (or Array/Function) changed' };
  if (took > IMPORT_TIME_BOUND_MS) return { kind: 'broken', problem: `the import took ${took} ms` };
  if (!result.ok) {
    const { code, message } = result.error;
    if (!IMPORT_REFUSALS.includes(code)) return { kind: 'broken', problem: `refused with ${code}: ${message}` };
    if (message.trim().length < 20) return { kind: 'broken', problem: `refused without a real message: "${message}"` };
    const rowsAfter = rowSnapshot(backend);
    if (rowsAfter !== rowsBefore) return { kind: 'broken', problem: `a refused import changed rows (${rowsBefore} → ${rowsAfter})` };
    return { kind: 'refused', code, message };
  }
  const id = (result.value as WorkshopSummary).id;
  const problem = await opensAndRoundTrips(backend, id);
  return problem ? { kind: 'broken', problem } : { kind: 'accepted', id };
}

async function opensAndRoundTrips(backend: Backend, id: string): Promise<string | null> {
  const listed = await backend.dispatch('workshop.list', {});
  if (!listed.ok || !(listed.value as WorkshopSummary[]).some((w) => w.id === id)) return 'the imported workshop is not listed';
  const got = await backend.dispatch('workshop.get', { id });
  if (!got.ok) return `the imported workshop does not open: ${got.error.code} ${got.error.message}`;
  for (const v of (got.value as WorkshopDetail).versions) {
    const map = await backend.dispatch('map.get', { versionId: v.id });
    if (!map.ok) return `map "${v.name}" does not open: ${map.error.code} ${map.error.message}`;
    const plan = await backend.dispatch('metric.list', { versionId: v.id });
    if (!plan.ok) return `the plan of "${v.name}" does not open: ${plan.error.code} ${plan.error.message}`;
  }
  const exported = await backend.dispatch('workshop.exportFile', { id });
  if (!exported.ok) return `it does not export as a file: ${exported.error.code} ${exported.error.message}`;
  const again = await backend.dispatch('workshop.importFile', { text: (exported.value as { text: string }).text });
  if (!again.ok) return `its own export does not import: ${again.error.code} ${again.error.message}`;
  await removeWorkshop(backend, (again.value as WorkshopSummary).id);
  return null;
}

/** Keeps the database small between cases, so case 2,000 costs what case 1 did. */
export async function removeWorkshop(backend: Backend, id: string): Promise<void> {
  await backend.dispatch('workshop.trash', { id });
  await backend.dispatch('workshop.purge', { id });
}
