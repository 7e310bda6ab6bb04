// Carries what the room sees from the presenter console to the audience window of the
// same workshop, pushed as it changes: a BroadcastChannel between windows of the app's
// origin (both Electron windows and browser tabs), never window.opener. The audience
// asks for the current state when it opens; late or repeated messages are ignored.
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { RoomState } from './room-state';

export type RoomMessage =
  | { type: 'hello' }
  | { type: 'room'; from: string; seq: number; room: RoomState }
  | { type: 'map'; from: string; seq: number; versionId: string; doc: MapDocument };

/** The pipe itself: a BroadcastChannel in the app, an in-memory bus in tests. */
export interface RoomPort {
  post(message: RoomMessage): void;
  listen(onMessage: (message: RoomMessage) => void): () => void;
  close(): void;
}

export const roomChannelName = (workshopId: string) => `leanmap.room.${workshopId}`;

export function broadcastPort(workshopId: string): RoomPort {
  const channel = new BroadcastChannel(roomChannelName(workshopId));
  return {
    post: (message) => channel.postMessage(message),
    listen(onMessage) {
      const handler = (e: MessageEvent) => onMessage(e.data as RoomMessage);
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}

export interface PresenterLink {
  publishRoom(room: RoomState): void;
  publishMap(versionId: string, doc: MapDocument): void;
  close(): void;
}

/** The console's side: publishes changes and answers an audience that just opened. */
export function presenterLink(port: RoomPort, current: () => { room: RoomState; map: { versionId: string; doc: MapDocument } | null }): PresenterLink {
  const from = Math.random().toString(36).slice(2);
  let seq = 0;
  const sendRoom = (room: RoomState) => port.post({ type: 'room', from, seq: ++seq, room });
  const sendMap = (versionId: string, doc: MapDocument) => port.post({ type: 'map', from, seq: ++seq, versionId, doc });
  const stop = port.listen((message) => {
    if (message.type !== 'hello') return;
    const now = current();
    sendRoom(now.room);
    if (now.map) sendMap(now.map.versionId, now.map.doc);
  });
  return {
    publishRoom: sendRoom,
    publishMap: sendMap,
    close() {
      stop();
      port.close();
    },
  };
}

export interface AudienceHandlers {
  onRoom(room: RoomState): void;
  onMap(versionId: string, doc: MapDocument): void;
}

/** The audience's side: asks for the state once, then applies only newer messages of each console. */
export function audienceLink(port: RoomPort, handlers: AudienceHandlers): () => void {
  const lastSeen = new Map<string, { room: number; map: number }>();
  const stop = port.listen((message) => {
    if (message.type === 'hello') return;
    const seen = lastSeen.get(message.from) ?? { room: 0, map: 0 };
    if (message.seq <= seen[message.type]) return;
    lastSeen.set(message.from, { ...seen, [message.type]: message.seq });
    if (message.type === 'room') handlers.onRoom(message.room);
    else handlers.onMap(message.versionId, message.doc);
  });
  port.post({ type: 'hello' });
  return () => {
    stop();
    port.close();
  };
}
