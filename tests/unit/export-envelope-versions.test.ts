// Workshop files written by earlier Leanmap versions still import.
import { describe, expect, it } from 'vitest';
import { parseWorkshopFile } from '../../src-shared/domain/export-envelope';
import { aWorkshopMeta } from '../fixtures/factories';

describe('a workshop file of format 1 (before the measurement plan)', () => {
  it('imports with an empty measurement plan and its format-1 map upgraded', () => {
    const text = JSON.stringify({
      format: 'leanmap.workshop',
      formatVersion: 1,
      exportedAt: '2026-11-01T10:00:00.000Z',
      app: { name: 'Leanmap', version: '0.1.0' },
      workshop: {
        meta: aWorkshopMeta({ title: 'Old file' }),
        versions: [{ name: 'Current state', signOff: null, document: { schemaVersion: 1, stages: [], outcomes: [], transitions: [] } }],
      },
    });
    const result = parseWorkshopFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.versions[0]!.metrics).toEqual([]);
    expect(result.file.versions[0]!.document.schemaVersion).toBe(2);
    expect(result.file.meta.title).toBe('Old file');
  });
});
