// Unsaved edits found on opening a map: put back when they were made on the stored
// revision, only kept as a file when the map moved on or was agreed, and dropped
// when they are what is stored already.
import { describe, expect, it } from 'vitest';
import { assessRecovery } from '../../../src-renderer/store/recovery';
import type { JournalEntry } from '../../../src-renderer/store/unsaved-journal';
import { aMapVersion } from './saver-harness';

const stored = aMapVersion('version-1', { revision: 4 });
const edited = { ...stored.document, stages: stored.document.stages.map((s) => ({ ...s, name: 'Notice the need' })) };
const anEntry = (overrides: Partial<JournalEntry> = {}): JournalEntry => ({
  workshopId: 'workshop-1',
  versionId: 'version-1',
  versionName: 'Current state',
  baseRevision: 4,
  doc: edited,
  writtenAt: 1_700_000_000_000,
  ...overrides,
});

describe('assessRecovery', () => {
  it('offers to restore edits made on the revision that is still stored, saying what they change', () => {
    expect(assessRecovery(anEntry(), stored)).toEqual({ kind: 'restore', entry: anEntry(), changes: 'Changed stage “Notice the need”.' });
  });

  it('only offers a file when the map was saved since the edits were made', () => {
    expect(assessRecovery(anEntry({ baseRevision: 3 }), stored)).toMatchObject({ kind: 'diverged', why: 'saved-since' });
  });

  it('only offers a file when the version was agreed since', () => {
    const agreed = { ...stored, signOff: { agreedAt: '2026-11-22', agreedBy: ['Robin'] } } as never;
    expect(assessRecovery(anEntry(), agreed)).toMatchObject({ kind: 'diverged', why: 'agreed' });
  });

  it('has nothing to offer when there is no entry, or it is what is stored (in any key order)', () => {
    expect(assessRecovery(null, stored)).toEqual({ kind: 'nothing' });
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = reversed({ ...stored.document, stages: stored.document.stages.map(reversed) });
    expect(Object.keys(reordered)).not.toEqual(Object.keys(stored.document));
    expect(assessRecovery(anEntry({ doc: reordered }), stored)).toEqual({ kind: 'nothing' });
    expect(assessRecovery(anEntry({ doc: structuredClone(stored.document), baseRevision: 1 }), stored)).toEqual({ kind: 'nothing' });
  });

  it('never offers one map’s edits on another', () => {
    expect(assessRecovery(anEntry({ versionId: 'version-2' }), stored)).toEqual({ kind: 'nothing' });
    expect(assessRecovery(anEntry({ workshopId: 'workshop-2' }), stored)).toEqual({ kind: 'nothing' });
  });
});
