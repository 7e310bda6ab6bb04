// Moving a workshop in and out as a .leanmap.json file, shared by the library and the editor.
import { MAX_IMPORT_BYTES } from '../../../src-shared/domain/export-envelope';
import type { WorkshopSummary } from '../../../src-shared/api/contract';
import type { ApiClient } from '../../api/client';
import type { EditorSession } from '../../session/editor-session';

export type ImportResult = { ok: true; workshop: WorkshopSummary } | { ok: false; message: string };

export async function importWorkshopFile(api: ApiClient, file: File): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; Leanmap imports workshop files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `Leanmap could not read "${file.name}". Nothing was imported.` };
  }
  const result = await api.call('workshop.importFile', { text });
  return result.ok ? { ok: true, workshop: result.value } : { ok: false, message: `"${file.name}": ${result.error.message}` };
}

export async function exportWorkshopFile({ api, host }: Pick<EditorSession, 'api' | 'host'>, id: string): Promise<{ ok: true; where: string } | { ok: false; message: string } | null> {
  const result = await api.call('workshop.exportFile', { id });
  if (!result.ok) return { ok: false, message: result.error.message };
  const saved = await host.saveTextFile(result.value.fileName, result.value.text, 'application/json');
  return saved.saved ? { ok: true, where: saved.where } : null;
}
