// Current state against future state (DOMAIN.md "Comparison"): one pure comparison of
// two versions — structural changes, figure deltas and what each change is worth —
// serialisable, and cached per pair of revisions by whoever holds a cache.
import type { MapDocument } from '../map-document';
import { attributeChanges, type Attribution } from './attribution';
import { compareFigures, figureSnapshot, type FigureDelta, type FigureSnapshot } from './figure-deltas';
import { diffMaps, type MapChange } from './map-diff';

export * from './attribution';
export * from './figure-deltas';
export * from './map-diff';
export * from './change-text';
export * from './change-idea';
export * from './match-note';

export interface VersionComparison {
  changes: MapChange[];
  figures: FigureDelta[];
  topBottlenecks: { before: FigureSnapshot['topBottlenecks']; after: FigureSnapshot['topBottlenecks'] };
  attribution: Attribution;
}

export function compareVersions(older: MapDocument, newer: MapDocument): VersionComparison {
  const changes = diffMaps(older, newer);
  const before = figureSnapshot(older);
  const after = figureSnapshot(newer);
  return {
    changes,
    figures: compareFigures(before, after),
    topBottlenecks: { before: before.topBottlenecks, after: after.topBottlenecks },
    attribution: attributeChanges(older, newer, changes, {
      'wins-per-period': { older: before.values.winsPerPeriod.value, newer: after.values.winsPerPeriod.value },
      'win-rate': { older: before.values.winRate.value, newer: after.values.winRate.value },
    }),
  };
}

/** A small cache keyed by the two versions' ids and revisions; each editor session holds its own. */
export function createComparisonCache(limit = 8) {
  const entries = new Map<string, VersionComparison>();
  return {
    get(older: { id: string; revision: number; doc: MapDocument }, newer: { id: string; revision: number; doc: MapDocument }): VersionComparison {
      const key = `${older.id}@${older.revision}|${newer.id}@${newer.revision}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = compareVersions(older.doc, newer.doc);
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
