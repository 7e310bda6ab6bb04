// The presenter console's room state for one workshop: kept here while the console is
// open and pushed to the audience window at every change (and the map at every edit).
import { useCallback, useEffect, useRef, useState } from 'react';
import { newId } from '../../../src-shared/domain/ids';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { broadcastPort, presenterLink, type PresenterLink } from './room-channel';
import { initialRoomState, type RoomState } from './room-state';

export function usePresenterRoom(workshopId: string): [RoomState, (change: (room: RoomState) => RoomState) => void] {
  const [room, setRoom] = useState<RoomState>(() => initialRoomState(newId));
  const roomRef = useRef(room);
  const link = useRef<PresenterLink | null>(null);

  useEffect(() => {
    const current = () => {
      const doc = selectDoc(useDocumentStore.getState());
      const versionId = useDocumentStore.getState().versionId;
      return { room: roomRef.current, map: doc && versionId ? { versionId, doc } : null };
    };
    const opened = presenterLink(broadcastPort(workshopId), current);
    link.current = opened;
    // Every edit on screen reaches the projector at once, saved or not.
    const stopMap = useDocumentStore.subscribe((state, before) => {
      const doc = selectDoc(state);
      if (doc && state.versionId && doc !== selectDoc(before)) opened.publishMap(state.versionId, doc);
    });
    const now = current();
    opened.publishRoom(now.room);
    if (now.map) opened.publishMap(now.map.versionId, now.map.doc);
    return () => {
      stopMap();
      opened.close();
      link.current = null;
    };
  }, [workshopId]);

  const change = useCallback((apply: (room: RoomState) => RoomState) => {
    const next = apply(roomRef.current);
    if (next === roomRef.current) return;
    roomRef.current = next;
    setRoom(next);
    link.current?.publishRoom(next);
  }, []);
  return [room, change];
}
