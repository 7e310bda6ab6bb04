// The events the backend pushes to every window showing a workshop, declared once
// beside the methods: name -> zod payload. Subscribers re-fetch what they show.
import { z } from 'zod';
import { IdSchema } from '../domain/map-document';

/** The window that caused an event (null when unknown), so it can skip its own echo. */
const ByWindow = z.string().max(64).nullable();

export const events = {
  /** A map version's document was saved at `revision`. */
  'map.saved': z.object({ workshopId: IdSchema, versionId: IdSchema, revision: z.number().int(), byWindow: ByWindow }),
  /** Versions were added, renamed, deleted, agreed or withdrawn: re-fetch the workshop. */
  'workshop.changed': z.object({ workshopId: IdSchema, revision: z.number().int().nullable(), byWindow: ByWindow }),
  /** The measurement plan (a metric or a reading) of a version changed. */
  'metric.changed': z.object({ workshopId: IdSchema, versionId: IdSchema, byWindow: ByWindow }),
  /** An improvement of the workshop was created, changed or deleted: re-fetch the improvements. */
  'improvement.changed': z.object({ workshopId: IdSchema, byWindow: ByWindow }),
  /**
   * The facilitation session changed (agenda, timer, vote, parking lot, decisions,
   * audience view). `topic` names which, e.g. 'timer'; subscribers re-fetch it.
   */
  'session.changed': z.object({ workshopId: IdSchema, topic: z.string().min(1).max(64), byWindow: ByWindow.optional() }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** One pushed event as it travels (IPC message, SSE data line). */
export type WorkshopEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** Checks an event received from a transport; null when it is not one Leanmap sends. */
export function parseWorkshopEvent(raw: unknown): WorkshopEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, payload } = raw as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !isEventName(name)) return null;
  const parsed = events[name].safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as WorkshopEvent) : null;
}
