// A workshop's own details (everything but its maps), as stored and edited.
import { z } from 'zod';
import { OptionalCalendarDateSchema } from './calendar-date';
import { IdSchema } from './map-document';

// Strict records: a field Leanmap does not know is refused, never silently dropped.
export const ParticipantSchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1, 'A participant needs a name').max(200),
  role: z.string().max(200),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const WORKSHOP_STATUSES = ['draft', 'agreed'] as const;
export const WorkshopStatusSchema = z.enum(WORKSHOP_STATUSES);
export type WorkshopStatus = z.infer<typeof WorkshopStatusSchema>;

export const WorkshopMetaSchema = z.strictObject({
  title: z.string().trim().min(1, 'Give the workshop a title').max(200),
  organisation: z.string().trim().max(200),
  team: z.string().trim().max(200),
  /** The workshop's day, or empty while it is not fixed. */
  date: OptionalCalendarDateSchema,
  facilitator: z.string().trim().max(200),
  participants: z.array(ParticipantSchema).max(200),
  objective: z.string().max(4000),
  scope: z.strictObject({
    segment: z.string().max(500),
    offering: z.string().max(500),
    idealCustomer: z.string().max(1000),
  }),
  status: WorkshopStatusSchema,
  notes: z.string().max(20_000),
});
export type WorkshopMeta = z.infer<typeof WorkshopMetaSchema>;

export function blankWorkshopMeta(overrides: Partial<WorkshopMeta> = {}): WorkshopMeta {
  return {
    title: '',
    organisation: '',
    team: '',
    date: '',
    facilitator: '',
    participants: [],
    objective: '',
    scope: { segment: '', offering: '', idealCustomer: '' },
    status: 'draft',
    notes: '',
    ...overrides,
  };
}

export const TEMPLATE_IDS = ['blank', 'b2b-buying-journey'] as const;
export const TemplateIdSchema = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateIdSchema>;
