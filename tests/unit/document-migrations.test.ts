// Map documents are migrated forward on every read and import: current ones pass,
// old ones are stepped up in order, newer ones are refused with a reason.
import { describe, expect, it } from 'vitest';
import { migrateDocument, type DocumentMigration } from '../../src-shared/domain/document-migrations';
import { CURRENT_DOCUMENT_VERSION } from '../../src-shared/domain/map-document';
import { aChainMap } from '../fixtures/factories';

/** Test steps that record their name, so the order they ran in is visible in the result. */
function loggingStep(from: number, name: string): DocumentMigration {
  return {
    from,
    name,
    up: (doc) => ({ ...doc, log: [...((doc.log as string[] | undefined) ?? []), name] }),
  };
}

describe('document migrations', () => {
  it('pass a current document through unchanged and say nothing was migrated', () => {
    const { doc } = aChainMap(2, { filled: true });
    expect(migrateDocument(doc)).toEqual({ ok: true, doc, migrated: false });
  });

  it('refuse a document from a newer Leanmap and say which version it is', () => {
    const result = migrateDocument({ ...aChainMap(1).doc, schemaVersion: CURRENT_DOCUMENT_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'future-version', version: CURRENT_DOCUMENT_VERSION + 1 });
    expect(result.error.message).toContain('newer Leanmap');
    expect(result.error.message).toContain(`map format ${CURRENT_DOCUMENT_VERSION + 1}`);
  });

  it.each([
    ['null', null],
    ['a string', 'stages'],
    ['an array', []],
  ])('refuse %s as not a document', (_label, raw) => {
    expect(migrateDocument(raw)).toMatchObject({ ok: false, error: { kind: 'not-a-document' } });
  });

  it.each([
    ['missing', undefined],
    ['zero', 0],
    ['a fraction', 1.5],
    ['text', '1'],
  ])('refuse a document whose format version is %s', (_label, schemaVersion) => {
    expect(migrateDocument({ ...aChainMap(1).doc, schemaVersion })).toMatchObject({
      ok: false,
      error: { kind: 'not-a-document', message: 'The map has no valid format version.' },
    });
  });

  it('refuse a current-version document that breaks the schema', () => {
    const { doc } = aChainMap(1);
    const broken = { ...doc, transitions: [{ ...doc.transitions[0]!, target: 'nowhere' }] };
    expect(migrateDocument(broken)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('step an old document up through every named step in order', () => {
    const steps = [loggingStep(2, 'split notes'), loggingStep(1, 'add votes')];
    const result = migrateDocument({ schemaVersion: 1 }, steps, 3);
    expect(result).toEqual({ ok: true, migrated: true, doc: { schemaVersion: 3, log: ['add votes', 'split notes'] } });
  });

  it('start from the document own version, skipping steps it already had', () => {
    const steps = [loggingStep(1, 'add votes'), loggingStep(2, 'split notes')];
    expect(migrateDocument({ schemaVersion: 2 }, steps, 3)).toEqual({
      ok: true,
      migrated: true,
      doc: { schemaVersion: 3, log: ['split notes'] },
    });
  });

  it('report a missing step instead of skipping it', () => {
    const result = migrateDocument({ schemaVersion: 1 }, [loggingStep(1, 'add votes')], 3);
    expect(result).toEqual({ ok: false, error: { kind: 'invalid', message: 'No way to upgrade a map from format 2.' } });
  });
});
