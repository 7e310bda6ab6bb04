// The measured sizes of the arrow labels (CSS pixels at zoom 1, i.e. map units),
// so the canvas can place them where they cover nothing and tidy layout can leave
// room for them. A label's size changes with its text and in the overview zoom.
import { create } from 'zustand';
import type { Size } from './label-placement';

interface LabelSizes {
  sizes: ReadonlyMap<string, Size>;
}

export const useLabelSizes = create<LabelSizes>(() => ({ sizes: new Map() }));

const pending = new Map<string, Size | null>();
let flushing = false;

function flush(): void {
  flushing = false;
  const current = useLabelSizes.getState().sizes;
  let changed = false;
  const next = new Map(current);
  for (const [id, size] of pending) {
    const old = current.get(id);
    if (size === null) changed = next.delete(id) || changed;
    else if (!old || old.width !== size.width || old.height !== size.height) {
      next.set(id, size);
      changed = true;
    }
  }
  pending.clear();
  if (changed) useLabelSizes.setState({ sizes: next });
}

function report(id: string, size: Size | null): void {
  pending.set(id, size);
  if (!flushing) {
    flushing = true;
    queueMicrotask(flush);
  }
}

const observer =
  typeof ResizeObserver === 'undefined'
    ? null
    : new ResizeObserver((entries) => {
        for (const entry of entries) {
          const el = entry.target as HTMLElement;
          const id = el.dataset.edgeId;
          // offsetWidth/Height: the layout size, unaffected by the canvas zoom.
          if (id) report(id, { width: el.offsetWidth, height: el.offsetHeight });
        }
      });

/** A callback ref for a label element (with data-edge-id): measures it while it is on screen. */
export function measureLabel(el: HTMLElement | null): (() => void) | undefined {
  if (!el || !observer) return undefined;
  observer.observe(el);
  return () => observer.unobserve(el);
}

/** Forgets labels whose arrows are gone. */
export function forgetLabels(keep: ReadonlySet<string>): void {
  for (const id of useLabelSizes.getState().sizes.keys()) if (!keep.has(id)) report(id, null);
}
