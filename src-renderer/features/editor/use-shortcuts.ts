// Keyboard shortcuts of the editor. Single-letter keys only act when the focus
// is not in a text field, so typing "n" in a name never adds a stage.
import { useEffect } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import type { MapFlowNode, TransitionFlowEdge } from '../../canvas/flow-types';
import { useEditorSession } from '../../session/SessionContext';
import { addStageCommand, autoLayoutCommand } from './editor-commands';
import { FIT_VIEW } from '../../canvas/canvas-view';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useEditorShortcuts(
  flow: ReactFlowInstance<MapFlowNode, TransitionFlowEdge> | null,
  enabled: boolean,
  chooseOutcome: () => void,
): void {
  const session = useEditorSession();
  useEffect(() => {
    if (!enabled) return;
    const { document: map, ui } = session;
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (document.querySelector('dialog[open]')) return;
      if (mod && key === 'z') {
        // Undo works from a text field too: it first closes the edit being typed.
        e.preventDefault();
        if (e.shiftKey) map.getState().redo();
        else map.getState().undo();
        return;
      }
      if (mod && key === 'y') {
        e.preventDefault();
        map.getState().redo();
        return;
      }
      if (mod || e.altKey || isTyping(e.target)) return;
      if (key === 'n') {
        e.preventDefault();
        addStageCommand(session, flow);
      } else if (key === 'o') {
        e.preventDefault();
        // Which outcome is asked (OutcomeChooser), never assumed.
        if (!map.getState().readOnly) chooseOutcome();
      } else if (key === 'l') {
        e.preventDefault();
        void autoLayoutCommand(session, flow);
      } else if (key === 'f') {
        e.preventDefault();
        void flow?.fitView({ ...FIT_VIEW, duration: 300 });
      } else if (key === 'p') {
        e.preventDefault();
        ui.getState().toggleSidePanel();
      } else if (key === 'm') {
        e.preventDefault();
        ui.getState().toggleMinimap();
      } else if (key === 'w') {
        e.preventDefault();
        ui.getState().toggleMapOnly();
      } else if (key === 'enter' && ui.getState().selection) {
        const field = document.querySelector<HTMLElement>('.inspector input, .inspector textarea');
        if (field) {
          e.preventDefault();
          field.focus();
        }
      } else if (key === 'escape') {
        ui.getState().select(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session, flow, enabled, chooseOutcome]);
}
