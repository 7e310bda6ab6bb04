// What opening a map in the editor asks for before the canvas can draw: the
// workshop, the chosen version's map and the local journal's unsaved edits of it.
// When the version to open is known (the address names it), the three are asked for
// at once instead of one after the other: the map read of a 1,000-stage version is
// most of the wait, and the workshop and journal answers arrive while it is read.
import type { MapVersion, WorkshopDetail } from '../../../src-shared/api/contract';
import type { ApiClient } from '../../api/client';
import type { JournalEntry, UnsavedJournal } from '../../store/unsaved-journal';

export const JOURNAL_READ_TIMEOUT_MS = 2000;

export type OpenedMap =
  | { ok: true; workshop: WorkshopDetail; version: MapVersion; journalEntry: Promise<JournalEntry | null> }
  | { ok: false; message: string };

/** The journal's entry for a version; null if there is none or the browser's storage does not answer in time. */
export function readJournal(journal: UnsavedJournal, workshopId: string, versionId: string): Promise<JournalEntry | null> {
  // The journal is a safety net: if the browser's storage does not answer, open the map anyway.
  const gaveUp = new Promise<null>((resolve) => setTimeout(() => resolve(null), JOURNAL_READ_TIMEOUT_MS));
  return Promise.race([journal.read(workshopId, versionId).catch(() => null), gaveUp]);
}

/** The version a window opens: the one asked for, or the workshop's first when it has no such version. */
export function versionToOpen<V extends { id: string }>(workshop: { versions: readonly V[] }, versionId: string | null): V | undefined {
  return workshop.versions.find((v) => v.id === versionId) ?? workshop.versions[0];
}

/**
 * Reads the workshop and the map to open: the version asked for, or the workshop's
 * first when it has no such version. Pending saves of the map on screen are flushed
 * first, so the map read is never older than what was just edited.
 */
export async function openMap(
  deps: { api: ApiClient; saver: { flush(): Promise<unknown> }; journal: UnsavedJournal },
  workshopId: string,
  versionId: string | null,
): Promise<OpenedMap> {
  const { api, saver, journal } = deps;
  await saver.flush();
  // Started before the workshop answers; used only if the workshop has that version.
  const early = versionId
    ? { map: api.call('map.get', { versionId }), journalEntry: readJournal(journal, workshopId, versionId) }
    : null;
  const workshop = await api.call('workshop.get', { id: workshopId });
  if (!workshop.ok) return { ok: false, message: workshop.error.message };
  const chosen = versionToOpen(workshop.value, versionId);
  if (!chosen) return { ok: false, message: 'This workshop has no map.' };
  const asked = early && chosen.id === versionId ? early : null;
  const journalEntry = asked?.journalEntry ?? readJournal(journal, workshopId, chosen.id);
  const version = await (asked?.map ?? api.call('map.get', { versionId: chosen.id }));
  if (!version.ok) return { ok: false, message: version.error.message };
  return { ok: true, workshop: workshop.value, version: version.value, journalEntry };
}
