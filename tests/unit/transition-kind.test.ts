// Forward, loop back or exit is read from the graph, never stored, so the label
// follows the facilitator's rewiring.
import { describe, expect, it } from 'vitest';
import b2bTemplate from '../../resources/templates/b2b-buying-journey.json';
import { rankBottlenecks } from '../../src-shared/domain/analytics';
import { MapDocumentSchema } from '../../src-shared/domain/map-document';
import { buildReport } from '../../src-shared/domain/report/build-report';
import { toEdges } from '../../src-renderer/canvas/flow-adapters';
import { classifyTransitions, entryStageId, entryStageOf } from '../../src-shared/domain/transition-kind';
import { aChainMap, aMapDocument, aProcessCast, aReportInput, aStage, aTransition, anOutcome } from '../fixtures/factories';

describe('the entry stage', () => {
  it('is the first stage in map order that no stage leads to', () => {
    const late = aStage({ name: 'Late' });
    const early = aStage({ name: 'Early' });
    const doc = aMapDocument({ stages: [late, early], transitions: [aTransition(early, late)] });
    expect(entryStageId(doc)).toBe(early.id);
  });

  it('is the first stage when every stage is led to (a cycle)', () => {
    const a = aStage();
    const b = aStage();
    const doc = aMapDocument({ stages: [a, b], transitions: [aTransition(a, b), aTransition(b, a)] });
    expect(entryStageId(doc)).toBe(a.id);
  });

  it('does not exist on an empty map', () => {
    expect(entryStageId(aMapDocument())).toBeUndefined();
  });
});

describe('transition kinds', () => {
  it('on the B2B template: the main path is forward, re-evaluation is a loop, outcomes are exits', () => {
    const kinds = classifyTransitions(MapDocumentSchema.parse(b2bTemplate));
    expect(Object.fromEntries(kinds)).toEqual({
      't-1-2': 'forward',
      't-2-3': 'forward',
      't-3-4': 'forward',
      't-4-5': 'forward',
      't-4-3': 'loop',
      't-5-won': 'exit',
      't-3-lost': 'exit',
      't-5-lost': 'exit',
      't-2-no_decision': 'exit',
      't-4-no_decision': 'exit',
    });
  });

  it('a transition back to an earlier stage on the path is a loop', () => {
    const { doc, stages } = aChainMap(3);
    const back = aTransition(stages[2]!, stages[0]!);
    const kinds = classifyTransitions({ ...doc, transitions: [...doc.transitions, back] });
    expect(kinds.get(back.id)).toBe('loop');
    expect(doc.transitions.map((t) => kinds.get(t.id))).toEqual(['forward', 'forward', 'exit']);
  });

  it('a transition to a stage already reached by another branch is forward, not a loop', () => {
    const a = aStage();
    const b = aStage();
    const c = aStage();
    const aToB = aTransition(a, b);
    const aToC = aTransition(a, c);
    const cToB = aTransition(c, b);
    const kinds = classifyTransitions(aMapDocument({ stages: [a, b, c], transitions: [aToB, aToC, cToB] }));
    expect(kinds.get(cToB.id)).toBe('forward');
  });

  it('stages unreachable from the entry are still classified', () => {
    const { doc } = aChainMap(2);
    const islandStart = aStage({ name: 'Island start' });
    const islandEnd = aStage({ name: 'Island end' });
    const across = aTransition(islandStart, islandEnd);
    const back = aTransition(islandEnd, islandStart);
    const lost = anOutcome('lost');
    const out = aTransition(islandEnd, lost);
    const kinds = classifyTransitions({
      ...doc,
      stages: [...doc.stages, islandStart, islandEnd],
      outcomes: [...doc.outcomes, lost],
      transitions: [...doc.transitions, across, back, out],
    });
    expect([kinds.get(across.id), kinds.get(back.id), kinds.get(out.id)]).toEqual(['forward', 'loop', 'exit']);
    expect(kinds.size).toBe(doc.transitions.length + 3);
  });

  it('a 3000-stage chain is classified without overflowing the stack', () => {
    const { doc, transitions } = aChainMap(3000);
    const kinds = classifyTransitions(doc);
    expect(kinds.size).toBe(3000);
    expect(kinds.get(transitions[2998]!.id)).toBe('forward');
    expect(kinds.get(transitions[2999]!.id)).toBe('exit');
  });
});

/**
 * Stages listed Propose, Discover, Qualify (the order they were added), wired
 * Discover → Qualify → Propose → Discover, Propose → Won. Every stage is led to, so
 * the automatic entry is the first listed (Propose); the team says buyers enter at Discover.
 */
function aJourneyEnteredMidList() {
  const { stages, won } = aProcessCast(['Propose', 'Discover', 'Qualify']);
  const [propose, discover, qualify] = stages as [(typeof stages)[0], (typeof stages)[0], (typeof stages)[0]];
  const discoverToQualify = aTransition(discover, qualify);
  const qualifyToPropose = aTransition(qualify, propose);
  const proposeToDiscover = aTransition(propose, discover);
  const proposeToWon = aTransition(propose, won);
  const transitions = [discoverToQualify, qualifyToPropose, proposeToDiscover, proposeToWon];
  const doc = aMapDocument({ stages, outcomes: [won], transitions, process: { entryStageId: discover.id } });
  return { doc, propose, discover, qualify, discoverToQualify, qualifyToPropose, proposeToDiscover, proposeToWon };
}

describe('transition kinds from the chosen entry stage', () => {
  it('is where buyers enter: the chosen stage, else the automatic one', () => {
    const { doc, propose, discover } = aJourneyEnteredMidList();
    expect(entryStageOf(doc)).toBe(discover.id);
    expect(entryStageId(doc)).toBe(propose.id);
    expect(entryStageOf({ ...doc, process: { ...doc.process, entryStageId: null } })).toBe(propose.id);
    expect(entryStageOf({ ...doc, process: { ...doc.process, entryStageId: 'gone' } })).toBe(propose.id);
  });

  it('walks from the chosen entry, not the first stage listed: the arrow back to Discover is the loop', () => {
    const { doc, discoverToQualify, qualifyToPropose, proposeToDiscover, proposeToWon } = aJourneyEnteredMidList();
    const kinds = classifyTransitions(doc);
    expect([discoverToQualify, qualifyToPropose, proposeToDiscover, proposeToWon].map((t) => kinds.get(t.id))).toEqual([
      'forward',
      'forward',
      'loop',
      'exit',
    ]);
  });

  it('reads the same wiring differently when the entry changes (here: back to the automatic one)', () => {
    const { doc, discoverToQualify, qualifyToPropose, proposeToDiscover } = aJourneyEnteredMidList();
    const automatic = classifyTransitions({ ...doc, process: { ...doc.process, entryStageId: null } });
    expect([discoverToQualify, qualifyToPropose, proposeToDiscover].map((t) => automatic.get(t.id))).toEqual(['forward', 'loop', 'forward']);
  });

  it('takes an explicit entry over the document\'s, for the analytics that solved for it', () => {
    const { doc, qualify, discoverToQualify, qualifyToPropose, proposeToDiscover } = aJourneyEnteredMidList();
    const fromQualify = classifyTransitions(doc, qualify.id);
    expect([qualifyToPropose, proposeToDiscover, discoverToQualify].map((t) => fromQualify.get(t.id))).toEqual(['forward', 'forward', 'loop']);
  });
});

describe('one reading of each transition, everywhere', () => {
  const { doc: unrated, discoverToQualify, qualifyToPropose, proposeToDiscover, proposeToWon } = aJourneyEnteredMidList();
  const rates = new Map([
    [discoverToQualify.id, 0.8],
    [qualifyToPropose.id, 0.5],
    [proposeToDiscover.id, 0.2],
    [proposeToWon.id, 0.6],
  ]);
  const doc = { ...unrated, transitions: unrated.transitions.map((t) => ({ ...t, conversionRate: rates.get(t.id) ?? null })) };
  const expected = { [discoverToQualify.id]: 'forward', [qualifyToPropose.id]: 'forward', [proposeToDiscover.id]: 'loop', [proposeToWon.id]: 'exit' };

  it('the canvas draws the arrows by the chosen entry', () => {
    expect(Object.fromEntries(toEdges(doc, null).map((e) => [e.id, e.data!.kind]))).toEqual(expected);
  });

  it('the report\'s map picture and transition table read them the same way', () => {
    const report = buildReport(aReportInput({ document: doc }));
    expect(Object.fromEntries(report.map.edges.map((e) => [e.id, e.kind]))).toEqual(expected);
    expect(report.transitions.map((r) => r.kind)).toEqual(['forward', 'forward', 'loop back', 'exit']);
  });

  it('the bottleneck ranking ranks the forward ones and the way to Won, never the loop back', () => {
    const ranking = rankBottlenecks(doc);
    if (!ranking.ok) throw new Error('expected a ranking');
    expect(ranking.candidates.map((c) => c.transitionId).sort()).toEqual([discoverToQualify.id, qualifyToPropose.id, proposeToWon.id].sort());
  });
});
