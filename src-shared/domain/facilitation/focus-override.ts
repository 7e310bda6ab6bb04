// When the facilitator lets a third improvement through the focus limit, the room made a
// decision: it is written to the decision log (what, when, by whom, which ideas) with
// the reason, so the report shows it beside the other decisions of the workshop.
import { IMPROVEMENT_STATUS_LABELS, inProgress, type FocusItem, type ImprovementStatus } from '../improvement';
import type { DecisionAdd } from './session';

export interface FocusOverride {
  /** The improvement let through, and the status it moved to (planned or on trial). */
  item: FocusItem;
  to: ImprovementStatus;
  /** Every improvement of the workshop as it was before the move. */
  all: readonly FocusItem[];
  reason: string;
  /** The participant the facilitator named as deciding, or null. */
  by: string | null;
  /** YYYY-MM-DD. */
  date: string;
}

const quoted = (x: FocusItem) => `"${x.idea.trim() || 'an unnamed idea'}"`;

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function focusOverrideDecision({ item, to, all, reason, by, date }: FocusOverride): DecisionAdd {
  const others = all.filter((x) => x.id !== item.id && inProgress(x.status));
  const verb = to === 'trial' ? 'goes on trial' : `is ${IMPROVEMENT_STATUS_LABELS[to].toLowerCase()}`;
  const what = `Focus limit overridden: ${quoted(item)} ${verb} while ${list(others.map(quoted))} ${
    others.length === 1 ? 'is' : 'are'
  } already planned or on trial.`;
  return {
    what: what.length > 2000 ? `${what.slice(0, 1999)}…` : what,
    date,
    by: by === null || by.trim() === '' ? [] : [by.trim()],
    links: [item, ...others].slice(0, 50).map((x) => ({ kind: 'improvement' as const, id: x.id })),
    reason: reason.trim().slice(0, 2000),
  };
}
