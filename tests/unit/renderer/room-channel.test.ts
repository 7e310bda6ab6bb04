// The presenter console pushes what the room sees to the audience window: the audience
// asks once when it opens, then applies only newer messages, whatever order they arrive in.
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../src-shared/domain/map-document';
import { audienceLink, presenterLink, type RoomMessage, type RoomPort } from '../../../src-renderer/features/facilitation/room-channel';
import { initialRoomState, showView, type RoomState } from '../../../src-renderer/features/facilitation/room-state';

/** An in-memory BroadcastChannel: a message reaches every other port, never its sender; delivery can be held back. */
function bus() {
  const ports: { deliver: (m: RoomMessage) => void; closed: boolean }[] = [];
  let held: (() => void)[] | null = null;
  const port = (): RoomPort => {
    const me = { deliver: (_m: RoomMessage) => undefined as void, closed: false };
    ports.push(me);
    return {
      post(message) {
        for (const other of ports) {
          if (other === me || other.closed) continue;
          const copy = structuredClone(message);
          if (held) held.push(() => other.deliver(copy));
          else other.deliver(copy);
        }
      },
      listen(onMessage) {
        me.deliver = onMessage;
        return () => (me.deliver = () => undefined);
      },
      close: () => (me.closed = true),
    };
  };
  return {
    port,
    hold: () => (held = []),
    /** Releases the held messages in the given order of indices. */
    release(order: (list: (() => void)[]) => (() => void)[]) {
      const list = held ?? [];
      held = null;
      for (const deliver of order(list)) deliver();
    },
  };
}

let ids = 0;
const newId = () => `id${++ids}`;

describe('room channel', () => {
  it('gives an audience that opens late the current view and map at once', () => {
    const b = bus();
    const room = showView(initialRoomState(newId), { kind: 'map' });
    const doc = emptyDocument();
    presenterLink(b.port(), () => ({ room, map: { versionId: 'v1', doc } }));
    const seen: RoomState[] = [];
    const maps: string[] = [];
    audienceLink(b.port(), { onRoom: (r) => seen.push(r), onMap: (v) => maps.push(v) });
    expect(seen.map((r) => r.audience.view.kind)).toEqual(['map']);
    expect(maps).toEqual(['v1']);
  });

  it('follows each change the console publishes', () => {
    const b = bus();
    const room = initialRoomState(newId);
    const console_ = presenterLink(b.port(), () => ({ room, map: null }));
    const seen: string[] = [];
    audienceLink(b.port(), { onRoom: (r) => seen.push(r.audience.view.kind), onMap: () => undefined });
    console_.publishRoom(showView(room, { kind: 'timer' }));
    console_.publishRoom(showView(room, { kind: 'stage', stageId: 's1' }));
    expect(seen).toEqual(['blank', 'timer', 'stage']);
  });

  it('ignores a late older message: the last view chosen wins even when delivery is reordered', () => {
    const b = bus();
    const room = initialRoomState(newId);
    const console_ = presenterLink(b.port(), () => ({ room, map: null }));
    const seen: string[] = [];
    audienceLink(b.port(), { onRoom: (r) => seen.push(r.audience.view.kind), onMap: () => undefined });
    b.hold();
    console_.publishRoom(showView(room, { kind: 'figures' }));
    console_.publishRoom(showView(room, { kind: 'decisions' }));
    b.release((list) => [...list].reverse());
    expect(seen.at(-1)).toBe('decisions');
    expect(seen).not.toContain('figures');
  });

  it('keeps map and room messages apart: a newer room message never hides an older map edit', () => {
    const b = bus();
    const room = initialRoomState(newId);
    const console_ = presenterLink(b.port(), () => ({ room, map: null }));
    const maps: string[] = [];
    audienceLink(b.port(), { onRoom: () => undefined, onMap: (v) => maps.push(v) });
    b.hold();
    console_.publishMap('v1', emptyDocument());
    console_.publishRoom(showView(room, { kind: 'map' }));
    b.release((list) => [...list].reverse());
    expect(maps).toEqual(['v1']);
  });

  it('accepts a console that was reopened (its counting starts again)', () => {
    const b = bus();
    const room = initialRoomState(newId);
    const first = presenterLink(b.port(), () => ({ room, map: null }));
    const seen: string[] = [];
    audienceLink(b.port(), { onRoom: (r) => seen.push(r.audience.view.kind), onMap: () => undefined });
    first.publishRoom(showView(room, { kind: 'figures' }));
    first.close();
    const second = presenterLink(b.port(), () => ({ room, map: null }));
    second.publishRoom(showView(room, { kind: 'timer' }));
    expect(seen.at(-1)).toBe('timer');
  });

  it('stops listening once the audience closes', () => {
    const b = bus();
    const room = initialRoomState(newId);
    const console_ = presenterLink(b.port(), () => ({ room, map: null }));
    const seen: string[] = [];
    const stop = audienceLink(b.port(), { onRoom: (r) => seen.push(r.audience.view.kind), onMap: () => undefined });
    stop();
    console_.publishRoom(showView(room, { kind: 'timer' }));
    expect(seen).toEqual(['blank']);
  });
});
