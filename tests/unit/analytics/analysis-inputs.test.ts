// The analysis inputs: the chain computed on a map stripped of names, texts and
// positions, then worded with the map's names, is exactly analyseProcess of the map; and
// what counts as a change of input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseChain,
  analyseProcess,
  analysisInputs,
  chainWording,
  presentAnalysis,
  presentChain,
  sameAnalysisInputs,
  sameCheckInputs,
  sameNames,
} from '../../../src-shared/domain/analytics';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { moveNodes, updateStage, updateStageNumbers, updateTransition } from '../../../src-shared/domain/map-ops';
import { anAbsorbingMap } from '../../fixtures/arbitrary-maps';
import { aMetric } from '../../fixtures/factories';

/** Names as facilitators type them: blank, padded, quoted, seller words that trip a check. */
const aName = fc.oneof(fc.constantFrom('', '  ', 'Demo', '"Quoted"', ' Compare options ', 'Prospecting', 'a\u0001S0\u0001b', '\u0001S1\u0001'), fc.string({ maxLength: 12 }));

/** Any absorbing map, renamed, with some rates blanked or pushed above 100 % so the failures are worded too. */
const aMap = fc
  .tuple(anAbsorbingMap, fc.array(aName, { minLength: 12, maxLength: 12 }), fc.array(aName, { minLength: 4, maxLength: 4 }), fc.array(fc.nat(40), { maxLength: 3 }), fc.boolean())
  .map(([doc, names, labels, broken, overfull]): MapDocument => ({
    ...doc,
    stages: doc.stages.map((s, i) => ({ ...s, name: names[i % names.length]! })),
    outcomes: doc.outcomes.map((o, i) => ({ ...o, label: labels[i]! })),
    transitions: doc.transitions.map((t, i) =>
      broken.includes(i) ? { ...t, conversionRate: overfull ? 0.9 : null } : t,
    ),
  }));

describe('the chain computed on the analysis inputs, worded with the map’s names', () => {
  it('equals analyseProcess of the map itself, checks included', () => {
    const metrics = [aMetric({ id: 'm1', name: 'Wins per rep', ownerRole: '' })];
    fc.assert(
      fc.property(aMap, (doc) => {
        const inputs = analysisInputs(doc);
        expect(presentAnalysis(analyseProcess(inputs), inputs, doc, metrics)).toEqual(analyseProcess(doc, { metrics }));
      }),
      { numRuns: 150 },
    );
  });

  it('a result for an older map names a stage that is gone as missing, and renamed stages by their new name', () => {
    fc.assert(
      fc.property(anAbsorbingMap, (doc) => {
        const inputs = analysisInputs(doc);
        const chain = analyseProcess(inputs);
        const renamed = { ...doc, stages: doc.stages.slice(1).map((s) => ({ ...s, name: `New ${s.name}` })) };
        const text = JSON.stringify(presentAnalysis(chain, inputs, renamed));
        expect(text).not.toContain('\\u0001');
        expect(text).not.toMatch(/"Stage \d+"/);
        if (JSON.stringify(analyseProcess(doc)).includes('"Stage 0"')) expect(text).toContain('a missing node');
      }),
      { numRuns: 50 },
    );
  });
});

describe('what changes the analysis inputs', () => {
  const doc = fc.sample(anAbsorbingMap.filter((d) => d.stages.length >= 2), { numRuns: 1, seed: 7 })[0]!;
  const stage = doc.stages[0]!;
  const transition = doc.transitions[0]!;

  it('a name, a text or a position is not an input of the chain', () => {
    const renamed = updateStage(doc, stage.id, { name: 'Compare offers', notes: 'Asked twice', painPoints: 'Slow legal' });
    const moved = moveNodes(doc, new Map([[stage.id, { x: 999, y: -40 }]]));
    expect(sameAnalysisInputs(doc, renamed)).toBe(true);
    expect(sameAnalysisInputs(doc, moved)).toBe(true);
    expect(sameNames(doc, renamed)).toBe(false);
    expect(sameNames(doc, moved)).toBe(true);
  });

  it('a rate, days, %C&A, an action’s class or a process number is', () => {
    expect(sameAnalysisInputs(doc, updateTransition(doc, transition.id, { conversionRate: (transition.conversionRate ?? 0) / 2 + 0.01 }))).toBe(false);
    expect(sameAnalysisInputs(doc, updateStageNumbers(doc, stage.id, { daysPerVisit: (stage.daysPerVisit ?? 0) + 1 }))).toBe(false);
    expect(sameAnalysisInputs(doc, updateStageNumbers(doc, stage.id, { completeAndAccurate: 0.123 }))).toBe(false);
    expect(sameAnalysisInputs(doc, { ...doc, process: { ...doc.process, revenueTarget: 1 } })).toBe(false);
    const withAction = { ...doc, stages: doc.stages.map((s, i) => (i === 0 ? { ...s, actions: [...s.actions, { id: 'a-x', text: '', actor: 'customer' as const, leanClass: 'waste' as const, ownerRole: '', votes: 0, serves: [] }] } : s)) };
    expect(sameAnalysisInputs(doc, withAction)).toBe(false);
  });

  it('the checks read names but not positions, and an equal plan is the same plan', () => {
    const moved = moveNodes(doc, new Map([[stage.id, { x: 999, y: -40 }]]));
    expect(sameCheckInputs(doc, [], moved, [])).toBe(true);
    expect(sameCheckInputs(doc, [], updateStage(doc, stage.id, { name: 'Demo' }), [])).toBe(false);
    const metric = aMetric({ id: 'm1' });
    expect(sameCheckInputs(doc, [metric], doc, [{ ...metric }])).toBe(true);
    expect(sameCheckInputs(doc, [metric], doc, [{ ...metric, ownerRole: '' }])).toBe(false);
  });
});

describe('wording one result with the names of successive maps', () => {
  it('re-words a name that reads exactly like its own placeholder, after renames (found by the property below)', () => {
    // Stage s1 is named like the placeholder of its own name, so its texts word to the very
    // same strings and needed no copy at first; renaming another stage, then it, must still work.
    const stages = ["", "\u0001S1\u0001", "", "", "", "", ""].map((name, i) => ({ ...{"id": "s0", "name": "", "customerGoal": "", "actions": [], "exitCriteria": [], "stakeholders": "", "toolsAndContent": "", "painPoints": "", "notes": "", "position": {"x": 0, "y": 0}, "daysPerVisit": 0, "completeAndAccurate": 0}, id: `s${i}`, name }));
    const transitions = ([["s0", "s1", 0], ["s0", "s4", 0], ["s0", "s6", 0], ["s0", "o-lost", 1], ["s0", "o-no_decision", 0], ["s0", "o-disqualified", 0], ["s1", "s2", 0.9], ["s1", "s3", 0], ["s1", "s4", 0], ["s1", "s5", 0.5535714285714286], ["s1", "o-won", 0.44642857142857145], ["s1", "o-no_decision", 0], ["s2", "s3", 0], ["s2", "o-lost", 1], ["s3", "s4", 0], ["s3", "o-disqualified", 1], ["s4", "s5", 0], ["s4", "o-disqualified", 1], ["s5", "s6", 0], ["s5", "o-no_decision", 1], ["s6", "o-lost", 1]] as [string, string, number][]).map(([source, target, conversionRate]) => ({ id: `t-${source}-${target}`, source, target, label: '', conversionRate }));
    const doc = { ...({"schemaVersion": 2, "outcomes": [{"id": "o-won", "kind": "won", "label": "", "position": {"x": 0, "y": 400}}, {"id": "o-lost", "kind": "lost", "label": "", "position": {"x": 0, "y": 400}}, {"id": "o-no_decision", "kind": "no_decision", "label": "", "position": {"x": 0, "y": 400}}, {"id": "o-disqualified", "kind": "disqualified", "label": "", "position": {"x": 0, "y": 400}}], "process": {"entryStageId": "s0", "period": "month", "entriesPerPeriod": null, "averageDealSize": null, "revenueTarget": null, "currency": "EUR"}} as Omit<MapDocument, 'stages' | 'transitions'>), stages, transitions } as MapDocument;
    const inputs = analysisInputs(doc);
    const chain = analyseChain(inputs);
    const word = chainWording(chain, inputs);
    word(doc);
    let current = updateStage(doc, 's0', { name: '!' });
    expect(word(current)).toEqual(presentChain(chain, inputs, current));
    current = updateStage(current, 's1', { name: '' });
    expect(word(current)).toEqual(presentChain(chain, inputs, current));
  });

  it('reads as a fresh wording after any renames, and keeps every object no renamed name reaches', () => {
    fc.assert(
      fc.property(aMap, fc.array(fc.tuple(fc.nat(), aName), { minLength: 1, maxLength: 6 }), (doc, renames) => {
        const inputs = analysisInputs(doc);
        const chain = analyseChain(inputs);
        const word = chainWording(chain, inputs);
        let current = doc;
        let last = word(current);
        for (const [k, name] of renames) {
          const stage = current.stages[k % current.stages.length]!;
          current = updateStage(current, stage.id, { name });
          const worded = word(current);
          expect(worded).toEqual(presentChain(chain, inputs, current));
          // No name appears in the value-added ratio: it is the very same object.
          expect(worded.valueAddedRatio).toBe(last.valueAddedRatio);
          last = worded;
        }
        expect(word(current)).toBe(last);
      }),
      { numRuns: 60 },
    );
  });
});
