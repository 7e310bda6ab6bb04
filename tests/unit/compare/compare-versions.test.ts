// Current state against future state: what changed (matched by id), the figures side
// by side, and what each change is worth alone, with a remainder so the parts add up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, createComparisonCache, diffMaps } from '../../../src-shared/domain/compare';
import { defaultProcessInputs, type MapDocument } from '../../../src-shared/domain/map-document';
import { anAbsorbingMap } from '../../fixtures/arbitrary-maps';
import { aCustomerAction, aMapDocument, aProcessCast, aRatedTransition as rated } from '../../fixtures/factories';

/** Current state: A →0.95→ B →0.5→ C →0.4→ Won; A →0.05→ Lost, B →0.5→ No decision, C → Lost rest. 100 a month. */
function currentState() {
  const { stages, won, lost, noDecision } = aProcessCast(['Recognise the problem', 'Compare options', 'Decide']);
  const [a, b, c] = stages as [(typeof stages)[0], (typeof stages)[0], (typeof stages)[0]];
  const withAction = { ...b, actions: [aCustomerAction('Asks peers')] };
  const t = {
    aToB: rated(a, b, 0.95),
    aToLost: rated(a, lost, 0.05),
    bToC: rated(b, c, 0.5),
    bToNoDecision: rated(b, noDecision, 0.5),
    cToWon: rated(c, won, 0.4),
    cToLost: rated(c, lost, null),
  };
  const doc = aMapDocument({
    stages: [a, withAction, c],
    outcomes: [won, lost, noDecision],
    transitions: Object.values(t),
    process: { ...defaultProcessInputs(), entriesPerPeriod: 100, averageDealSize: 10_000 },
  });
  return { doc, a, b: withAction, c, t, won, lost };
}

const edit = (doc: MapDocument, f: (d: MapDocument) => MapDocument) => f(structuredClone(doc));

describe('structural changes', () => {
  it('reports a renamed stage with old → new text, a removed action and a rate change', () => {
    const { doc, b, t } = currentState();
    const future = edit(doc, (d) => ({
      ...d,
      stages: d.stages.map((s) => (s.id === b.id ? { ...s, name: 'Compare suppliers', actions: [] } : s)),
      transitions: d.transitions.map((x) => (x.id === t.bToC.id ? { ...x, conversionRate: 0.7 } : x)),
    }));
    const changes = diffMaps(doc, future);
    expect(changes.map((c) => c.kind)).toEqual(['stage-changed', 'action-removed', 'transition-changed']);
    expect(changes[0]).toMatchObject({ fields: [{ label: 'Name', before: 'Compare options', after: 'Compare suppliers' }] });
    expect(changes[1]).toMatchObject({ stageId: b.id, text: 'Asks peers' });
    expect(changes[2]).toMatchObject({ stageId: b.id, fields: [{ label: 'Conversion', before: 0.5, after: 0.7 }] });
  });

  it('keeps a layout-only move apart from real changes', () => {
    const { doc, a } = currentState();
    const future = edit(doc, (d) => ({ ...d, stages: d.stages.map((s) => (s.id === a.id ? { ...s, position: { x: 5, y: 300 } } : s)) }));
    const changes = diffMaps(doc, future);
    expect(changes).toEqual([expect.objectContaining({ kind: 'stage-moved', layoutOnly: true, id: a.id })]);
    expect(compareVersions(doc, future).attribution.parts).toEqual([]);
  });

  it('lists a removed stage with its transitions, and an added loop back', () => {
    const { doc, b, c, t } = currentState();
    const future = edit(doc, (d) => ({
      ...d,
      stages: d.stages.filter((s) => s.id !== b.id),
      transitions: [
        ...d.transitions.filter((x) => x.source !== b.id && x.target !== b.id),
        { id: 'a-to-c', source: d.stages[0]!.id, target: c.id, label: '', conversionRate: 0.95 },
      ],
    }));
    const kinds = diffMaps(doc, future).map((x) => [x.kind, 'transitionId' in x ? x.transitionId : x.stageId]);
    expect(kinds).toEqual([
      ['stage-removed', b.id],
      ['transition-removed', t.aToB.id],
      ['transition-removed', t.bToC.id],
      ['transition-removed', t.bToNoDecision.id],
      ['transition-added', 'a-to-c'],
    ]);
    const loop = edit(doc, (d) => ({ ...d, transitions: [...d.transitions, { id: 'loop', source: c.id, target: b.id, label: 'Re-evaluate', conversionRate: 0.2 }] }));
    expect(diffMaps(doc, loop)).toEqual([expect.objectContaining({ kind: 'transition-added', transitionId: 'loop', stageId: c.id })]);
  });
});

describe('figures side by side', () => {
  // B → C 50 % → 70 % (No decision 50 % → 30 %): win rate 0.19 → 0.266; wins 19 → 26.6; revenue 190,000 → 266,000.
  it('shows old → new and the difference, and "cannot compute" rather than zero for a missing input', () => {
    const { doc, t } = currentState();
    const future = edit(doc, (d) => ({
      ...d,
      transitions: d.transitions.map((x) => (x.id === t.bToC.id ? { ...x, conversionRate: 0.7 } : x.id === t.bToNoDecision.id ? { ...x, conversionRate: 0.3 } : x)),
    }));
    const figures = compareVersions(doc, future).figures;
    const win = figures.find((f) => f.name === 'winRate')!;
    expect(win.before).toBeCloseTo(0.19, 12);
    expect(win.after).toBeCloseTo(0.266, 12);
    expect(win.delta).toBeCloseTo(0.076, 12);
    const revenue = figures.find((f) => f.name === 'revenuePerPeriod')!;
    expect(revenue.delta).toBeCloseTo(76_000, 6);
    const gap = figures.find((f) => f.name === 'revenueGap')!;
    expect(gap.delta).toBeNull();
    expect(gap.cannotCompute).toEqual([
      { side: 'before', reason: 'needs Revenue target per month' },
      { side: 'after', reason: 'needs Revenue target per month' },
    ]);
  });
});

describe('what each change is worth', () => {
  // B → C 50 % → 70 % (alone, taken from B's No decision as an idea's effect would be:
  // 0.95·0.7·0.4 = 0.266, +7.6 wins); B → No decision 50 % → 30 % (alone the 20 points
  // stall: +0); and
  // C → Won 40 % → 50 % (alone: 0.95·0.5·0.5 = 0.2375, +4.75 wins). Together:
  // 0.95·0.7·0.5 = 0.3325, +14.25 wins; interaction 14.25 − 7.6 − 4.75 = 1.9.
  it('values each change alone on the older map, ranks them, and keeps the interaction remainder', () => {
    const { doc, t } = currentState();
    const future = edit(doc, (d) => ({
      ...d,
      transitions: d.transitions.map((x) =>
        x.id === t.bToC.id ? { ...x, conversionRate: 0.7 } : x.id === t.bToNoDecision.id ? { ...x, conversionRate: 0.3 } : x.id === t.cToWon.id ? { ...x, conversionRate: 0.5 } : x,
      ),
    }));
    const { attribution } = compareVersions(doc, future);
    expect(attribution.basis).toBe('wins-per-period');
    expect(attribution.total).toBeCloseTo(14.25, 9);
    const worth = Object.fromEntries(attribution.parts.map((p) => [p.key, p.worth]));
    expect(worth[`transition:${t.bToC.id}`]).toBeCloseTo(7.6, 9);
    expect(worth[`transition:${t.cToWon.id}`]).toBeCloseTo(4.75, 9);
    expect(worth[`transition:${t.bToNoDecision.id}`]).toBeCloseTo(0, 9);
    expect(attribution.parts[0]!.key).toBe(`transition:${t.bToC.id}`);
    expect(attribution.interaction).toBeCloseTo(1.9, 9);
  });

  it('values a removed stage with its arrows as one change', () => {
    const { doc, b, c } = currentState();
    const future = edit(doc, (d) => ({
      ...d,
      stages: d.stages.filter((s) => s.id !== b.id),
      transitions: [...d.transitions.filter((x) => x.source !== b.id && x.target !== b.id), { id: 'a-to-c', source: d.stages[0]!.id, target: c.id, label: '', conversionRate: 0.95 }],
    }));
    const { attribution } = compareVersions(doc, future);
    expect(attribution.parts.map((p) => p.key).sort()).toEqual(['stage:' + b.id, 'transition:a-to-c'].sort());
    // Removing B alone strands A's 95 %: the entry no longer reaches Won.
    expect(attribution.total).toBeCloseTo(100 * (0.95 * 0.4 - 0.19), 9);
  });

  it('always adds up: the parts plus the interaction equal the total change', () => {
    const perturbed = anAbsorbingMap.chain((doc) =>
      fc
        .array(fc.tuple(fc.nat(doc.transitions.length - 1), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 4 })
        .map((edits) => {
          const transitions = doc.transitions.map((t) => ({ ...t }));
          for (const [k, scale] of edits) if (transitions[k]!.conversionRate !== null) transitions[k]!.conversionRate = transitions[k]!.conversionRate! * scale;
          return { doc, future: { ...doc, transitions } };
        }),
    );
    fc.assert(
      fc.property(perturbed, ({ doc, future }) => {
        const { attribution } = compareVersions(doc, future);
        if (attribution.total === null) return;
        const sum = attribution.parts.reduce((s, p) => s + (p.worth ?? 0), 0) + attribution.interaction!;
        expect(sum).toBeCloseTo(attribution.total, 9);
      }),
      { numRuns: 100, seed: 10 },
    );
  }, 30_000);
});

describe('the comparison cache', () => {
  it('computes a pair of revisions once and again after either side changes', () => {
    const { doc, t } = currentState();
    const cache = createComparisonCache();
    const older = { id: 'v1', revision: 3, doc };
    const newer = { id: 'v2', revision: 1, doc: edit(doc, (d) => ({ ...d, transitions: d.transitions.map((x) => (x.id === t.cToWon.id ? { ...x, conversionRate: 0.5 } : x)) })) };
    const first = cache.get(older, newer);
    expect(cache.get(older, newer)).toBe(first);
    expect(cache.get(older, { ...newer, revision: 2 })).not.toBe(first);
  });
});
