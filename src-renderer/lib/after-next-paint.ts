// Work that should wait until what is on screen has been painted (a big map's cards
// first, then what can follow).

/** Runs `work` once the next frame has been painted (or after a quarter second in a hidden tab, which paints no frames). */
export function afterNextPaint(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}
