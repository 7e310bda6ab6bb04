// Provides the window's EditorSession to every component; useWorkshopEvents listens
// to one workshop's pushed events for as long as the component is mounted.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { WorkshopEvent } from '../../src-shared/api/events';
import type { EditorSession } from './editor-session';

const SessionContext = createContext<EditorSession | null>(null);

export function SessionProvider({ session, children }: { session: EditorSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useEditorSession(): EditorSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useEditorSession needs a <SessionProvider> above it.');
  return session;
}

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
