// `npm run export`: the same export files as the app's Export…, without the UI,
// for a leader's automation. Finds the workshop by id or title in the data folder.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkshopSummary } from '../../src-shared/api/contract';
import { createBackend, type Backend } from '../backend';
import { resolveDataDir } from '../data-dir';
import { DatabaseError } from '../db/database-error';
import { writeExportFiles, type ExportFile } from '../export/export-files';
import { parseExportArgs, type ExportRequest } from './export-args';

class CliError extends Error {}

async function value<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as T;
}

async function findWorkshop(backend: Backend, wanted: string): Promise<WorkshopSummary> {
  const all = await value<WorkshopSummary[]>(backend, 'workshop.list', { query: '' });
  const byId = all.find((w) => w.id === wanted);
  if (byId) return byId;
  const byTitle = all.filter((w) => w.title.toLowerCase() === wanted.trim().toLowerCase());
  if (byTitle.length === 1) return byTitle[0]!;
  if (byTitle.length > 1) {
    throw new CliError(`${byTitle.length} workshops are called "${wanted}". Use the id of one:\n${byTitle.map((w) => `  ${w.id}  ${w.title} (${w.organisation || 'no organisation'}, ${w.date || 'no date'})`).join('\n')}`);
  }
  throw new CliError(`No workshop with the id or title "${wanted}". Workshops here:\n${all.map((w) => `  ${w.id}  ${w.title}`).join('\n') || '  (none)'}`);
}

async function run(request: ExportRequest): Promise<string[]> {
  const dataDir = request.dataDir ? resolve(request.dataDir) : resolveDataDir([], process.env);
  const backend = await createBackend({ dataDir, log: () => {} });
  try {
    const summary = await findWorkshop(backend, request.workshop);
    const detail = await value<{ versions: { id: string; name: string }[] }>(backend, 'workshop.get', { id: summary.id });
    const version = request.version ? detail.versions.find((v) => v.name.toLowerCase() === request.version!.toLowerCase()) : detail.versions[0];
    if (!version) throw new CliError(`"${summary.title}" has no map version called "${request.version}". It has: ${detail.versions.map((v) => v.name).join(', ')}.`);
    const reportFormats = request.formats.filter((f) => f !== 'json');
    const files: ExportFile[] = await backend.exports.files(version.id, reportFormats, request.paper);
    if (request.formats.includes('json')) {
      const file = await value<{ fileName: string; text: string }>(backend, 'workshop.exportFile', { id: summary.id });
      files.push({ name: file.fileName, mime: 'application/json', data: Buffer.from(file.text, 'utf8') });
    }
    const out = resolve(request.out);
    mkdirSync(out, { recursive: true });
    return await writeExportFiles(files, out);
  } finally {
    backend.close();
  }
}

async function main(): Promise<void> {
  const parsed = parseExportArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  try {
    const written = await run(parsed.request);
    for (const path of written) console.log(`Wrote ${path}`);
  } catch (error) {
    const known = error instanceof CliError || error instanceof DatabaseError || (error as { name?: string }).name === 'DomainError';
    console.error(known ? `Leanmap export failed: ${(error as Error).message}` : error);
    process.exit(1);
  }
}

void main();
