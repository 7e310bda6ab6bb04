// The checks that keep a map honest (DOMAIN.md): pointed out in plain words, never
// blocking the facilitator. Only rates above 100 % are an error: no figure can be
// computed until they are fixed.
import type { MapDocument, Stage } from '../map-document';
import { nodeName, percent, quoted } from './labels';
import { resolveRates } from './rates';

export type MapCheckCode =
  | 'stage-without-customer-action'
  | 'stage-without-exit-criteria'
  | 'seller-action-serves-no-customer-action'
  | 'seller-centric-stage-name'
  | 'rates-exceed-100'
  | 'metric-without-owner'
  | 'metric-without-baseline'
  | 'metric-without-target'
  | 'metric-ranks-individuals';

export type CheckTarget =
  | { kind: 'stage'; id: string; actionIds?: string[]; transitionIds?: string[] }
  | { kind: 'transition'; id: string }
  | { kind: 'metric'; id: string }
  | { kind: 'process'; id?: string };

export interface MapCheck {
  code: MapCheckCode;
  severity: 'warning' | 'error';
  /** Plain words for the facilitator: what is wrong and why it matters. */
  message: string;
  target: CheckTarget;
}

/**
 * What the checks read of a metric. Structural on purpose: the measurement plan's
 * own Metric schema (domain/metric.ts) satisfies it without this file depending on it.
 */
export interface CheckableMetric {
  readonly id: string;
  readonly name: string;
  readonly question: string;
  readonly definition: string;
  readonly ownerRole: string;
  readonly baseline: number | null;
  readonly target: number | null;
}

/** A whole word or phrase, any case; letters or digits right before or after do not count. */
function wholeWords(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Pipeline words: what the seller does to the buyer, not what the buyer does. */
const SELLER_CENTRIC = wholeWords([
  'prospect(?:s|ing)?',
  'pitch(?:es|ing)?',
  'qualif(?:y|ying|ied|ication)',
  'clos(?:e|ing)',
  'proposals?',
  'negotiat(?:e|es|ing|ion|ions)',
  'follow[-\\s]?ups?',
  'leads?',
  'up[-\\s]?sell(?:s|ing)?',
  'cross[-\\s]?sell(?:s|ing)?',
  'cold[-\\s]?call(?:s|ing)?',
  'demos?',
  'discovery[-\\s]calls?',
  'presentations?',
  'outreach',
  'objection[-\\s]handling',
  'nurtur(?:e|ing)',
  'pipeline',
  'sales[-\\s](?:calls?|meetings?|pitch)',
]);

const PEOPLE = `(?:sales[-\\s])?(?:reps?|representatives?|salespersons?|salespeople|sellers?|account[-\\s]executives?|aes?|persons?|people|team[-\\s]members?|employees?)`;

/** Words that put a person, not a process step, on the axis of a chart. */
const RANKS_INDIVIDUALS = wholeWords([
  `(?:per|by|each|every|for[-\\s]each)\\s+${PEOPLE}`,
  'individual(?:s|ly)?',
  'leaderboards?',
  'league[-\\s]tables?',
  'ranking\\s+of',
  `rank(?:s|ed|ing)?\\s+(?:the\\s+)?${PEOPLE}`,
  'stack[-\\s]rank(?:s|ed|ing)?',
  '(?:top|bottom|best|worst)[-\\s]performers?',
  `(?:best|worst)\\s+${PEOPLE}`,
]);

function stageChecks(doc: MapDocument, stage: Stage, exceeding: { sum: number; transitionIds: string[] } | undefined): MapCheck[] {
  const checks: MapCheck[] = [];
  const name = nodeName(doc, stage.id);
  const target = { kind: 'stage', id: stage.id } as const;

  const sellerWord = stage.name.match(SELLER_CENTRIC);
  if (sellerWord) {
    checks.push({
      code: 'seller-centric-stage-name',
      severity: 'warning',
      message:
        `${name} is named after what the seller does ("${sellerWord[0]}"). Name the stage from the buyer's side — ` +
        `what they are doing or deciding, such as "Recognise the problem" or "Compare options" — so the map follows ` +
        `the customer's journey rather than our pipeline.`,
      target,
    });
  }

  const customerActions = stage.actions.filter((a) => a.actor === 'customer');
  if (customerActions.length === 0) {
    checks.push({
      code: 'stage-without-customer-action',
      severity: 'warning',
      message: `${name} has no customer action. Add what the buyer does in this stage: the journey is theirs, and our actions only make sense as help for theirs.`,
      target,
    });
  }

  if (stage.exitCriteria.length === 0) {
    checks.push({
      code: 'stage-without-exit-criteria',
      severity: 'warning',
      message: `${name} has no exit criteria. Add something the customer does that shows the stage is done (for example "shares current cost figures"), so everyone agrees when a buyer has moved on.`,
      target,
    });
  }

  const customerIds = new Set(customerActions.map((a) => a.id));
  for (const action of stage.actions) {
    if (action.actor !== 'seller' || action.serves.some((id) => customerIds.has(id))) continue;
    checks.push({
      code: 'seller-action-serves-no-customer-action',
      severity: 'warning',
      message: `The seller action ${quoted(action.text, 'without text')} in ${name} helps no customer action. Link it to the customer action it exists to help, or consider whether it is waste.`,
      target: { ...target, actionIds: [action.id] },
    });
  }

  if (exceeding) {
    checks.push({
      code: 'rates-exceed-100',
      severity: 'error',
      message: `The rates out of ${name} add up to ${percent(exceeding.sum)}. A buyer can only leave a stage one way, so they must add up to 100 % or less; until then the process figures cannot be calculated.`,
      target: { ...target, transitionIds: exceeding.transitionIds },
    });
  }
  return checks;
}

// A stage's checks depend only on the stage, the name it goes by and its rates above
// 100 %: kept per stage object, so typing one stage's name re-checks that stage only
// (the checks run on every keystroke that changes a name or a text).
const checkedStages = new WeakMap<Stage, { name: string; exceeding: string; checks: MapCheck[] }>();

export function checkStages(doc: MapDocument): MapCheck[] {
  const rates = resolveRates(doc);
  return doc.stages.flatMap((stage) => {
    const r = rates.get(stage.id)!;
    const exceeding = r.exceeds100 ? { sum: r.enteredSum, transitionIds: r.outgoing.filter((x) => x.from === 'entered').map((x) => x.transitionId) } : undefined;
    const name = nodeName(doc, stage.id);
    const signature = exceeding === undefined ? '' : `${exceeding.sum} ${exceeding.transitionIds.join(' ')}`;
    const known = checkedStages.get(stage);
    if (known && known.name === name && known.exceeding === signature) return known.checks;
    const checks = stageChecks(doc, stage, exceeding);
    checkedStages.set(stage, { name, exceeding: signature, checks });
    return checks;
  });
}

export function checkMetrics(metrics: readonly CheckableMetric[]): MapCheck[] {
  const checks: MapCheck[] = [];
  for (const m of metrics) {
    const name = quoted(m.name, 'A metric without a name');
    const target = { kind: 'metric', id: m.id } as const;
    const fields = [
      ['name', m.name],
      ['question', m.question],
      ['definition', m.definition],
    ] as const;
    for (const [field, text] of fields) {
      const found = text.match(RANKS_INDIVIDUALS);
      if (!found) continue;
      checks.push({
        code: 'metric-ranks-individuals',
        severity: 'warning',
        message:
          `${name} looks like it ranks individual people ("${found[0]}" in its ${field}). Measure the process, never rank people: ` +
          `a chart of individual results shown to a room is the classic way to kill a process initiative. Measure a stage or a transition instead.`,
        target,
      });
      break;
    }
    if (m.ownerRole.trim() === '') {
      checks.push({
        code: 'metric-without-owner',
        severity: 'warning',
        message: `${name} has no owner. Name the role that collects it and reports on it, or nobody will.`,
        target,
      });
    }
    if (m.baseline === null) {
      checks.push({
        code: 'metric-without-baseline',
        severity: 'warning',
        message: `${name} has no baseline. Record today's value, or the next review cannot tell whether anything moved.`,
        target,
      });
    }
    if (m.target === null) {
      checks.push({
        code: 'metric-without-target',
        severity: 'warning',
        message: `${name} has no target. Agree the value the team aims for, so the review can say whether the change worked.`,
        target,
      });
    }
  }
  return checks;
}

/** Every check, stages in map order, then metrics in plan order. */
export function checkMap(doc: MapDocument, metrics: readonly CheckableMetric[] = []): MapCheck[] {
  return [...checkStages(doc), ...checkMetrics(metrics)];
}
