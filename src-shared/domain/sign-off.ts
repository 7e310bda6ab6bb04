// Who agreed a map version and on which day. The names are the workshop's
// participants as the Mark agreed dialog writes them ("Sam (Account executive)").
import { z } from 'zod';
import { CalendarDateSchema } from './calendar-date';
import { WorkshopMetaSchema, type Participant } from './workshop';

/** A sign-off as stored; lenient so a database written before dates were checked still opens. */
export const SignOffSchema = z.object({
  agreedAt: z.string().max(40),
  agreedBy: z.array(z.string().max(200)).max(200),
  /** When Leanmap recorded the agreement (ISO timestamp); readings after it are marked. */
  recordedAt: z.string().max(40).optional(),
  /** The workshop facts as they were when agreed: the agreed report prints these. */
  facts: WorkshopMetaSchema.optional(),
});
export type SignOff = z.infer<typeof SignOffSchema>;

/** A sign-off as given to map.agree or read from a workshop file: a real day and named people. */
export const AgreedSignOffSchema = z.strictObject({
  agreedAt: CalendarDateSchema,
  agreedBy: z.array(z.string().trim().min(1, 'Pick who agreed.').max(200)).min(1, 'Pick who agreed.').max(200),
});

/**
 * A sign-off read from a workshop file. Besides the plain day, it takes a full ISO
 * timestamp (as test builders and hand-written files have it) and keeps its day.
 */
export const ImportedSignOffSchema = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null || !('agreedAt' in raw)) return raw;
  const { agreedAt } = raw as { agreedAt: unknown };
  if (typeof agreedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(agreedAt)) return raw;
  return { ...raw, agreedAt: agreedAt.slice(0, 10) };
}, AgreedSignOffSchema.extend({ recordedAt: SignOffSchema.shape.recordedAt, facts: SignOffSchema.shape.facts }));

/** How a participant is named in a sign-off. */
export function signOffName(participant: Pick<Participant, 'name' | 'role'>): string {
  return participant.role ? `${participant.name} (${participant.role})` : participant.name;
}

/** The names in a sign-off that are none of the workshop's participants. */
export function namesNotParticipants(agreedBy: readonly string[], participants: readonly Pick<Participant, 'name' | 'role'>[]): string[] {
  const known = new Set(participants.flatMap((p) => [signOffName(p), p.name]));
  return agreedBy.filter((name) => !known.has(name));
}
