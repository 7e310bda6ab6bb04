// The audience window (#/audience/<workshopId>): what the projector shows, read-only
// and without chrome. It loads the workshop's map once, then follows what the
// presenter console pushes (the room state and the map as it is edited).
import { useEffect, useState } from 'react';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { api } from '../../api/client';
import { audienceLink, broadcastPort } from '../facilitation/room-channel';
import type { RoomState } from '../facilitation/room-state';
import { AudienceDecisions, AudienceFigures, AudienceMap, AudienceMessage, AudienceParkingLot, AudienceStage, AudienceTimer, AudienceVote } from './AudienceViews';

export function AudiencePage({ workshopId }: { workshopId: string }) {
  const [doc, setDoc] = useState<MapDocument | null>(null);
  const [room, setRoom] = useState<RoomState | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    let live = true;
    let pushed = false;
    const stop = audienceLink(broadcastPort(workshopId), {
      onRoom: (next) => setRoom(next),
      onMap: (_versionId, next) => {
        pushed = true;
        setDoc(next);
      },
    });
    void (async () => {
      const workshop = await api().call('workshop.get', { id: workshopId });
      if (!workshop.ok) return live && setProblem(workshop.error.message);
      const first = workshop.value.versions[0];
      if (!first) return;
      const version = await api().call('map.get', { versionId: first.id });
      // The console's copy is newer than the stored one while edits are being saved.
      if (live && version.ok && !pushed) setDoc(version.value.document);
    })();
    return () => {
      live = false;
      stop();
    };
  }, [workshopId]);

  useEffect(() => {
    document.title = 'Leanmap — audience';
  }, []);

  const view = room?.audience.view ?? { kind: 'blank' as const };
  let body;
  if (problem) body = <AudienceMessage text={problem} />;
  else if (view.kind === 'blank') body = null;
  else if (view.kind === 'timer') body = <AudienceTimer timer={room!.timer} />;
  else if (view.kind === 'vote') body = <AudienceVote round={room!.round} />;
  else if (view.kind === 'parking-lot') body = <AudienceParkingLot items={room!.parkingLot} />;
  else if (view.kind === 'decisions') body = <AudienceDecisions decisions={room!.decisions} />;
  else if (!doc) body = <AudienceMessage text="Opening the map…" />;
  else if (view.kind === 'map') body = <AudienceMap doc={doc} hiddenIds={room!.audience.hiddenIds} hideNumbers={room!.audience.hideNumbers} />;
  else if (view.kind === 'stage') body = <AudienceStage doc={doc} stageId={view.stageId} />;
  else body = <AudienceFigures doc={doc} hideNumbers={room!.audience.hideNumbers} />;

  return (
    <main className={`audience audience-${view.kind}`} data-testid="audience" data-view={view.kind}>
      {body}
    </main>
  );
}
