// What is selected on the canvas, how the editor is laid out and which transient
// notices show; never persisted. Each EditorSession owns one (a second window or a
// test has its own selection).
import { createStore, useStore } from 'zustand';
import { useEditorSession } from '../session/SessionContext';

export type Selection = { kind: 'stage' | 'outcome' | 'transition'; id: string } | null;

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export type SidePanel = 'edit' | 'figures' | 'checks';

export interface UiState {
  selection: Selection;
  /** Which tab of the side panel shows. */
  panel: SidePanel;
  setPanel(panel: SidePanel): void;
  /** Selects a map element and shows it in the inspector (from a figure or a check). */
  reveal(selection: NonNullable<Selection>): void;
  /** A stage just added by the facilitator: its name field takes the focus. */
  justAdded: string | null;
  notices: Notice[];
  /** The side panel folded away, so the map has the width (key P). */
  sidePanelHidden: boolean;
  /** The overview in the canvas corner (key M); off gives the map that corner back. */
  minimapShown: boolean;
  /** The map alone in the whole window: no toolbar, console or side panel (key W). */
  mapOnly: boolean;
  /**
   * Tidy layout is being worked out (elkjs loads on first use and a long journey takes
   * a moment): the Tidy button says so and a second press waits.
   */
  tidying: boolean;
  /** Tidy layouts finished in this window, shown on the canvas so a test can wait for the next one. */
  tidyRuns: number;
  setTidying(tidying: boolean): void;
  toggleSidePanel(): void;
  toggleMinimap(): void;
  toggleMapOnly(): void;
  select(selection: Selection): void;
  /** Selects a stage just added: its name field takes the focus when the inspector shows it. */
  selectAdded(selection: NonNullable<Selection>): void;
  /** Nothing selected, nothing just added (another map was opened). */
  clearSelection(): void;
  /** Done with a new stage's name: showing it again must not take the focus back. */
  settleAdded(): void;
  notify(notice: Omit<Notice, 'id'>, timeoutMs?: number): void;
  dismiss(id: number): void;
}

/** Notifies the facilitator (a store's refusal, a command's result). */
export type Notify = UiState['notify'];

export const createUiStore = () => {
  let nextNoticeId = 1;
  return createStore<UiState>()((set, get) => ({
    selection: null,
    panel: 'edit',
    setPanel: (panel) => set({ panel }),
    // Showing a card in the inspector brings a hidden side panel back.
    reveal: (selection) => set({ selection, panel: 'edit', sidePanelHidden: false, mapOnly: false }),
    justAdded: null,
    notices: [],
    sidePanelHidden: false,
    minimapShown: true,
    mapOnly: false,
    tidying: false,
    tidyRuns: 0,
    setTidying: (tidying) => set(tidying ? { tidying } : { tidying, tidyRuns: get().tidyRuns + 1 }),
    toggleSidePanel: () => set({ sidePanelHidden: !get().sidePanelHidden, mapOnly: false }),
    toggleMinimap: () => set({ minimapShown: !get().minimapShown }),
    toggleMapOnly: () => set({ mapOnly: !get().mapOnly }),
    select: (selection) => {
      const current = get().selection;
      if (current?.kind === selection?.kind && current?.id === selection?.id) return;
      // The name field takes the focus only when the stage is first shown after adding it.
      const justAdded = get().justAdded;
      set({ selection, justAdded: justAdded !== null && justAdded === selection?.id ? justAdded : null });
    },
    selectAdded: (selection) => set({ selection, justAdded: selection.id }),
    clearSelection: () => set({ selection: null, justAdded: null }),
    settleAdded: () => set({ justAdded: null }),
    notify: (notice, timeoutMs = 8000) => {
      const id = nextNoticeId++;
      set({ notices: [...get().notices, { ...notice, id }] });
      if (timeoutMs > 0) setTimeout(() => get().dismiss(id), timeoutMs);
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  }));
};

/** Reads the window's UI state (its EditorSession's) and re-renders when the selected part changes. */
export function useUiStore<T>(selector: (s: UiState) => T): T {
  return useStore(useEditorSession().ui, selector);
}
