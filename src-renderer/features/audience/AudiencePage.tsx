// The audience window (#/audience/<workshopId>): what the projector shows, read-only
// and without chrome. It shows the stored session's audience view and follows the
// pushed events (session.changed, map.saved), never window.opener.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session } from '../../../src-shared/api/contract';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { useEditorSession, useWorkshopEvents } from '../../session/SessionContext';
import { useSessionController } from '../facilitation/use-session';
import { AudienceDecisions, AudienceFigures, AudienceMap, AudienceMessage, AudienceParkingLot, AudienceStage, AudienceTimer, AudienceVote } from './AudienceViews';

/** The round the vote view shows: the one named, else the latest open one, else the latest. */
function roundShown(session: Session, roundId: string | null) {
  if (roundId) return session.rounds.find((r) => r.id === roundId) ?? null;
  return [...session.rounds].reverse().find((r) => r.status === 'open') ?? session.rounds.at(-1) ?? null;
}

export function AudiencePage({ workshopId }: { workshopId: string }) {
  const { api } = useEditorSession();
  const ctl = useSessionController(workshopId);
  const session = ctl.current();
  const [doc, setDoc] = useState<MapDocument | null>(null);
  const [problem, setProblem] = useState('');
  const shown = useRef<{ versionId: string; revision: number } | null>(null);

  const loadMap = useCallback(
    async (versionId?: string) => {
      const workshop = await api.call('workshop.get', { id: workshopId });
      if (!workshop.ok) return setProblem(workshop.error.message);
      const id = versionId ?? workshop.value.versions[0]?.id;
      if (!id) return;
      const version = await api.call('map.get', { versionId: id });
      if (!version.ok) return;
      // Answers can arrive out of order: a slower, older one never replaces a newer map.
      const before = shown.current;
      if (before && before.versionId === id && before.revision > version.value.revision) return;
      shown.current = { versionId: id, revision: version.value.revision };
      setDoc(version.value.document);
    },
    [api, workshopId],
  );

  useEffect(() => {
    void loadMap();
  }, [loadMap]);
  // The version the room sees follows the one last saved in any window.
  useWorkshopEvents(workshopId, (event) => {
    if (event.name === 'map.saved') void loadMap(event.payload.versionId);
  });
  useEffect(() => {
    document.title = 'Leanmap — audience';
  }, []);

  const view = session?.audience.view ?? { kind: 'blank' as const };
  let body;
  if (problem || ctl.problem()) body = <AudienceMessage text={problem || ctl.problem()} />;
  else if (!session || view.kind === 'blank') body = null;
  else if (view.kind === 'timer') body = <AudienceTimer timer={session.timer} now={ctl.now} />;
  else if (view.kind === 'vote') body = <AudienceVote round={roundShown(session, view.roundId)} />;
  else if (view.kind === 'parking-lot') body = <AudienceParkingLot items={session.parkingLot} />;
  else if (view.kind === 'decisions') body = <AudienceDecisions decisions={session.decisions} />;
  else if (!doc) body = <AudienceMessage text="Opening the map…" />;
  else if (view.kind === 'map') body = <AudienceMap doc={doc} hiddenIds={session.audience.hiddenIds} hideNumbers={session.audience.hideNumbers} />;
  else if (view.kind === 'stage') body = <AudienceStage doc={doc} stageId={view.stageId} />;
  else body = <AudienceFigures doc={doc} hideNumbers={session.audience.hideNumbers} />;

  return (
    <main className={`audience audience-${view.kind}`} data-testid="audience" data-view={view.kind}>
      {body}
    </main>
  );
}
