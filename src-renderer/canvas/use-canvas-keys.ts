// The keyboard on the map canvas. Arrow keys move the selected cards: each press
// changes the document (so it is saved), and a run of presses becomes one undo
// step once the keys stop. Tab walks the cards in journey order, then the arrows.
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, type FocusEvent, type KeyboardEvent } from 'react';
import { keyboardOrder } from '../../src-shared/domain/journey-order';
import { useEditorSession } from '../session/SessionContext';
import { canvasElement, focusMapElement, isPlacingFocus } from './canvas-focus';
import { revealMapElement } from './reveal';
import { ARROW_DIRECTIONS, createKeyboardMove } from './keyboard-move';
import type { MapFlowNode, TransitionFlowEdge } from './flow-types';

const ITEM = '.react-flow__node, .react-flow__edge';
/** The overview layer (overview-layer/) stands in for the cards while they are not mounted. */
const LAYER = '[data-overview-layer]';

function isTyping(el: HTMLElement): boolean {
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Time of the last Tab press: focus arriving right after it came by keyboard. */
let lastTabAt = -Infinity;
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (e) => e.key === 'Tab' && (lastTabAt = performance.now()), true);
}

export function useCanvasKeys() {
  const flow = useReactFlow<MapFlowNode, TransitionFlowEdge>();
  const session = useEditorSession();
  const move = useMemo(() => createKeyboardMove(session.document), [session]);
  // Leaving the editor mid-move still makes the move one undo step.
  useEffect(() => () => move.settle(), [move]);

  const reveal = useCallback((id: string) => revealMapElement(flow, session, id), [flow, session]);

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const target = e.target as HTMLElement;
      if (isTyping(target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const arrow = ARROW_DIRECTIONS[e.key];
      if (arrow && target.closest(`.react-flow__node, .react-flow__nodesselection, ${LAYER}`)) {
        // Instead of React Flow's own move, which changes only the screen.
        e.preventDefault();
        e.stopPropagation();
        move.press(
          flow.getNodes().filter((n) => n.selected).map((n) => n.id),
          arrow,
          e.shiftKey,
        );
        return;
      }
      if (e.key !== 'Tab') return;
      if (target.matches(LAYER)) {
        // From the whole map to the cards: the selected card, else the journey's start (or, backwards, its end).
        const doc = session.document.getState().history?.doc;
        const selected = session.ui.getState().selection?.id;
        const order = doc ? keyboardOrder(doc) : [];
        const wanted = selected && order.includes(selected) ? selected : e.shiftKey ? order.at(-1) : order[0];
        if (!wanted) return;
        e.preventDefault();
        reveal(wanted);
        return;
      }
      const item = target.closest<HTMLElement>(ITEM);
      const id = item?.getAttribute('data-id');
      const doc = session.document.getState().history?.doc;
      if (!id || !doc) return;
      const order = keyboardOrder(doc);
      const at = order.indexOf(id);
      if (at < 0) return;
      const next = order[at + (e.shiftKey ? -1 : 1)];
      if (next) {
        e.preventDefault();
        reveal(next);
        return;
      }
      // Past either end: leave the map from its edge in the page, as the browser would.
      const cards = canvasElement()?.querySelectorAll<HTMLElement>('.react-flow__node') ?? [];
      const edge = e.shiftKey ? cards[0] : cards[cards.length - 1];
      if (edge && edge !== target) {
        const edgeId = edge.getAttribute('data-id');
        if (edgeId) focusMapElement(edgeId);
      }
    },
    [flow, move, reveal, session],
  );

  /** Tabbing into the map from outside lands on the entry stage (or, backwards, on the last arrow). */
  const onFocusCapture = useCallback(
    (e: FocusEvent<HTMLElement>) => {
      if (isPlacingFocus() || performance.now() - lastTabAt > 500) return;
      const target = e.target as HTMLElement;
      const from = e.relatedTarget as HTMLElement | null;
      if (!target.matches(`${ITEM}, ${LAYER}`) || from?.closest(ITEM)) return;
      const doc = session.document.getState().history?.doc;
      if (!doc) return;
      const order = keyboardOrder(doc);
      const backwards = from !== null && (from.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      const wanted = backwards ? order.at(-1) : order[0];
      if (wanted) reveal(wanted);
    },
    [reveal, session],
  );

  /** Leaving the card mid-move (a click elsewhere) makes the move its undo step at once. */
  const onBlurCapture = useCallback(() => move.settle(), [move]);

  return { onKeyDownCapture, onFocusCapture, onBlurCapture };
}
