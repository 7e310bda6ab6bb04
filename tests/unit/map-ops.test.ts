// Map operations are the only way the editor changes a map: each returns a new,
// still valid document, or the very same object when nothing changed.
import { describe, expect, it } from 'vitest';
import { MapDocumentSchema, type MapDocument } from '../../src-shared/domain/map-document';
import {
  addAction,
  addExitCriterion,
  addOutcome,
  addStage,
  connect,
  findStage,
  isStage,
  moveAction,
  moveExitCriterion,
  moveNodes,
  newAction,
  newOutcome,
  newStage,
  nextStagePosition,
  removeAction,
  removeExitCriterion,
  removeNodes,
  removeTransitions,
  setServes,
  updateAction,
  updateExitCriterion,
  updateOutcome,
  updateStage,
  updateTransition,
} from '../../src-shared/domain/map-ops';
import {
  aChainMap,
  aCustomerAction,
  aMapDocument,
  aSellerAction,
  aStage,
  aTransition,
  anExitCriterion,
  anOutcome,
} from '../fixtures/factories';

function expectValid(doc: MapDocument): void {
  const result = MapDocumentSchema.safeParse(doc);
  expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual([]);
}

/** A stage with two customer actions, a seller action serving both, and a marketing action serving the first. */
function aStageWithServes() {
  const c1 = aCustomerAction('Lists requirements');
  const c2 = aCustomerAction('Asks peers');
  const s1 = aSellerAction('Shares a requirements template', [c1, c2]);
  const m1 = aSellerAction('Publishes a case study', [c1], { actor: 'marketing' });
  const stage = aStage({ actions: [c1, s1, c2, m1] });
  return { doc: aMapDocument({ stages: [stage] }), stage, c1, c2, s1, m1 };
}

const actionsOf = (doc: MapDocument, stageId: string) => findStage(doc, stageId)!.actions;

describe('stages', () => {
  it('a new stage is empty, named, and placed where asked', () => {
    const stage = newStage({ x: 10, y: 20 }, 'Compare options');
    expect(stage).toMatchObject({ name: 'Compare options', actions: [], exitCriteria: [], position: { x: 10, y: 20 } });
    expect(newStage({ x: 0, y: 0 }).id).not.toBe(stage.id);
  });

  it('adding a stage appends it and leaves the original document untouched', () => {
    const doc = aMapDocument();
    const stage = newStage({ x: 0, y: 0 });
    const next = addStage(doc, stage);
    expect(next.stages).toEqual([stage]);
    expect(doc.stages).toEqual([]);
    expect(isStage(next, stage.id)).toBe(true);
    expectValid(next);
  });

  it('the next stage goes right of the right-most stage, on the first stage row', () => {
    expect(nextStagePosition(aMapDocument())).toEqual({ x: 0, y: 0 });
    const doc = aMapDocument({
      stages: [aStage({ position: { x: 100, y: 50 } }), aStage({ position: { x: 900, y: 300 } })],
    });
    expect(nextStagePosition(doc)).toEqual({ x: 900 + 460, y: 50 });
  });

  it('updating a stage changes only the given fields and only that stage', () => {
    const { doc, stages } = aChainMap(2);
    const next = updateStage(doc, stages[0]!.id, { name: 'Recognise the problem', painPoints: 'No budget' });
    expect(findStage(next, stages[0]!.id)).toMatchObject({ name: 'Recognise the problem', painPoints: 'No budget' });
    expect(next.stages[1]).toBe(doc.stages[1]);
  });

  it('updating a stage with the values it already has returns the same document', () => {
    const { doc, stages } = aChainMap(1);
    expect(updateStage(doc, stages[0]!.id, { name: stages[0]!.name })).toBe(doc);
    expect(updateStage(doc, stages[0]!.id, {})).toBe(doc);
    expect(updateStage(doc, 'unknown', { name: 'x' })).toBe(doc);
  });

  it('moving nodes repositions stages and outcomes and ignores unknown ids', () => {
    const { doc, stages, won } = aChainMap(2);
    const next = moveNodes(
      doc,
      new Map([
        [stages[1]!.id, { x: 5, y: 6 }],
        [won.id, { x: 7, y: 8 }],
        ['unknown', { x: 1, y: 1 }],
      ]),
    );
    expect(findStage(next, stages[1]!.id)!.position).toEqual({ x: 5, y: 6 });
    expect(next.outcomes[0]!.position).toEqual({ x: 7, y: 8 });
    expect(next.stages[0]).toBe(doc.stages[0]);
  });

  it('moving nodes to where they already are returns the same document', () => {
    const { doc, stages } = aChainMap(1);
    expect(moveNodes(doc, new Map([[stages[0]!.id, { ...stages[0]!.position }]]))).toBe(doc);
    expect(moveNodes(doc, new Map())).toBe(doc);
    expect(moveNodes(doc, new Map([['unknown', { x: 1, y: 1 }]]))).toBe(doc);
  });

  it('moving only a stage keeps the outcomes list (and moving only an outcome the stages list), so what is worked out from them is kept', () => {
    const { doc, stages, won } = aChainMap(2);
    const stageMoved = moveNodes(doc, new Map([[stages[0]!.id, { x: 5, y: 6 }]]));
    expect(stageMoved.outcomes).toBe(doc.outcomes);
    expect(stageMoved.transitions).toBe(doc.transitions);
    expect(stageMoved.stages).not.toBe(doc.stages);
    const outcomeMoved = moveNodes(doc, new Map([[won.id, { x: 7, y: 8 }]]));
    expect(outcomeMoved.stages).toBe(doc.stages);
    expect(outcomeMoved.outcomes[0]!.position).toEqual({ x: 7, y: 8 });
  });

  it('removing a stage removes every transition that touches it', () => {
    const { doc, stages, won } = aChainMap(3);
    const next = removeNodes(doc, new Set([stages[1]!.id]));
    expect(next.stages.map((s) => s.id)).toEqual([stages[0]!.id, stages[2]!.id]);
    expect(next.transitions.map((t) => [t.source, t.target])).toEqual([[stages[2]!.id, won.id]]);
    expectValid(next);
  });

  it('removing an outcome removes the transitions that end at it', () => {
    const { doc, won } = aChainMap(2);
    const next = removeNodes(doc, new Set([won.id]));
    expect(next.outcomes).toEqual([]);
    expect(next.transitions).toHaveLength(1);
    expectValid(next);
  });

  it('removing nothing, or only ids that are not on the map, returns the same document', () => {
    const { doc } = aChainMap(2);
    expect(removeNodes(doc, new Set())).toBe(doc);
    expect(removeNodes(doc, new Set(['unknown']))).toBe(doc);
  });
});

describe('actions', () => {
  it('a new action has the given actor and text and serves nothing', () => {
    expect(newAction('seller', 'Calls')).toMatchObject({ actor: 'seller', text: 'Calls', serves: [], votes: 0, leanClass: null });
  });

  it('adding an action appends it to its stage only', () => {
    const { doc, stages } = aChainMap(2);
    const action = newAction('customer', 'Reads reviews');
    const next = addAction(doc, stages[0]!.id, action);
    expect(actionsOf(next, stages[0]!.id)).toEqual([action]);
    expect(next.stages[1]).toBe(doc.stages[1]);
    expect(addAction(doc, 'unknown', action)).toBe(doc);
  });

  it('updating an action changes its fields', () => {
    const { doc, stage, s1 } = aStageWithServes();
    const next = updateAction(doc, stage.id, s1.id, { text: 'Sends a template', leanClass: 'waste', votes: 3 });
    expect(actionsOf(next, stage.id).find((a) => a.id === s1.id)).toMatchObject({
      text: 'Sends a template',
      leanClass: 'waste',
      votes: 3,
      serves: s1.serves,
    });
  });

  it('updating an action to what it already is, or an unknown action, returns the same document', () => {
    const { doc, stage, s1 } = aStageWithServes();
    expect(updateAction(doc, stage.id, s1.id, { text: s1.text })).toBe(doc);
    expect(updateAction(doc, stage.id, 'unknown', { text: 'x' })).toBe(doc);
  });

  it('a customer action that becomes a seller action is no longer served by anyone', () => {
    const { doc, stage, c1, c2, s1, m1 } = aStageWithServes();
    const next = updateAction(doc, stage.id, c1.id, { actor: 'seller' });
    const byId = new Map(actionsOf(next, stage.id).map((a) => [a.id, a]));
    expect(byId.get(s1.id)!.serves).toEqual([c2.id]);
    expect(byId.get(m1.id)!.serves).toEqual([]);
    expectValid(next);
  });

  it('a seller action that becomes a customer action serves nothing', () => {
    const { doc, stage, s1 } = aStageWithServes();
    const next = updateAction(doc, stage.id, s1.id, { actor: 'customer' });
    expect(actionsOf(next, stage.id).find((a) => a.id === s1.id)!.serves).toEqual([]);
    expectValid(next);
  });

  it('removing a customer action removes it from what other actions serve', () => {
    const { doc, stage, c1, c2, s1, m1 } = aStageWithServes();
    const next = removeAction(doc, stage.id, c1.id);
    expect(actionsOf(next, stage.id).map((a) => [a.id, a.serves])).toEqual([
      [s1.id, [c2.id]],
      [c2.id, []],
      [m1.id, []],
    ]);
    expectValid(next);
  });

  it('removing an action that is not there returns the same document', () => {
    const { doc, stage } = aStageWithServes();
    expect(removeAction(doc, stage.id, 'unknown')).toBe(doc);
  });

  it('moving an action swaps it with the neighbour of the same actor, skipping other actors', () => {
    const { doc, stage, c1, c2, s1, m1 } = aStageWithServes();
    const next = moveAction(doc, stage.id, c2.id, -1);
    expect(actionsOf(next, stage.id).map((a) => a.id)).toEqual([c2.id, s1.id, c1.id, m1.id]);
    const back = moveAction(next, stage.id, c2.id, 1);
    expect(actionsOf(back, stage.id).map((a) => a.id)).toEqual([c1.id, s1.id, c2.id, m1.id]);
  });

  it('moving an action past the first or last of its actor returns the same document', () => {
    const { doc, stage, c1, c2, s1 } = aStageWithServes();
    expect(moveAction(doc, stage.id, c1.id, -1)).toBe(doc);
    expect(moveAction(doc, stage.id, c2.id, 1)).toBe(doc);
    expect(moveAction(doc, stage.id, s1.id, 1)).toBe(doc);
    expect(moveAction(doc, stage.id, 'unknown', 1)).toBe(doc);
  });

  it('setting what a seller action serves keeps only customer actions of its stage, once each', () => {
    const { doc, stage, c1, c2, s1, m1 } = aStageWithServes();
    const next = setServes(doc, stage.id, m1.id, [c2.id, c2.id, s1.id, 'elsewhere', c1.id]);
    expect(actionsOf(next, stage.id).find((a) => a.id === m1.id)!.serves).toEqual([c2.id, c1.id]);
    expectValid(next);
  });

  it('a customer action cannot be made to serve anything', () => {
    const { doc, stage, c1, c2 } = aStageWithServes();
    expect(setServes(doc, stage.id, c1.id, [c2.id])).toBe(doc);
  });

  it('setting the serves an action already has returns the same document', () => {
    const { doc, stage, s1 } = aStageWithServes();
    expect(setServes(doc, stage.id, s1.id, [...s1.serves])).toBe(doc);
  });
});

describe('exit criteria', () => {
  const aStageWithCriteria = () => {
    const first = anExitCriterion('Shares cost figures');
    const second = anExitCriterion('Introduces finance');
    const stage = aStage({ exitCriteria: [first, second] });
    return { doc: aMapDocument({ stages: [stage] }), stage, first, second };
  };

  it('adding an exit criterion appends it with a new id', () => {
    const { doc, stage } = aStageWithCriteria();
    const next = addExitCriterion(doc, stage.id, 'Names a sponsor');
    const criteria = findStage(next, stage.id)!.exitCriteria;
    expect(criteria).toHaveLength(3);
    expect(criteria[2]!.text).toBe('Names a sponsor');
    expectValid(next);
  });

  it('updating an exit criterion changes its text; the same text returns the same document', () => {
    const { doc, stage, first } = aStageWithCriteria();
    const next = updateExitCriterion(doc, stage.id, first.id, 'Shares cost and volume figures');
    expect(findStage(next, stage.id)!.exitCriteria[0]!.text).toBe('Shares cost and volume figures');
    expect(updateExitCriterion(doc, stage.id, first.id, first.text)).toBe(doc);
    expect(updateExitCriterion(doc, stage.id, 'unknown', 'x')).toBe(doc);
  });

  it('removing an exit criterion removes only that one', () => {
    const { doc, stage, first, second } = aStageWithCriteria();
    expect(findStage(removeExitCriterion(doc, stage.id, first.id), stage.id)!.exitCriteria).toEqual([second]);
    expect(removeExitCriterion(doc, stage.id, 'unknown')).toBe(doc);
  });

  it('moving an exit criterion reorders it; moving past either end returns the same document', () => {
    const { doc, stage, first, second } = aStageWithCriteria();
    expect(findStage(moveExitCriterion(doc, stage.id, second.id, -1), stage.id)!.exitCriteria).toEqual([second, first]);
    expect(moveExitCriterion(doc, stage.id, first.id, -1)).toBe(doc);
    expect(moveExitCriterion(doc, stage.id, second.id, 1)).toBe(doc);
  });
});

describe('outcomes', () => {
  it('a new outcome is labelled after its kind', () => {
    expect(newOutcome('no_decision', { x: 1, y: 2 })).toMatchObject({ kind: 'no_decision', label: 'No decision' });
  });

  it('adding an outcome appends it', () => {
    const outcome = newOutcome('lost', { x: 0, y: 0 });
    const next = addOutcome(aMapDocument(), outcome);
    expect(next.outcomes).toEqual([outcome]);
    expectValid(next);
  });

  it('updating an outcome changes its label or kind; unchanged values return the same document', () => {
    const lost = anOutcome('lost');
    const doc = aMapDocument({ outcomes: [lost] });
    expect(updateOutcome(doc, lost.id, { label: 'Lost to competitor' }).outcomes[0]!.label).toBe('Lost to competitor');
    expect(updateOutcome(doc, lost.id, { kind: 'disqualified' }).outcomes[0]!.kind).toBe('disqualified');
    expect(updateOutcome(doc, lost.id, { label: lost.label, kind: lost.kind })).toBe(doc);
    expect(updateOutcome(doc, 'unknown', { label: 'x' })).toBe(doc);
  });
});

describe('transitions', () => {
  const twoStagesAndAnOutcome = () => {
    const a = aStage({ name: 'A' });
    const b = aStage({ name: 'B' });
    const won = anOutcome('won');
    return { doc: aMapDocument({ stages: [a, b], outcomes: [won] }), a, b, won };
  };

  it('connecting a stage to a stage or an outcome adds a transition without a known rate', () => {
    const { doc, a, b, won } = twoStagesAndAnOutcome();
    const first = connect(doc, a.id, b.id, 'Qualified');
    if (!first.ok) throw new Error(first.reason);
    expect(first.transition).toMatchObject({ source: a.id, target: b.id, label: 'Qualified', conversionRate: null });
    const second = connect(first.doc, b.id, won.id);
    if (!second.ok) throw new Error(second.reason);
    expect(second.doc.transitions).toHaveLength(2);
    expectValid(second.doc);
  });

  it('refuses a transition that starts at an outcome', () => {
    const { doc, a, won } = twoStagesAndAnOutcome();
    expect(connect(doc, won.id, a.id)).toEqual({ ok: false, reason: 'A transition must start at a stage, not at an outcome.' });
  });

  it('refuses a transition to nothing', () => {
    const { doc, a } = twoStagesAndAnOutcome();
    expect(connect(doc, a.id, 'unknown')).toEqual({ ok: false, reason: 'That transition has nowhere to go.' });
  });

  it('refuses a stage leading to itself', () => {
    const { doc, a } = twoStagesAndAnOutcome();
    expect(connect(doc, a.id, a.id)).toEqual({ ok: false, reason: 'A stage cannot lead to itself.' });
  });

  it('refuses connecting the same two nodes twice', () => {
    const { doc, a, b } = twoStagesAndAnOutcome();
    const once = connect(doc, a.id, b.id);
    if (!once.ok) throw new Error(once.reason);
    expect(connect(once.doc, a.id, b.id)).toEqual({ ok: false, reason: 'These two are already connected.' });
  });

  it('allows a loop back in the opposite direction', () => {
    const { doc, a, b } = twoStagesAndAnOutcome();
    const once = connect(doc, a.id, b.id);
    if (!once.ok) throw new Error(once.reason);
    expect(connect(once.doc, b.id, a.id).ok).toBe(true);
  });

  it('updating a transition sets its label and conversion rate; unchanged values return the same document', () => {
    const { doc } = aChainMap(1);
    const t = doc.transitions[0]!;
    expect(updateTransition(doc, t.id, { conversionRate: 0.4, label: 'Signed' }).transitions[0]).toMatchObject({
      conversionRate: 0.4,
      label: 'Signed',
    });
    expect(updateTransition(doc, t.id, { conversionRate: null, label: '' })).toBe(doc);
    expect(updateTransition(doc, 'unknown', { label: 'x' })).toBe(doc);
  });

  it('removing transitions removes only those; removing unknown ones returns the same document', () => {
    const { doc, stages } = aChainMap(3);
    const loop = aTransition(stages[2]!, stages[0]!);
    const withLoop = { ...doc, transitions: [...doc.transitions, loop] };
    expect(removeTransitions(withLoop, new Set([loop.id]))).toEqual(doc);
    expect(removeTransitions(withLoop, new Set(['unknown']))).toBe(withLoop);
  });
});
