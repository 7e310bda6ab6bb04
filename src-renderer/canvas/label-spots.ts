// Where the canvas placed each arrow label (label-placement.ts), handed to the arrows
// outside React Flow's edge list. A label placed anew used to mean a new edge object and
// a new edge list, and React Flow rebuilds its lookup of every arrow of the map (and
// runs every edge selector) for each new list: at 1,000 stages that was the largest
// part of the frame after dropping a card. Here only the arrows whose label moved
// re-render.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Point } from './label-placement';

export interface LabelSpots {
  /** The placed centre of this arrow's label (the same object while it does not move), or null: at the arrow's middle. */
  get(id: string): Point | null;
  /** Replaces the placement; tells only the arrows whose label moved, appeared or went. */
  set(spots: ReadonlyMap<string, Point>): void;
  subscribe(id: string, listener: () => void): () => void;
}

const samePoint = (a: Point | undefined, b: Point | undefined) => a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y);

export function createLabelSpots(): LabelSpots {
  let spots: ReadonlyMap<string, Point> = new Map();
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (id) => spots.get(id) ?? null,
    set(next) {
      if (next === spots) return;
      const previous = spots;
      // A point equal to the one shown keeps its object, so the arrow's snapshot does not change.
      const kept = new Map<string, Point>();
      for (const [id, at] of next) {
        const old = previous.get(id);
        kept.set(id, old && samePoint(old, at) ? old : at);
      }
      spots = kept;
      for (const [id, set] of listeners) {
        if (previous.get(id) === kept.get(id)) continue;
        for (const listener of [...set]) listener();
      }
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
  };
}

/** No placement (an arrow drawn outside the editor's canvas): every label at its arrow's middle. */
const NONE: LabelSpots = { get: () => null, set: () => {}, subscribe: () => () => {} };

export const LabelSpotsContext = createContext<LabelSpots>(NONE);

/** The placed centre of this arrow's label, or null; re-renders only when it moves. */
export function useLabelSpot(id: string): Point | null {
  const spots = useContext(LabelSpotsContext);
  const subscribe = useCallback((listener: () => void) => spots.subscribe(id, listener), [spots, id]);
  const get = useCallback(() => spots.get(id), [spots, id]);
  return useSyncExternalStore(subscribe, get, get);
}
