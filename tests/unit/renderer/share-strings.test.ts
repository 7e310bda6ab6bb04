// Sharing the strings of the analysis copied from the worker: the copy reads exactly
// as before, shared objects stay shared, and a value is walked once however often it
// is held (a cycle too).
import { describe, expect, it } from 'vitest';
import { analyseChain, analysisInputs } from '../../../src-shared/domain/analytics';
import { mapIds, shareStrings } from '../../../src-renderer/store/share-strings';
import { bigMap } from '../../../bench/big-map';

describe('shareStrings', () => {
  it('leaves an analysis copied from a worker reading exactly as the computed one', () => {
    const inputs = analysisInputs(bigMap(40));
    const chain = analyseChain(inputs);
    const copy = structuredClone(chain);
    expect(shareStrings(copy, mapIds(inputs))).toBe(copy);
    expect(copy).toEqual(chain);
  });

  it('keeps shared objects shared and walks each once, cycles included', () => {
    const shared = { kind: 'conversion', ids: ['a', 'b'] };
    const value: Record<string, unknown> = { first: shared, second: shared, list: [shared, 'conversion', 7, null] };
    value.self = value;
    shareStrings(value, ['a']);
    expect(value.first).toBe(value.second);
    expect(value.self).toBe(value);
    expect(value.list).toEqual([shared, 'conversion', 7, null]);
    expect(shared).toEqual({ kind: 'conversion', ids: ['a', 'b'] });
  });

  it('takes plain values and nothing as they are', () => {
    expect(shareStrings('text')).toBe('text');
    expect(shareStrings(null)).toBeNull();
    expect(shareStrings(3)).toBe(3);
  });

  it('lists a map’s stage, outcome and transition ids', () => {
    const doc = bigMap(2);
    expect(mapIds(doc)).toEqual([...doc.stages.map((s) => s.id), ...doc.outcomes.map((o) => o.id), ...doc.transitions.map((t) => t.id)]);
  });
});
