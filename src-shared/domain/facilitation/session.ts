// A workshop's facilitation records as stored together (one JSON per workshop,
// validated on read and write) and the inputs the API accepts to change them.
import { z } from 'zod';
import { CalendarDateSchema } from '../calendar-date';
import { IdSchema } from '../map-document';
import { AgendaItemSchema, standardAgenda } from './agenda';
import { AudienceStateSchema, initialAudienceState } from './audience-view';
import { DecisionSchema } from './decisions';
import { ParkingItemSchema, PARKING_STATUSES } from './parking-lot';
import { idleTimer, TimerSchema } from './timer';
import { VoteTargetSchema, VotingRoundSchema } from './voting';

export const SessionRecordsSchema = z.strictObject({
  agenda: z.array(AgendaItemSchema).max(100),
  /** The agenda item being run now, if any. */
  currentItemId: IdSchema.nullable(),
  timer: TimerSchema,
  audience: AudienceStateSchema,
  rounds: z.array(VotingRoundSchema).max(500),
  parkingLot: z.array(ParkingItemSchema).max(1000),
  decisions: z.array(DecisionSchema).max(1000),
});
export type SessionRecords = z.infer<typeof SessionRecordsSchema>;

/** A new workshop's records: the standard kaizen agenda, its first item's time box on the timer. */
export function initialSession(newId: () => string): SessionRecords {
  const agenda = standardAgenda(newId);
  return {
    agenda,
    currentItemId: null,
    timer: idleTimer((agenda[0]?.minutes ?? 10) * 60_000),
    audience: initialAudienceState(),
    rounds: [],
    parkingLot: [],
    decisions: [],
  };
}

/** What session.update may replace wholesale; the timer and the logs change only by their own calls. */
export const SessionPatchSchema = z.strictObject({
  agenda: SessionRecordsSchema.shape.agenda.optional(),
  currentItemId: IdSchema.nullable().optional(),
  audience: AudienceStateSchema.optional(),
});
export type SessionPatch = z.infer<typeof SessionPatchSchema>;

export const TIMER_ACTIONS = ['start', 'pause', 'reset', 'add', 'set'] as const;
/** add: ms more (negative: less); set: an idle timer of ms; the end time is computed with the backend's clock. */
export const TimerActionSchema = z.strictObject({
  action: z.enum(TIMER_ACTIONS),
  ms: z.number().int().min(-24 * 3_600_000).max(24 * 3_600_000).optional(),
});
export type TimerAction = z.infer<typeof TimerActionSchema>;

export const VoteOpenSchema = z.strictObject({
  question: VotingRoundSchema.shape.question,
  votesPerPerson: VotingRoundSchema.shape.votesPerPerson,
  targets: z.array(VoteTargetSchema).min(1, 'Pick at least one thing to vote on').max(200),
});
export type VoteOpen = z.infer<typeof VoteOpenSchema>;

export const ParkingAddSchema = z.strictObject({
  text: ParkingItemSchema.shape.text,
  link: ParkingItemSchema.shape.link.default(null),
});
export type ParkingAdd = z.infer<typeof ParkingAddSchema>;

export const ParkingMoveSchema = z.strictObject({
  status: z.enum(PARKING_STATUSES),
  convertedTo: ParkingItemSchema.shape.convertedTo.default(null),
});
export type ParkingMove = z.infer<typeof ParkingMoveSchema>;

export const DecisionAddSchema = z.strictObject({
  what: DecisionSchema.shape.what,
  date: CalendarDateSchema,
  by: DecisionSchema.shape.by,
  links: DecisionSchema.shape.links.default([]),
  reason: DecisionSchema.shape.reason.default(''),
});
export type DecisionAdd = z.infer<typeof DecisionAddSchema>;
