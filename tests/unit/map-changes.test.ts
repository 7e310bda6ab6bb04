// What a recovered edit contains, said plainly: the stages by name, the rest by count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMapChanges, sameValue } from '../../src-shared/domain/map-changes';
import { aChainMap, aStage, aTransition } from '../fixtures/factories';

describe('describeMapChanges', () => {
  const { doc, stages, won } = aChainMap(3);

  it('says nothing for the same map', () => {
    expect(describeMapChanges(doc, structuredClone(doc))).toBe('');
  });

  it('names a renamed or edited stage by its new name', () => {
    const after = { ...doc, stages: doc.stages.map((s, i) => (i === 1 ? { ...s, name: 'Compare suppliers' } : s)) };
    expect(describeMapChanges(doc, after)).toBe('Changed stage “Compare suppliers”.');
  });

  it('lists added and removed stages and counts transitions and figures', () => {
    const added = aStage({ name: 'Negotiate' });
    const after = {
      ...doc,
      stages: [...doc.stages.filter((s) => s.id !== stages[0]!.id), added],
      transitions: [...doc.transitions.slice(1), aTransition(added, won), aTransition(stages[2]!, added)],
      process: { ...doc.process, leadsPerQuarter: 120 },
    };
    expect(describeMapChanges(doc, after)).toBe(
      'Added stage “Negotiate”; removed stage “Stage 1”; added 2 transitions; removed 1 transition; changed the figures.',
    );
  });

  it('calls an unnamed stage unnamed, and several stages by their names', () => {
    const after = { ...doc, stages: doc.stages.map((s) => ({ ...s, name: s.id === stages[0]!.id ? ' ' : `${s.name}!` })) };
    expect(describeMapChanges(doc, after)).toBe('Changed stages “unnamed”, “Stage 2!”, “Stage 3!”.');
  });

  it('notices a change that moves nothing but the order of stages', () => {
    const after = { ...doc, stages: [...doc.stages].reverse() };
    expect(describeMapChanges(doc, after)).toBe('Changed the order of the map’s parts.');
  });
});

describe('sameValue', () => {
  it('ignores the order of object keys but not of arrays', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2, d: null }] }, { b: [1, { d: null, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue({ a: 1 }, [1])).toBe(false);
  });

  it('agrees with comparing JSON texts written with sorted keys', () => {
    const canonical = (v: unknown): string =>
      JSON.stringify(v, (_k, x: unknown) =>
        x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
      );
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameValue(a, b)).toBe(canonical(a) === canonical(b));
        expect(sameValue(a, structuredClone(a))).toBe(true);
      }),
    );
  });
});
