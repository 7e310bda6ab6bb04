// Workshop files written by earlier Leanmap versions still import.
import { describe, expect, it } from 'vitest';
import { CURRENT_ENVELOPE_VERSION, parseWorkshopFile } from '../../src-shared/domain/export-envelope';
import { aChainMap, aFileVersion, aMetric, aReading, aWorkshopFile, aWorkshopMeta, anEnvelope } from '../fixtures/factories';

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

describe('a workshop file of format 2 (one measurement plan for the workshop)', () => {
  it('imports with that plan in every version, as format 2 showed it', () => {
    const metric = aMetric({ name: 'Win rate', readings: [aReading('2026-10-31', 21, 'October')] });
    const text = JSON.stringify({
      format: 'leanmap.workshop',
      formatVersion: 2,
      exportedAt: '2026-11-01T10:00:00.000Z',
      app: { name: 'Leanmap', version: '0.2.0' },
      workshop: {
        meta: aWorkshopMeta({ title: 'Format 2' }),
        versions: [
          { name: 'Current state', signOff: { agreedAt: '2026-10-01', agreedBy: ['Sam'] }, document: aChainMap(2).doc },
          { name: 'Future state', signOff: null, document: aChainMap(3).doc },
        ],
        metrics: [metric],
      },
    });
    const result = parseWorkshopFile(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.file.versions.map((v) => v.metrics)).toEqual([[metric], [metric]]);
    expect(result.file.versions.map((v) => v.agreementHistory)).toEqual([[], []]);
  });
});

describe('a workshop file of format 3 (a plan per version)', () => {
  it('gives back each version’s own plan and its withdrawn agreements', () => {
    const withdrawn = { agreedAt: '2026-10-01', agreedBy: ['Sam'], withdrawnAt: '2026-10-02T08:00:00.000Z', reason: 'Wrong version' };
    const file = aWorkshopFile({
      versions: [
        aFileVersion({ name: 'Current state', metrics: [aMetric({ name: 'Win rate' })], agreementHistory: [withdrawn] }),
        aFileVersion({ name: 'Future state', metrics: [aMetric({ name: 'Days to decide', unit: 'days' })] }),
      ],
    });
    const envelope = anEnvelope(file);
    expect(envelope.formatVersion).toBe(CURRENT_ENVELOPE_VERSION);
    expect('metrics' in envelope.workshop).toBe(false);
    expect(parseWorkshopFile(JSON.stringify(envelope))).toEqual({ ok: true, file });
  });
});

describe('a workshop file of format 3 (before improvements)', () => {
  it('imports with no improvements', () => {
    const envelope = { ...anEnvelope(aWorkshopFile({ versions: [aFileVersion()] })), formatVersion: 3 };
    delete (envelope.workshop as { improvements?: unknown }).improvements;
    const result = parseWorkshopFile(JSON.stringify(envelope));
    expect(result.ok && result.file.improvements).toEqual([]);
  });
});
