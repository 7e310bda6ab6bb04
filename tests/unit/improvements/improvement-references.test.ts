// What an improvement may name: something on one of the workshop's maps (any version),
// and a metric of the workshop's plans; the API and the file import share this check.
import { describe, expect, it } from 'vitest';
import { improvementReferenceProblem, METRIC_NOT_IN_WORKSHOP } from '../../../src-shared/domain/improvement-references';
import { aChainMap, anAction } from '../../fixtures/factories';

const GHOST = '00000000-0000-4000-8000-000000000000';

function twoVersions() {
  const current = aChainMap(2).doc;
  const action = anAction({ text: 'Sends the price list' });
  // The future version has a third stage the current one does not.
  const future = aChainMap(3).doc;
  future.stages[0] = { ...future.stages[0]!, actions: [action] };
  return { maps: [current, future], current, future, action };
}

describe('the references of an improvement', () => {
  it('accepts a stage, arrow or action that is on any version’s map', () => {
    const { maps, current, future, action } = twoVersions();
    const metrics = new Set<string>();
    expect(improvementReferenceProblem({ addresses: { kind: 'stage', stageId: future.stages[2]!.id } }, maps, metrics)).toBeNull();
    expect(improvementReferenceProblem({ addresses: { kind: 'transition', transitionId: current.transitions[0]!.id } }, maps, metrics)).toBeNull();
    expect(improvementReferenceProblem({ addresses: { kind: 'action', stageId: future.stages[0]!.id, actionId: action.id } }, maps, metrics)).toBeNull();
    expect(improvementReferenceProblem({ addresses: { kind: 'process' }, effects: [{ kind: 'days-per-visit', stageId: current.stages[1]!.id, days: 3 }] }, maps, metrics)).toBeNull();
  });

  it('refuses what is on none of the maps, saying what, in a facilitator’s words', () => {
    const { maps, future } = twoVersions();
    const none = new Set<string>();
    expect(improvementReferenceProblem({ addresses: { kind: 'pain-point', stageId: GHOST } }, maps, none)).toMatch(/^The stage it addresses is not on any map of this workshop\./);
    expect(improvementReferenceProblem({ addresses: { kind: 'transition', transitionId: GHOST } }, maps, none)).toMatch(/^The arrow it addresses/);
    // An action id that exists, but in another stage than the one named.
    const actionId = future.stages[0]!.actions[0]!.id;
    expect(improvementReferenceProblem({ addresses: { kind: 'action', stageId: future.stages[1]!.id, actionId } }, maps, none)).toMatch(/^The action it addresses/);
    expect(improvementReferenceProblem({ effects: [{ kind: 'conversion', transitionId: GHOST, rate: 0.5 }] }, maps, none)).toMatch(/changes an arrow that is not on any map/);
    expect(improvementReferenceProblem({ effects: [{ kind: 'complete-and-accurate', stageId: GHOST, share: 0.9 }] }, maps, none)).toMatch(/changes a stage that is not on any map/);
  });

  it('accepts a metric of the workshop and no metric, and refuses any other', () => {
    const { maps } = twoVersions();
    const metrics = new Set(['m1']);
    expect(improvementReferenceProblem({ metricId: 'm1' }, maps, metrics)).toBeNull();
    expect(improvementReferenceProblem({ metricId: null }, maps, metrics)).toBeNull();
    expect(improvementReferenceProblem({ metricId: 'm2' }, maps, metrics)).toBe(METRIC_NOT_IN_WORKSHOP);
  });

  it('checks only the fields present, so a patch that keeps a since-deleted stage is not refused', () => {
    expect(improvementReferenceProblem({ votes: 3 } as never, [], new Set())).toBeNull();
  });
});
