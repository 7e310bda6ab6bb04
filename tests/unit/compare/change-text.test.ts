// Changes in words, grouped by stage, marked on the maps, turned into ideas, and the
// sentence about how two versions were matched.
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  describeChange,
  groupChanges,
  ideaFromChange,
  mapMarks,
  matchNote,
  worthText,
} from '../../../src-shared/domain/compare';
import { ImprovementFieldsSchema } from '../../../src-shared/domain/improvement';
import { defaultProcessInputs, type MapDocument } from '../../../src-shared/domain/map-document';
import { aCustomerAction, aMapDocument, aProcessCast, aRatedTransition as rated } from '../../fixtures/factories';

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
  return { doc, a, b: withAction, c, t };
}

/** Three changes as a workshop makes them: B's rate up, an action removed, C slower; and A dragged. */
function aFutureState() {
  const cur = currentState();
  const future: MapDocument = structuredClone(cur.doc);
  future.transitions = future.transitions.map((x) => (x.id === cur.t.bToC.id ? { ...x, conversionRate: 0.7 } : x));
  future.stages = future.stages.map((s) =>
    s.id === cur.b.id ? { ...s, actions: [] } : s.id === cur.c.id ? { ...s, daysPerVisit: 12 } : s.id === cur.a.id ? { ...s, position: { x: 1, y: 400 } } : s,
  );
  return { ...cur, future };
}

describe('a change in words', () => {
  it('says old → new with rates as percentages and days with their unit', () => {
    const { doc, future } = aFutureState();
    const words = compareVersions(doc, future).changes.map((c) => describeChange(c, doc, future));
    const rate = words.find((w) => w.subject === 'Transition')!;
    expect(rate).toMatchObject({ mark: 'changed', title: 'Compare options → Decide', stageName: 'Compare options' });
    expect([rate.before.text, rate.after.text]).toEqual(['Conversion: 50 %', 'Conversion: 70 %']);
    const days = words.find((w) => w.subject === 'Stage' && w.title === 'Decide')!;
    expect(days.after.text).toBe('Days per visit: 12 days');
    expect(days.before.text).toBe('Days per visit: blank');
    const removed = words.find((w) => w.mark === 'removed')!;
    expect(removed).toMatchObject({ subject: 'Customer action', title: 'Asks peers', after: { target: null } });
  });

  it('groups by stage in map order and hides layout-only moves unless asked', () => {
    const { doc, future } = aFutureState();
    const words = compareVersions(doc, future).changes.map((c) => describeChange(c, doc, future));
    expect(groupChanges(words, { showLayout: false }).map((g) => [g.stageName, g.changes.length])).toEqual([
      ['Compare options', 2],
      ['Decide', 1],
    ]);
    expect(groupChanges(words, { showLayout: true }).map((g) => g.stageName)).toEqual(['Recognise the problem', 'Compare options', 'Decide']);
  });

  it('marks a changed arrow and a stage whose action went, never a layout move', () => {
    const { doc, future, a, b, t } = aFutureState();
    const words = compareVersions(doc, future).changes.map((c) => describeChange(c, doc, future));
    const marks = mapMarks(words);
    expect(marks.after[t.bToC.id]).toBe('changed');
    expect(marks.before[b.id]).toBe('changed');
    expect(marks.after[a.id]).toBeUndefined();
  });

  it('marks an added stage as added on the newer map only', () => {
    const { doc } = currentState();
    const future = structuredClone(doc);
    future.stages.push({ ...structuredClone(doc.stages[0]!), id: 'new-stage', name: 'Run a trial', actions: [], exitCriteria: [] });
    const words = compareVersions(doc, future).changes.map((c) => describeChange(c, doc, future));
    expect(mapMarks(words)).toEqual({ before: {}, after: { 'new-stage': 'added' } });
  });
});

describe('a worth in words', () => {
  it('signs it, and says cannot compute rather than zero', () => {
    expect(worthText(7, 'wins-per-period')).toBe('+7 wins per period');
    expect(worthText(-1.256, 'wins-per-period')).toBe('−1.26 wins per period');
    expect(worthText(0.035, 'win-rate')).toBe('+3.5 pts win rate');
    expect(worthText(-0.02, 'win-rate')).toBe('−2 pts win rate');
    expect(worthText(null, 'win-rate')).toBe('cannot compute');
  });
});

describe('a change turned into an improvement idea', () => {
  it('pre-fills the conversion effect of a rate change, addressed to that transition', () => {
    const { doc, future, t } = aFutureState();
    const change = compareVersions(doc, future).changes.find((c) => c.kind === 'transition-changed')!;
    const fields = ideaFromChange(change, doc, future, 'Future state');
    expect(ImprovementFieldsSchema.parse(fields)).toEqual(fields);
    expect(fields.addresses).toEqual({ kind: 'transition', transitionId: t.bToC.id });
    expect(fields.effects).toEqual([{ kind: 'conversion', transitionId: t.bToC.id, rate: 0.7 }]);
    expect(fields.idea).toBe('Transition “Compare options → Decide”: Conversion: 50 % → Conversion: 70 %');
  });

  it('pre-fills days and %C&A effects of a stage, and no effect for a removed action', () => {
    const { doc, future, b, c } = aFutureState();
    future.stages = future.stages.map((s) => (s.id === c.id ? { ...s, completeAndAccurate: 0.9 } : s));
    const changes = compareVersions(doc, future).changes;
    const stage = ideaFromChange(changes.find((x) => x.kind === 'stage-changed')!, doc, future, 'Future state');
    expect(stage.effects).toEqual([
      { kind: 'days-per-visit', stageId: c.id, days: 12 },
      { kind: 'complete-and-accurate', stageId: c.id, share: 0.9 },
    ]);
    const action = ideaFromChange(changes.find((x) => x.kind === 'action-removed')!, doc, future, 'Future state');
    expect(action.effects).toEqual([]);
    expect(action.addresses).toMatchObject({ kind: 'action', stageId: b.id });
    expect(action.idea).toBe('Customer action “Asks peers”: remove it');
  });
});

describe('how two versions were matched', () => {
  it('says nothing for a version compared with its recorded source', () => {
    const { doc, future } = aFutureState();
    expect(matchNote({ older: { name: 'Current state', doc }, newer: { name: 'Future state', doc: future }, relation: 'source' })).toBeNull();
  });

  it('says a version from before sources were recorded is matched by id, and how many stages match', () => {
    const { doc, future } = aFutureState();
    future.stages = future.stages.slice(1);
    expect(matchNote({ older: { name: 'Current state', doc }, newer: { name: 'Future state', doc: future }, relation: 'unknown' })).toBe(
      '“Future state” was made before Leanmap recorded where a version came from, so it is compared with “Current state” by id: 2 of 3 stages match; the rest show as added or removed.',
    );
  });

  it('says so when two maps share no stages at all', () => {
    const { doc } = currentState();
    const other = currentState().doc;
    expect(matchNote({ older: { name: 'A', doc }, newer: { name: 'B', doc: other }, relation: 'other' })).toContain('shares no stages');
  });
});

describe('a figure that cannot be computed', () => {
  it('names two missing inputs and counts the rest, so the table stays readable', () => {
    const { doc } = currentState();
    const days = compareVersions(doc, doc).figures.find((f) => f.name === 'daysToWin')!;
    expect(days.delta).toBeNull();
    expect(days.cannotCompute[0]!.reason).toMatch(/^needs [^,]+, [^,]+ and 1 more$/);
  });
});

describe('the quick graph check attribution uses instead of re-parsing', () => {
  it('agrees with the document schema on joins that break a map', async () => {
    const { consistentGraph } = await import('../../../src-shared/domain/compare');
    const { MapDocumentSchema } = await import('../../../src-shared/domain/map-document');
    const { doc, a, b, t } = currentState();
    const broken: MapDocument[] = [
      { ...doc, transitions: [...doc.transitions, { ...t.aToB, id: 'dup-edge' }] },
      { ...doc, stages: doc.stages.filter((s) => s.id !== b.id) },
      { ...doc, process: { ...doc.process, entryStageId: 'gone' } },
      { ...doc, transitions: [...doc.transitions, { ...t.aToB, id: 'self', target: a.id }] },
      { ...doc, stages: [...doc.stages, { ...a }] },
    ];
    expect(consistentGraph(doc)).toBe(true);
    for (const d of broken) expect([consistentGraph(d), MapDocumentSchema.safeParse(d).success]).toEqual([false, false]);
  });
});

describe('what a change of words is worth', () => {
  it('is not valued at all: a renamed stage is listed as a change but not as ±0 in the ranking', () => {
    const { doc, b } = currentState();
    const future = structuredClone(doc);
    future.stages = future.stages.map((s) => (s.id === b.id ? { ...s, name: 'Compare suppliers', notes: 'Asked twice' } : s));
    const result = compareVersions(doc, future);
    expect(result.changes.map((c) => c.kind)).toEqual(['stage-changed']);
    expect(result.attribution.parts).toEqual([]);
    expect(result.attribution.total).toBe(0);
  });
});
