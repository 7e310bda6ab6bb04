// React access to a workshop's facilitation records: one controller per mounted
// console, re-read whenever any window changes the session (pushed events).
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useEditorSession, useWorkshopEvents } from '../../session/SessionContext';
import { createSessionController, type SessionController } from './session-controller';

export function useSessionController(workshopId: string): SessionController {
  const { api, sessionChanges } = useEditorSession();
  const controller = useMemo(() => createSessionController(api, workshopId, { lines: sessionChanges }), [api, sessionChanges, workshopId]);
  useEffect(() => {
    void controller.refresh();
  }, [controller]);
  useWorkshopEvents(workshopId, (event) => {
    if (event.name === 'session.changed') void controller.refresh();
  });
  useSyncExternalStore(controller.subscribe, controller.current);
  useSyncExternalStore(controller.subscribe, controller.problem);
  return controller;
}

/** Re-renders every `ms` while mounted (the timer's digits and bar). */
export function useTick(ms: number): void {
  const subscribe = useMemo(
    () => (notify: () => void) => {
      const id = setInterval(notify, ms);
      return () => clearInterval(id);
    },
    [ms],
  );
  useSyncExternalStore(subscribe, () => Math.floor(Date.now() / ms));
}
