// Exports imported files in every format through the real browser host, in its own
// process: an export that hangs is cut off at its time bound (and the host killed
// and restarted) instead of hanging the test run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, type WorkshopDetail, type WorkshopSummary } from '../../../src-shared/api/contract';
import { apiClient, type ApiClient } from '../crash/api-client';
import { startHost, type HostProcess } from '../crash/host-process';

export const EXPORT_TIME_BOUND_MS = 20_000;
/** The formats written as text by the pure writers: quick enough to build for many files. */
export const TEXT_FORMATS: readonly ExportFormat[] = ['html', 'md', 'csv', 'svg'];

export type ExportVerdict = { kind: 'refused'; code: string; message: string } | { kind: 'exported'; files: number } | { kind: 'broken'; problem: string };

export class HostExporter {
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'leanmap-fuzz-host-'));
  private host: HostProcess | null = null;
  private api: ApiClient | null = null;

  private async client(boundMs: number): Promise<ApiClient> {
    if (this.api && this.host?.child.exitCode === null && this.host.child.signalCode === null) return this.api;
    this.host = startHost(this.dataDir);
    this.api = apiClient(await this.host.ready, this.host.token, boundMs);
    return this.api;
  }

  /** Imports the text; if accepted, builds the formats (all unless told) of every version, and the file again. */
  async importAndExport(text: string, boundMs = EXPORT_TIME_BOUND_MS, formats: readonly ExportFormat[] = EXPORT_FORMATS): Promise<ExportVerdict> {
    const api = await this.client(boundMs);
    const imported = await api.call('workshop.importFile', { text });
    if (imported.kind === 'refused') return { kind: 'refused', code: imported.code, message: imported.message };
    if (imported.kind === 'lost') return this.broken(`the host did not answer the import: ${imported.reason}`);
    const id = (imported.value as WorkshopSummary).id;
    const detail = await api.call('workshop.get', { id });
    if (detail.kind !== 'ok') return this.broken('the imported workshop does not open');
    let files = 0;
    for (const version of (detail.value as WorkshopDetail).versions) {
      for (const format of formats) {
        const started = Date.now();
        const built = await api.call('export.build', { versionId: version.id, format });
        if (built.kind === 'lost') return this.broken(`${format} of "${version.name}" got no answer within ${boundMs} ms (${built.reason})`);
        if (built.kind === 'refused') return this.broken(`${format} of "${version.name}" failed: ${built.code} ${built.message}`);
        if (Date.now() - started > boundMs) return this.broken(`${format} of "${version.name}" took ${Date.now() - started} ms`);
        files += (built.value as { files: unknown[] }).files.length;
      }
    }
    const file = await api.call('workshop.exportFile', { id });
    if (file.kind !== 'ok') return this.broken('the workshop file does not export');
    await api.call('workshop.trash', { id });
    await api.call('workshop.purge', { id });
    return { kind: 'exported', files: files + 1 };
  }

  private async broken(problem: string): Promise<ExportVerdict> {
    await this.host?.kill(); // it may be spinning; the next case gets a fresh one
    return { kind: 'broken', problem };
  }

  async close(): Promise<void> {
    await this.host?.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
