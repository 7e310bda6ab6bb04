// Large, realistic maps for benchmarks, shaped like a real workshop's cards so the
// figures do not understate cost: per stage five customer and five seller actions
// (each seller action serving one customer action) and three exit criteria; stages
// laid out in several rows; a loop back every fifth stage; exits to Lost or No decision
// from most stages (every stage but each seventh).
import { newId } from '../src-shared/domain/ids';
import { emptyDocument, type MapDocument, type Stage, type Transition } from '../src-shared/domain/map-document';
import { newAction, newOutcome, newStage } from '../src-shared/domain/map-ops';

/** Stages per row: a long journey wraps into rows as a facilitator lays it out on a wall. */
export const STAGES_PER_ROW = 12;
const COLUMN = 460;
const ROW = 620;

const CUSTOMER = [
  'Shortlists suppliers from peers’ recommendations',
  'Asks for references in the same industry',
  'Compares total cost over three years',
  'Checks the contract terms with legal',
  'Presents the options to the steering group',
];
const SELLER = [
  'Demonstrates on the customer’s own case',
  'Arranges a call with a reference customer',
  'Prepares a cost comparison with the buyer',
  'Sends the standard terms and the exceptions',
  'Coaches the champion for the steering group',
];
const EXIT = ['Runs a trial with own data', 'Budget owner named and informed', 'Decision date agreed in writing'];

export function bigMap(stages: number): MapDocument {
  const doc = emptyDocument();
  const rows = Math.max(1, Math.ceil(stages / STAGES_PER_ROW));
  const right = Math.min(stages, STAGES_PER_ROW) * COLUMN;
  const won = newOutcome('won', { x: right, y: 0 });
  const lost = newOutcome('lost', { x: right, y: (rows * ROW) / 2 });
  const noDecision = newOutcome('no_decision', { x: right, y: rows * ROW });
  const list: Stage[] = [];
  for (let i = 0; i < stages; i++) {
    const position = { x: (i % STAGES_PER_ROW) * COLUMN, y: Math.floor(i / STAGES_PER_ROW) * ROW };
    const stage = newStage(position, `Stage ${i + 1}: the buyer compares options`);
    const customer = CUSTOMER.map((text) => newAction('customer', text));
    const seller = SELLER.map((text, k) => ({ ...newAction('seller', text), serves: [customer[k]!.id] }));
    list.push({
      ...stage,
      customerGoal: 'Find the option that fits best at an acceptable risk',
      actions: [...customer, ...seller],
      exitCriteria: EXIT.map((text) => ({ id: newId(), text })),
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
    if (i % 7 !== 6) t(s.id, i % 2 ? lost.id : noDecision.id, null, i % 2 ? 'Chooses another supplier' : 'Stops the project');
  });
  return { ...doc, stages: list, outcomes: [won, lost, noDecision], transitions, process: { ...doc.process, entriesPerPeriod: 500, averageDealSize: 40_000, revenueTarget: 2_000_000 } };
}
