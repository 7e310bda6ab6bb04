// What the projector shows: one view the facilitator picks, and what is held back from
// the room until the facilitator reveals it.
import { z } from 'zod';
import { IdSchema } from '../map-document';

export const AudienceViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('map') }),
  z.strictObject({ kind: z.literal('stage'), stageId: IdSchema }),
  z.strictObject({ kind: z.literal('figures') }),
  /** null: the current (latest open) round. */
  z.strictObject({ kind: z.literal('vote'), roundId: IdSchema.nullable() }),
  z.strictObject({ kind: z.literal('timer') }),
  z.strictObject({ kind: z.literal('parking-lot') }),
  z.strictObject({ kind: z.literal('decisions') }),
]);
export type AudienceView = z.infer<typeof AudienceViewSchema>;

export const AudienceStateSchema = z.strictObject({
  view: AudienceViewSchema,
  /** Numbers (rates, days, figures) hidden from the room until revealed. */
  hideNumbers: z.boolean(),
  /** Map objects (stage or transition ids) hidden until revealed. */
  hiddenIds: z.array(IdSchema).max(5000),
});
export type AudienceState = z.infer<typeof AudienceStateSchema>;

export const initialAudienceState = (): AudienceState => ({ view: { kind: 'blank' }, hideNumbers: false, hiddenIds: [] });
