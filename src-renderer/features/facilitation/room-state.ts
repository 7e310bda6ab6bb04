// What the room is shown, held by the presenter console: the audience view and what
// is hidden, the timer, the current vote, parking lot, decisions and the agenda.
// Pure transitions, so the console and the tests share them.
import {
  idleTimer,
  initialAudienceState,
  standardAgenda,
  type AgendaItem,
  type AudienceState,
  type AudienceView,
  type Decision,
  type ParkingItem,
  type Timer,
  type VotingRound,
} from '../../../src-shared/domain/facilitation';

export interface RoomState {
  audience: AudienceState;
  timer: Timer;
  /** The current voting round, if one was opened. */
  round: VotingRound | null;
  parkingLot: ParkingItem[];
  decisions: Decision[];
  agenda: AgendaItem[];
  /** The agenda item now running; -1 before the first. */
  agendaAt: number;
}

export function initialRoomState(newId: () => string): RoomState {
  return {
    audience: initialAudienceState(),
    timer: idleTimer(0),
    round: null,
    parkingLot: [],
    decisions: [],
    agenda: standardAgenda(newId),
    agendaAt: -1,
  };
}

export const showView = (room: RoomState, view: AudienceView): RoomState => ({ ...room, audience: { ...room.audience, view } });

export const toggleNumbers = (room: RoomState): RoomState => ({
  ...room,
  audience: { ...room.audience, hideNumbers: !room.audience.hideNumbers },
});

/** Hides a map object from the room, or reveals it again. */
export function toggleHidden(room: RoomState, id: string): RoomState {
  const hidden = room.audience.hiddenIds.includes(id);
  const hiddenIds = hidden ? room.audience.hiddenIds.filter((x) => x !== id) : [...room.audience.hiddenIds, id];
  return { ...room, audience: { ...room.audience, hiddenIds } };
}

export function revealAll(room: RoomState): RoomState {
  return { ...room, audience: { ...room.audience, hideNumbers: false, hiddenIds: [] } };
}

/** The agenda step that comes next, or null after the last. */
export function nextStep(room: RoomState): AgendaItem | null {
  return room.agenda[room.agendaAt + 1] ?? null;
}

/** Moves to the next agenda step: the room sees its view and the timer is set to its time box (not started). */
export function advanceAgenda(room: RoomState): RoomState {
  const next = nextStep(room);
  if (!next) return room;
  return { ...showView(room, next.view), agendaAt: room.agendaAt + 1, timer: idleTimer(next.minutes * 60_000) };
}

export const setTimer = (room: RoomState, timer: Timer): RoomState => ({ ...room, timer });

/** A short name of what the room sees, for the console ("Focused stage: Evaluate options"). */
export function describeView(view: AudienceView, stageName: (id: string) => string | null): string {
  switch (view.kind) {
    case 'blank':
      return 'Blank screen';
    case 'map':
      return 'Whole map';
    case 'stage':
      return `Focused stage: ${stageName(view.stageId) ?? 'a stage no longer on the map'}`;
    case 'figures':
      return 'Figures';
    case 'vote':
      return 'Current vote';
    case 'timer':
      return 'Timer';
    case 'parking-lot':
      return 'Parking lot';
    case 'decisions':
      return 'Decisions';
  }
}
