// The votes each idea got in the room's closed voting rounds, kept current by the pushed
// session.changed events, so the Improvements view ranks and shows them as the report does.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { votesByTarget } from '../../../src-shared/domain/facilitation';
import { useEditorSession, useWorkshopEvents } from '../../session/SessionContext';
import { createSessionController } from '../facilitation/session-controller';

const noSubscription = () => () => {};

export function useRoomVotes(workshopId: string | null): ReadonlyMap<string, number> {
  const { api } = useEditorSession();
  const ctl = useMemo(() => (workshopId ? createSessionController(api, workshopId) : null), [api, workshopId]);
  useEffect(() => {
    void ctl?.refresh();
  }, [ctl]);
  useWorkshopEvents(workshopId, (event) => {
    if (event.name === 'session.changed') void ctl?.refresh();
  });
  const session = useSyncExternalStore(ctl?.subscribe ?? noSubscription, () => ctl?.current() ?? null);
  return useMemo(() => votesByTarget(session?.rounds ?? []), [session]);
}
