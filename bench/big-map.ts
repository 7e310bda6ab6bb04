// Large, realistic maps for benchmarks: a chain of stages with customer and seller
// actions, exit criteria, a loop back every fifth stage, exits to Lost and No decision.
import { newId } from '../src-shared/domain/ids';
import { emptyDocument, type MapDocument, type Stage, type Transition } from '../src-shared/domain/map-document';
import { newAction, newOutcome, newStage } from '../src-shared/domain/map-ops';

export function bigMap(stages: number): MapDocument {
  const doc = emptyDocument();
  const won = newOutcome('won', { x: stages * 460, y: 0 });
  const lost = newOutcome('lost', { x: stages * 460, y: 300 });
  const noDecision = newOutcome('no_decision', { x: stages * 460, y: 600 });
  const list: Stage[] = [];
  for (let i = 0; i < stages; i++) {
    const stage = newStage({ x: i * 460, y: (i % 3) * 40 }, `Stage ${i + 1}: the buyer compares options`);
    const customer = [newAction('customer', 'Shortlists suppliers'), newAction('customer', 'Asks for references')];
    const seller = { ...newAction('seller', 'Demonstrates on the customer’s own case'), serves: [customer[0]!.id] };
    list.push({
      ...stage,
      customerGoal: 'Find the option that fits best at an acceptable risk',
      actions: [...customer, seller],
      exitCriteria: [{ id: newId(), text: 'Runs a trial with own data' }],
      daysPerVisit: 5 + (i % 7),
      completeAndAccurate: 0.6 + (i % 4) * 0.1,
    });
  }
  const transitions: Transition[] = [];
  const t = (source: string, target: string, conversionRate: number | null, label = ''): void => {
    transitions.push({ id: newId(), source, target, label, conversionRate });
  };
  list.forEach((s, i) => {
    const next = list[i + 1];
    if (next) t(s.id, next.id, 0.8);
    else t(s.id, won.id, 0.7);
    if (i % 5 === 4) t(s.id, list[i - 2]!.id, 0.05, 'Re-evaluate');
    t(s.id, i % 2 ? lost.id : noDecision.id, null);
  });
  return { ...doc, stages: list, outcomes: [won, lost, noDecision], transitions, process: { ...doc.process, entriesPerPeriod: 500, averageDealSize: 40_000, revenueTarget: 2_000_000 } };
}
