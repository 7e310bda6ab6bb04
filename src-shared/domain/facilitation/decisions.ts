// The decision log: what was decided, when, by whom (participants of the workshop) and
// about what. A decision is never edited away: it is superseded by a later one or reversed.
import { z } from 'zod';
import { CalendarDateSchema } from '../calendar-date';
import { IdSchema } from '../map-document';

export const DECISION_STATUSES = ['active', 'superseded', 'reversed'] as const;

export const DecisionSchema = z.strictObject({
  id: IdSchema,
  what: z.string().trim().min(1, 'Say what was decided').max(2000),
  /** ISO date. */
  date: CalendarDateSchema,
  by: z.array(z.string().trim().min(1).max(200)).max(200),
  links: z.array(z.strictObject({ kind: z.enum(['stage', 'transition', 'improvement', 'metric', 'version']), id: IdSchema })).max(50),
  status: z.enum(DECISION_STATUSES),
  supersededBy: IdSchema.nullable(),
  /** Why it was reversed, or why the focus limit was overridden, kept with it. */
  reason: z.string().max(2000),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** Names that are not participants of the workshop: a decision is made by the people in the room. */
export function strangers(by: readonly string[], participants: readonly string[]): string[] {
  const known = new Set(participants.map((p) => p.trim().toLocaleLowerCase()));
  return by.filter((name) => !known.has(name.trim().toLocaleLowerCase()));
}

export function supersede(old: Decision, byId: string): Decision | { error: string } {
  if (old.status !== 'active') return { error: 'Only an active decision can be superseded.' };
  if (byId === old.id) return { error: 'A decision cannot supersede itself.' };
  return { ...old, status: 'superseded', supersededBy: byId };
}

export function reverse(old: Decision, reason: string): Decision | { error: string } {
  if (old.status !== 'active') return { error: 'Only an active decision can be reversed.' };
  if (reason.trim() === '') return { error: 'Say why the decision is reversed; the reason is kept with it.' };
  return { ...old, status: 'reversed', reason: reason.trim() };
}
