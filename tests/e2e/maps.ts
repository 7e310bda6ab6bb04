// Maps the e2e tests import as workshop files, for what the template cannot show
// (a long journey with many exits, loops back and rates).
import type { MapDocument } from '../../src-shared/domain/map-document';
import { aFileVersion, aMapDocument, aStage, aTransition, aWorkshopMeta, anEnvelopeText, anOutcome } from '../fixtures/factories';

/**
 * A journey of `count` stages in a row, all piled on the same spot (so only a tidy
 * layout makes it readable): each leads on with 85 %; every third stage loses
 * buyers ("Chose another supplier"), every fifth stalls ("Budget frozen"), and
 * every seventh loops back two stages ("Re-check the requirements").
 */
export function aLongJourney(count: number): MapDocument {
  const stages = Array.from({ length: count }, (_, i) => aStage({ name: `Step ${i + 1} of the buyer`, position: { x: 0, y: 0 } }));
  const won = anOutcome('won', { position: { x: 0, y: 0 } });
  const lost = anOutcome('lost', { position: { x: 0, y: 0 } });
  const stalled = anOutcome('no_decision', { position: { x: 0, y: 0 } });
  const transitions = stages.flatMap((stage, i) => {
    const n = i + 1;
    const out = [aTransition(stage, stages[i + 1] ?? won, { conversionRate: 0.85, label: n === count ? 'Signed' : '' })];
    if (n % 3 === 0) out.push(aTransition(stage, lost, { label: 'Chose another supplier', conversionRate: 0.1 }));
    if (n % 5 === 0) out.push(aTransition(stage, stalled, { label: 'Budget frozen', conversionRate: 0.05 }));
    if (n % 7 === 0 && i >= 2) out.push(aTransition(stage, stages[i - 2]!, { label: 'Re-check the requirements', conversionRate: 0.02 }));
    return out;
  });
  return aMapDocument({
    stages,
    outcomes: [won, lost, stalled],
    transitions,
    process: { entriesPerPeriod: 200, averageDealSize: 12_000 },
  });
}

/** A workshop file (.leanmap.json text) with one map version. */
export function aWorkshopFileText(title: string, document: MapDocument): string {
  return anEnvelopeText({ meta: aWorkshopMeta({ title }), versions: [aFileVersion({ name: 'Current state', signOff: null, document })] });
}

/** Where aGridJourney puts its stages: rows of ten, each card's exit markers above it in the gap between rows. */
export const GRID = {
  perRow: 10,
  column: 460,
  row: 600,
  position(index: number): { x: number; y: number } {
    return { x: (index % GRID.perRow) * GRID.column, y: Math.floor(index / GRID.perRow) * GRID.row };
  },
};

/** The long journey laid out as a facilitator wraps it on a wall: rows of ten, the outcomes to the right. */
export function aGridJourney(count: number): MapDocument {
  const long = aLongJourney(count);
  const right = GRID.perRow * GRID.column + 200;
  return {
    ...long,
    stages: long.stages.map((s, i) => ({ ...s, position: GRID.position(i) })),
    outcomes: long.outcomes.map((o, i) => ({ ...o, position: { x: right, y: i * 300 } })),
  };
}
