// The renderer's composition root: one session per window, built from injected parts
// (API client with its transport, host capabilities, pushed events) and owning what
// the open map needs: the document with its undo history, the saver and its journal,
// the measurement plan and the analysis cache. A second window, the audience view
// and tests each build their own.
import type { StoreApi } from 'zustand';
import type { ApiClient } from '../api/client';
import { createApiClient } from '../api/client';
import { bridgeTransport, httpTransport, readAccessToken, type Transport } from '../api/transports';
import { browserHost, electronHost, type Host } from '../host/host';
import { createDocumentStore, type DocumentState } from '../store/document-store';
import { createPlanStore, type PlanState } from '../store/plan-store';
import { createSaver, type PageLifecycle, type Saver, type SaverTimers } from '../store/saver';
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
  readonly saver: Saver;
  /** Unsaved edits kept in the window until the save is confirmed. */
  readonly journal: UnsavedJournal;
  /** When and where the process analysis is computed (a worker for large maps). */
  readonly analysis: AnalysisRunner;
}

export interface SessionParts {
  transport: Transport;
  host: Host;
  events: WorkshopEventSource;
  windowId?: string;
  /** The stores to own; fresh ones when not given (the app passes its bound hooks). */
  stores?: { document?: StoreApi<DocumentState>; plan?: StoreApi<PlanState> };
  journal?: UnsavedJournal;
  page?: PageLifecycle;
  timers?: SaverTimers;
}

export function newWindowId(random: () => string = () => crypto.randomUUID()): string {
  return `w-${random()}`;
}

export function createEditorSession({ transport, host, events, windowId = newWindowId(), stores = {}, journal = memoryJournal(), page, timers }: SessionParts): EditorSession {
  const api = createApiClient(transport);
  const document = stores.document ?? createDocumentStore();
  const plan = stores.plan ?? createPlanStore(api);
  const saver = createSaver({ api: () => api, store: document, journal, ...(page ? { page } : {}), ...(timers ? { timers } : {}) });
  return { windowId, api, host, events, document, plan, saver, journal, analysis: createAnalysisRunner() };
}

/** The transport, host and events for the window this renderer runs in: Electron's bridge or the browser host. */
export function partsForThisWindow(windowId: string = newWindowId()): Pick<SessionParts, 'windowId' | 'transport' | 'host' | 'events'> {
  if (window.leanmap) {
    return { windowId, transport: bridgeTransport(window.leanmap, windowId), host: electronHost(window.leanmap), events: bridgeEventSource(window.leanmap) };
  }
  const token = readAccessToken();
  return { windowId, transport: httpTransport(token, windowId), host: browserHost, events: sseEventSource({ token }) };
}

/** Subscribes a listener to one workshop through a session (outside React). */
export function subscribeWorkshop(session: EditorSession, workshopId: string, listener: WorkshopEventListener): () => void {
  return session.events.subscribe(workshopId, listener);
}
