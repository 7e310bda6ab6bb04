// A parked topic becomes an improvement idea: the idea is written from the item's text
// and addresses what the item was about; the item is marked converted and points at
// the idea, so the report says what became of it.
import { blankImprovementFields, type ImprovementFields, type ImprovementTarget } from '../improvement';
import type { MapDocument } from '../map-document';
import type { ParkingItem } from './parking-lot';

/** An idea's text is at most this long; a longer parked topic is kept whole as the problem. */
const IDEA_MAX = 500;

type Maps = readonly Pick<MapDocument, 'stages' | 'transitions'>[];

/** What the new idea addresses: the stage, action or arrow the item was about, if it is still on a map; else the whole process. */
export function addressesOfParkedItem(link: ParkingItem['link'], maps: Maps): ImprovementTarget {
  if (link === null) return { kind: 'process' };
  switch (link.kind) {
    case 'stage':
      return maps.some((m) => m.stages.some((s) => s.id === link.id)) ? { kind: 'stage', stageId: link.id } : { kind: 'process' };
    case 'action': {
      for (const m of maps) {
        const stage = m.stages.find((s) => s.actions.some((a) => a.id === link.id));
        if (stage) return { kind: 'action', stageId: stage.id, actionId: link.id };
      }
      return { kind: 'process' };
    }
    case 'transition':
      return maps.some((m) => m.transitions.some((t) => t.id === link.id)) ? { kind: 'transition', transitionId: link.id } : { kind: 'process' };
    case 'improvement':
      // About another idea: the new one is about the process as a whole, not a copy of that idea's target.
      return { kind: 'process' };
  }
}

/** Refuses what cannot be converted, in a facilitator's words; null when the item can become an idea. */
export function conversionProblem(item: ParkingItem | undefined): string | null {
  if (!item) return 'That parking-lot item no longer exists.';
  if (item.status !== 'open') return `This item is already ${item.status}. Reopen it first to make it an improvement idea.`;
  return null;
}

/** The new idea's fields: the item's text as the idea (a longer text is shortened there and kept whole as the problem). */
export function ideaFromParkedItem(item: ParkingItem, maps: Maps): ImprovementFields {
  const text = item.text.trim();
  const long = text.length > IDEA_MAX;
  return blankImprovementFields(addressesOfParkedItem(item.link, maps), {
    idea: long ? `${text.slice(0, IDEA_MAX - 1).trimEnd()}…` : text,
    problem: long ? text : '',
  });
}
