// Which two versions Compare offers first, and how it describes their relation.
import { describe, expect, it } from 'vitest';
import type { MapVersionSummary } from '../../../src-shared/api/contract';
import { defaultPair, relationOf } from '../../../src-renderer/features/compare/use-comparison';

const version = (id: string, sourceVersionId: string | null = null): MapVersionSummary => ({
  id,
  name: id,
  revision: 1,
  signOff: null,
  agreementHistory: [],
  updatedAt: '2026-11-30T00:00:00.000Z',
  sourceVersionId,
});

describe('the pair Compare offers first', () => {
  it('is the open version against the version it was copied from', () => {
    const versions = [version('current'), version('future', 'current'), version('pilot', 'current')];
    expect(defaultPair(versions, 'pilot')).toEqual({ olderId: 'current', newerId: 'pilot' });
  });

  it('is the version before it when no source was recorded, and the next one for the first version', () => {
    const versions = [version('current'), version('future'), version('later')];
    expect(defaultPair(versions, 'later')).toEqual({ olderId: 'future', newerId: 'later' });
    expect(defaultPair(versions, 'current')).toEqual({ olderId: 'future', newerId: 'current' });
  });

  it('is nothing for a workshop with one version', () => {
    expect(defaultPair([version('only')], 'only')).toEqual({ olderId: null, newerId: 'only' });
  });
});

describe('how two versions relate', () => {
  const versions = [version('current'), version('future', 'current'), version('old-copy')];
  it('knows the recorded source, another version, and a copy made before sources were recorded', () => {
    expect(relationOf(versions, 'current', 'future')).toBe('source');
    expect(relationOf(versions, 'future', 'current')).toBe('other');
    expect(relationOf(versions, 'current', 'old-copy')).toBe('unknown');
  });
});
