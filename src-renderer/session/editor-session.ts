// The renderer's composition root: one session per window, built from injected parts
// (API client with its transport, host capabilities, pushed events). A second window,
// the audience view and tests each build their own; nothing here is module state.
import type { ApiClient } from '../api/client';
import { createApiClient } from '../api/client';
import { bridgeTransport, httpTransport, readAccessToken, type Transport } from '../api/transports';
import { browserHost, electronHost, type Host } from '../host/host';
import { bridgeEventSource, sseEventSource, type WorkshopEventListener, type WorkshopEventSource } from './event-source';

export interface EditorSession {
  /** This window's id: sent with each call, so the events it causes name it. */
  readonly windowId: string;
  readonly api: ApiClient;
  readonly host: Host;
  readonly events: WorkshopEventSource;
}

export interface SessionParts {
  transport: Transport;
  host: Host;
  events: WorkshopEventSource;
  windowId?: string;
}

export function newWindowId(random: () => string = () => crypto.randomUUID()): string {
  return `w-${random()}`;
}

export function createEditorSession({ transport, host, events, windowId = newWindowId() }: SessionParts): EditorSession {
  return { windowId, api: createApiClient(transport), host, events };
}

/** The parts for the window this renderer runs in: Electron's bridge or the browser host. */
export function partsForThisWindow(windowId: string = newWindowId()): SessionParts {
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
