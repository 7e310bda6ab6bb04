// Provides the window's EditorSession to every component (the only way a component
// reaches the API, the host or the saver); useWorkshopEvents listens to one
// workshop's pushed events for as long as the component is mounted.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { WorkshopEvent } from '../../src-shared/api/events';
import type { ApiClient } from '../api/client';
import type { Host } from '../host/host';
import type { Saver } from '../store/saver';
import type { EditorSession } from './editor-session';

const SessionContext = createContext<EditorSession | null>(null);

/** For hooks that also work without a session (they then cache nothing). */
export const OptionalSessionContext = SessionContext;

export function SessionProvider({ session, children }: { session: EditorSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useEditorSession(): EditorSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useEditorSession needs a <SessionProvider> above it.');
  return session;
}

/** The window's API client. */
export const useApi = (): ApiClient => useEditorSession().api;

/** The window's host capabilities (saving files, opening the audience window). */
export const useHost = (): Host => useEditorSession().host;

/** The window's saver: `flush()` before anything that reads the saved map. */
export const useSaver = (): Saver => useEditorSession().saver;

/**
 * Calls `onEvent` for each event of `workshopId` (null: none). The latest callback is
 * used without resubscribing, so an inline arrow function does not drop events.
 */
export function useWorkshopEvents(workshopId: string | null, onEvent: (event: WorkshopEvent) => void): void {
  const session = useEditorSession();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (!workshopId) return;
    return session.events.subscribe(workshopId, (event) => latest.current(event));
  }, [session, workshopId]);
}
