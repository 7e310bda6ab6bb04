// Unsaved edits found in the local journal when a map is opened: whether they can be
// put back on the stored map as they were (nobody saved it since), or only kept as a
// file (the stored map moved on, or the version is agreed), and what they contain.
import type { MapVersion } from '../../src-shared/api/contract';
import { describeMapChanges, sameValue } from '../../src-shared/domain/map-changes';
import type { JournalEntry } from './unsaved-journal';

export type Recovery =
  | { kind: 'nothing' }
  /** The entry was made on the stored revision: restoring it loses nothing. */
  | { kind: 'restore'; entry: JournalEntry; changes: string }
  /** The stored map was saved since (another window) or is agreed: keep as a file or discard. */
  | { kind: 'diverged'; entry: JournalEntry; changes: string; why: 'saved-since' | 'agreed' };

export function assessRecovery(entry: JournalEntry | null, version: MapVersion): Recovery {
  if (!entry || entry.versionId !== version.id || entry.workshopId !== version.workshopId) return { kind: 'nothing' };
  // Already stored (the save arrived, only the clean-up did not): nothing to recover.
  if (sameValue(entry.doc, version.document)) return { kind: 'nothing' };
  const changes = describeMapChanges(version.document, entry.doc);
  if (version.signOff !== null) return { kind: 'diverged', entry, changes, why: 'agreed' };
  if (entry.baseRevision !== version.revision) return { kind: 'diverged', entry, changes, why: 'saved-since' };
  return { kind: 'restore', entry, changes };
}
