// The renderer's composition root: one session per window, built from injected parts
// (API client with its transport, host capabilities, pushed events) and owning what
// the open map needs: the document with its undo history, the saver and its journal,
// the measurement plan, the improvements, the selection and the analysis cache. A
// second window, the audience view and tests each build their own; nothing of it is
// module state (tests/unit/renderer/no-singletons.test.ts keeps it so).
import type { StoreApi } from 'zustand';
import type { ApiClient } from '../api/client';
import { createApiClient } from '../api/client';
import { readAccessToken, type Transport } from '../api/transports';
import { newWindowId } from './window-id';
import { browserHost, electronHost, type Host } from '../host/host';
import { createChangeLines, type ChangeLines } from '../features/facilitation/session-controller';
import { createMarksCache, type MarksCache } from '../features/improvements/marks';
import { createDocumentStore, type DocumentState } from '../store/document-store';
import { createImprovementStore, type ImprovementState } from '../store/improvement-store';
import { createPlanStore, type PlanState } from '../store/plan-store';
import { createSaver, type PageLifecycle, type Saver, type SaverTimers } from '../store/saver';
import { createUiStore, type UiState } from '../store/ui-store';
import { memoryJournal, type UnsavedJournal } from '../store/unsaved-journal';
import { createAnalysisRunner, type AnalysisRunner } from '../store/analysis-runner';
import { bridgeEventSource, sseEventSource, type WorkshopEventListener, type WorkshopEventSource } from './event-source';

export interface EditorSession {
  /** This window's id: sent with each call, so the events it causes name it. */
  readonly windowId: string;
  readonly api: ApiClient;
  readonly host: Host;
  readonly events: WorkshopEventSource;
  /** The open map version: document, undo history and save state. */
  readonly document: StoreApi<DocumentState>;
  readonly plan: StoreApi<PlanState>;
  readonly improvements: StoreApi<ImprovementState>;
  /** The selection (stage, outcome or arrow), the side panel's state and the notices. */
  readonly ui: StoreApi<UiState>;
  readonly saver: Saver;
  /** Unsaved edits kept in the window until the save is confirmed. */
  readonly journal: UnsavedJournal;
  /** When and where the process analysis is computed (a worker for large maps). */
  readonly analysis: AnalysisRunner;
  /** Which stages and arrows improvements address, worked out once per map and list. */
  readonly improvementMarks: MarksCache;
  /** The window's facilitation changes, sent one after another per workshop. */
  readonly sessionChanges: ChangeLines;
}

export interface SessionParts {
  transport: Transport;
  host: Host;
  events: WorkshopEventSource;
  windowId?: string;
  journal?: UnsavedJournal;
  page?: PageLifecycle;
  timers?: SaverTimers;
}

export function createEditorSession({ transport, host, events, windowId = newWindowId(), journal = memoryJournal(), page, timers }: SessionParts): EditorSession {
  const api = createApiClient(transport);
  const ui = createUiStore();
  const notify: UiState['notify'] = (notice, timeoutMs) => ui.getState().notify(notice, timeoutMs);
  const document = createDocumentStore();
  const saver = createSaver({ api: () => api, store: document, journal, ...(page ? { page } : {}), ...(timers ? { timers } : {}) });
  const plan = createPlanStore({ api, notify });
  // Ideas are checked against the saved map: the store saves this session's pending edit first.
  const improvements = createImprovementStore({ api, savePendingMap: () => saver.flush(), notify });
  return {
    windowId,
    api,
    host,
    events,
    document,
    plan,
    improvements,
    ui,
    saver,
    journal,
    analysis: createAnalysisRunner(),
    improvementMarks: createMarksCache(),
    sessionChanges: createChangeLines(),
  };
}

/**
 * The host and events for the window this renderer runs in (Electron's bridge or the
 * browser host), around the transport the entry made for it (transportForThisWindow).
 */
export function partsForThisWindow(windowId: string, transport: Transport): Pick<SessionParts, 'windowId' | 'transport' | 'host' | 'events'> {
  if (window.leanmap) return { windowId, transport, host: electronHost(window.leanmap), events: bridgeEventSource(window.leanmap) };
  return { windowId, transport, host: browserHost, events: sseEventSource({ token: readAccessToken() }) };
}

/** Subscribes a listener to one workshop through a session (outside React). */
export function subscribeWorkshop(session: EditorSession, workshopId: string, listener: WorkshopEventListener): () => void {
  return session.events.subscribe(workshopId, listener);
}
