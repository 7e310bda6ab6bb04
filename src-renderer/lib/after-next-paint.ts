// Work that should wait until what is on screen has been painted (a big map's cards
// first, then what can follow).

/** After a painted frame, idle time is waited for at most this long (a busy page may have none). */
const IDLE_WAIT_MS = 100;

/**
 * Runs `work` once the next frame has been painted and the page has a moment (an idle
 * period, or IDLE_WAIT_MS), so input and other short tasks waiting since that frame go
 * first; or after a quarter second in a hidden tab, which paints no frames.
 */
export function afterNextPaint(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(once, { timeout: IDLE_WAIT_MS });
      else setTimeout(once, 0);
    });
  }
  setTimeout(once, 250);
}
