// What the map shows of the improvements: per stage and arrow, how many ideas address it,
// and whether one of the top two (the two in focus, else the best ranked) is there.
import type { PlanImprovement } from '../../../src-shared/api/contract';
import type { ImprovementTarget } from '../../../src-shared/domain/improvement';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { useEditorSession } from '../../session/SessionContext';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useImprovementStore } from '../../store/improvement-store';
import { rankForView, type RankedImprovement } from './ranked';

export interface ImprovementMark {
  count: number;
  /** 1 or 2 when one of the top two improvements addresses it. */
  focusRank: number | null;
}

const objectOf = (t: ImprovementTarget): string | null => (t.kind === 'process' ? null : t.kind === 'transition' ? t.transitionId : t.stageId);

/** The top two: those planned or on trial, best ranked first, filled up with the best open ideas. */
export function topTwo(ranked: readonly RankedImprovement[]): RankedImprovement[] {
  const working = ranked.filter((r) => r.item.status === 'planned' || r.item.status === 'trial');
  const ideas = ranked.filter((r) => r.item.status === 'idea' && r.gain !== null);
  return [...working, ...ideas].slice(0, 2);
}

export function improvementMarks(doc: MapDocument, items: readonly PlanImprovement[]): Map<string, ImprovementMark> {
  const marks = new Map<string, ImprovementMark>();
  for (const item of items) {
    if (item.status === 'dropped') continue;
    const id = objectOf(item.addresses);
    if (!id) continue;
    const mark = marks.get(id) ?? { count: 0, focusRank: null };
    marks.set(id, { ...mark, count: mark.count + 1 });
  }
  topTwo(rankForView(doc, items)).forEach((r, k) => {
    const id = objectOf(r.item.addresses);
    if (!id) return;
    const mark = marks.get(id) ?? { count: 0, focusRank: null };
    marks.set(id, { ...mark, focusRank: mark.focusRank ?? k + 1 });
  });
  return marks;
}

/** The marks of the last map and list, worked out once for every card and arrow that asks; one per EditorSession. */
export interface MarksCache {
  of(doc: MapDocument, items: readonly PlanImprovement[]): Map<string, ImprovementMark>;
}

export function createMarksCache(): MarksCache {
  let last: { doc: MapDocument; items: readonly PlanImprovement[]; marks: Map<string, ImprovementMark> } | null = null;
  return {
    of(doc, items) {
      if (last?.doc !== doc || last.items !== items) last = { doc, items, marks: improvementMarks(doc, items) };
      return last.marks;
    },
  };
}

/** The mark of one stage or arrow (null when no idea addresses it); re-renders only when it changes. */
export function useImprovementMark(objectId: string): ImprovementMark | null {
  const doc = useDocumentStore(selectDoc);
  const items = useImprovementStore((s) => s.items);
  const { improvementMarks: cache } = useEditorSession();
  const mark = doc ? (cache.of(doc, items).get(objectId) ?? null) : null;
  return mark;
}
