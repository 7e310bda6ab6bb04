// The editor's ear on other windows: map saves go to the remote updater (load, merge
// or conflict), version and title changes refresh the workshop, plan changes reload
// the plan, improvement changes reload the improvements. Nothing here finds out about another window's edit from a refused save.
import { useEffect, useMemo } from 'react';
import type { WorkshopEvent } from '../../../src-shared/api/events';
import { useEditorSession, useWorkshopEvents } from '../../session/SessionContext';
import type { EditorSession } from '../../session/editor-session';
import { createRemoteUpdates } from '../../store/remote-updates';

export function useRemoteUpdates(workshopId: string): void {
  const session = useEditorSession();
  const remote = useMemo(
    () => createRemoteUpdates({ api: session.api, store: session.document, saver: session.saver, windowId: session.windowId }),
    [session],
  );
  useEffect(() => remote.watchConflicts(), [remote]);

  useWorkshopEvents(workshopId, (event: WorkshopEvent) => {
    const mine = event.payload.byWindow === session.windowId;
    switch (event.name) {
      case 'map.saved':
        void remote.onEvent(event).then(() => dropVanishedSelection(session));
        return;
      case 'workshop.changed':
        if (!mine) void refreshWorkshop(session, workshopId);
        return;
      case 'metric.changed': {
        const plan = session.plan.getState();
        if (!mine && plan.versionId === event.payload.versionId) void plan.refresh(event.payload.versionId);
        return;
      }
      case 'improvement.changed':
        // This window's own changes are already in its list.
        if (!mine) void session.improvements.getState().refresh(workshopId);
        return;
      default:
        return;
    }
  });
}

/** Keeps the selection (and so the viewport and inspector) unless its object was deleted elsewhere. */
function dropVanishedSelection(session: EditorSession): void {
  const selection = session.ui.getState().selection;
  const doc = session.document.getState().history?.doc;
  if (!selection || !doc) return;
  const list = selection.kind === 'stage' ? doc.stages : selection.kind === 'outcome' ? doc.outcomes : doc.transitions;
  if (!list.some((x) => x.id === selection.id)) session.ui.getState().select(null);
}

/** New title, details or versions from another window; the open map itself is untouched. */
async function refreshWorkshop(session: EditorSession, workshopId: string): Promise<void> {
  const result = await session.api.call('workshop.get', { id: workshopId });
  const state = session.document.getState();
  if (!result.ok || state.workshop?.id !== workshopId) return;
  const shown = result.value.versions.find((v) => v.id === state.versionId);
  session.document.setState({ workshop: result.value, ...(shown ? { versionName: shown.name } : {}) });
}
