// A <select> that lists every stage of the map (the room switch, "Add a transition
// to…") held an option element, a text node and their React fibers per stage for as
// long as the editor was open: some 16,000 fibers on a 2,000-stage map, for lists
// nobody had opened. A long list renders its options only while someone reaches for
// the select: pointer over it, pressed, or focused (Tab, or the R shortcut). Until
// then only the options it shows need to be there. Short lists are always full, so a
// workshop-sized map behaves exactly as a plain <select>.
import { useState } from 'react';

/** From this many options a select renders them only when reached for. */
export const LONG_LIST_OPTIONS = 200;

/** The options a select renders: all of them when short or reached for, else only those `shown` keeps (the selected one). */
export function optionsToRender<T>(options: readonly T[], reached: boolean, shown: (option: T) => boolean): readonly T[] {
  return reached || options.length < LONG_LIST_OPTIONS ? options : options.filter(shown);
}

/** Whether the select is reached for, and the handlers that say so: spread them on the <select>. */
export function useReachedFor(): {
  reached: boolean;
  handlers: {
    onPointerEnter(): void;
    onPointerDown(): void;
    onFocus(): void;
    onPointerLeave(event: { currentTarget: Element }): void;
    onBlur(): void;
  };
} {
  const [reached, setReached] = useState(false);
  const reach = () => setReached(true);
  return {
    reached,
    handlers: {
      onPointerEnter: reach,
      // A press opens the list: React renders the options before the browser shows them.
      onPointerDown: reach,
      onFocus: reach,
      onPointerLeave: (event) => {
        if (document.activeElement !== event.currentTarget) setReached(false);
      },
      onBlur: () => setReached(false),
    },
  };
}
