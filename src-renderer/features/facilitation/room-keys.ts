// The facilitator's single-letter keys (S, R, N, 1, 5) act only when the focus is not
// in a field, so typing a topic or a count never starts the timer.

/** True when the key went to something the facilitator types into or picks from. */
export function isField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || el.closest('input, textarea, select, [contenteditable="true"]') !== null);
}
