// The map document schema guards every write, read and import: what it accepts
// and, above all, the inconsistent graphs it refuses.
import { describe, expect, it } from 'vitest';
import { CURRENT_DOCUMENT_VERSION, MAX_COORDINATE, MapDocumentSchema, emptyDocument, type MapDocument } from '../../src-shared/domain/map-document';
import {
  aChainMap,
  aCustomerAction,
  aFilledStage,
  aMapDocument,
  aSellerAction,
  aStage,
  aTransition,
  anExitCriterion,
  anOutcome,
} from '../fixtures/factories';

function problemsOf(doc: unknown): string[] {
  const result = MapDocumentSchema.safeParse(doc);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('a map document', () => {
  it('accepts an empty map', () => {
    expect(problemsOf(emptyDocument())).toEqual([]);
  });

  it('accepts a map of stages, outcomes, loops and exits that all refer to each other', () => {
    const { doc, stages } = aChainMap(3, { filled: true });
    const lost = anOutcome('lost');
    const withLoopAndExit: MapDocument = {
      ...doc,
      outcomes: [...doc.outcomes, lost],
      transitions: [...doc.transitions, aTransition(stages[2]!, stages[0]!), aTransition(stages[1]!, lost)],
    };
    expect(problemsOf(withLoopAndExit)).toEqual([]);
  });

  it('refuses two stages with the same id', () => {
    const stage = aStage();
    expect(problemsOf(aMapDocument({ stages: [stage, { ...stage, name: 'Twin' }] }))).toContain(`Duplicate id ${stage.id}`);
  });

  it('refuses an outcome that reuses a stage id', () => {
    const stage = aStage();
    expect(problemsOf(aMapDocument({ stages: [stage], outcomes: [anOutcome('won', { id: stage.id })] }))).toContain(
      `Duplicate id ${stage.id}`,
    );
  });

  it('refuses two actions with the same id', () => {
    const action = aCustomerAction();
    const doc = aMapDocument({ stages: [aStage({ actions: [action, { ...action, text: 'Twin' }] })] });
    expect(problemsOf(doc)).toContain(`Duplicate id ${action.id}`);
  });

  it('refuses two transitions with the same id', () => {
    const { doc, stages, won } = aChainMap(2);
    const reused = aTransition(stages[0]!, won, { id: doc.transitions[0]!.id });
    expect(problemsOf({ ...doc, transitions: [...doc.transitions, reused] })).toContain(`Duplicate id ${reused.id}`);
  });

  it('refuses a transition to a node that is not on the map', () => {
    const stage = aStage();
    const dangling = aTransition(stage, 'nowhere');
    expect(problemsOf(aMapDocument({ stages: [stage], transitions: [dangling] }))).toEqual([
      `Transition ${dangling.id} ends at nowhere, which is not on the map`,
    ]);
  });

  it('refuses a transition that starts at an outcome', () => {
    const stage = aStage();
    const won = anOutcome('won');
    const backwards = aTransition(won, stage);
    expect(problemsOf(aMapDocument({ stages: [stage], outcomes: [won], transitions: [backwards] }))).toEqual([
      `Transition ${backwards.id} starts at ${won.id}, which is not a stage`,
    ]);
  });

  it('refuses a stage that leads to itself', () => {
    const stage = aStage();
    const selfLoop = aTransition(stage, stage);
    expect(problemsOf(aMapDocument({ stages: [stage], transitions: [selfLoop] }))).toEqual([
      `Transition ${selfLoop.id} connects a stage to itself`,
    ]);
  });

  it('refuses two transitions between the same two nodes', () => {
    const a = aStage();
    const b = aStage();
    const doc = aMapDocument({ stages: [a, b], transitions: [aTransition(a, b), aTransition(a, b, { label: 'again' })] });
    expect(problemsOf(doc)).toEqual([`Two transitions connect ${a.id}->${b.id}`]);
  });

  it('accepts transitions in both directions between two stages (a loop back is not a duplicate)', () => {
    const a = aStage();
    const b = aStage();
    expect(problemsOf(aMapDocument({ stages: [a, b], transitions: [aTransition(a, b), aTransition(b, a)] }))).toEqual([]);
  });

  it('refuses a seller action that serves a customer action of another stage', () => {
    const elsewhere = aFilledStage('Elsewhere');
    const helper = aSellerAction('Helps across stages', [elsewhere.actions[0]!]);
    const doc = aMapDocument({ stages: [elsewhere, aStage({ name: 'Here', actions: [helper] })] });
    expect(problemsOf(doc)).toEqual([
      'Action "Helps across stages" in stage "Here" serves a customer action that is not in that stage',
    ]);
  });

  it('refuses a seller action that serves another seller action', () => {
    const other = aSellerAction('Other seller work');
    const helper = aSellerAction('Helps a colleague', [other]);
    expect(problemsOf(aMapDocument({ stages: [aStage({ actions: [other, helper] })] }))).toHaveLength(1);
  });

  it('refuses a conversion rate below 0 or above 1', () => {
    const { doc } = aChainMap(1);
    const withRate = (conversionRate: number) => ({
      ...doc,
      transitions: doc.transitions.map((t) => ({ ...t, conversionRate })),
    });
    expect(problemsOf(withRate(0))).toEqual([]);
    expect(problemsOf(withRate(1))).toEqual([]);
    expect(problemsOf(withRate(-0.01))).toHaveLength(1);
    expect(problemsOf(withRate(1.01))).toHaveLength(1);
  });

  it('refuses text longer than its field allows', () => {
    expect(problemsOf(aMapDocument({ stages: [aStage({ name: 'x'.repeat(200) })] }))).toEqual([]);
    expect(problemsOf(aMapDocument({ stages: [aStage({ name: 'x'.repeat(201) })] }))).toHaveLength(1);
    const longCriterion = aStage({ exitCriteria: [anExitCriterion('y'.repeat(501))] });
    expect(problemsOf(aMapDocument({ stages: [longCriterion] }))).toHaveLength(1);
  });

  it('refuses a position that is not a finite number', () => {
    expect(problemsOf(aMapDocument({ stages: [aStage({ position: { x: Number.POSITIVE_INFINITY, y: 0 } })] }))).toHaveLength(1);
  });

  it('refuses a card placed absurdly far away, in words, and accepts one at the edge of the allowed area', () => {
    const at = (x: number, y: number) => aMapDocument({ stages: [aStage({ position: { x, y } })] });
    expect(problemsOf(at(MAX_COORDINATE, -MAX_COORDINATE))).toEqual([]);
    expect(problemsOf(at(0, 4e18))).toEqual(['A card is placed too far from the rest of the map (more than 10,000,000 points from its centre)']);
    expect(problemsOf(at(-MAX_COORDINATE - 1, 0))).toHaveLength(1);
    expect(problemsOf(aMapDocument({ outcomes: [{ ...anOutcome('won'), position: { x: 1e300, y: 0 } }] }))).toHaveLength(1);
  });

  it('refuses a document of another format version', () => {
    expect(problemsOf({ ...emptyDocument(), schemaVersion: CURRENT_DOCUMENT_VERSION + 1 })).toHaveLength(1);
  });
});
