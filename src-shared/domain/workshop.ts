// A workshop's own details (everything but its maps), as stored and edited.
import { z } from 'zod';
import { IdSchema } from './map-document';

export const ParticipantSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1, 'A participant needs a name').max(200),
  role: z.string().max(200),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const WORKSHOP_STATUSES = ['draft', 'agreed'] as const;
export const WorkshopStatusSchema = z.enum(WORKSHOP_STATUSES);
export type WorkshopStatus = z.infer<typeof WorkshopStatusSchema>;

/** ISO calendar date (YYYY-MM-DD) or empty when not yet fixed. */
export const CalendarDateSchema = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use a date like 2026-11-22')
  // Round-tripped, not just parsed: Date.parse rolls 2026-02-30 over to 2 March.
  .refine((s) => s === '' || isCalendarDate(s), 'That date does not exist');

function isCalendarDate(s: string): boolean {
  const time = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
}

export const WorkshopMetaSchema = z.object({
  title: z.string().trim().min(1, 'Give the workshop a title').max(200),
  organisation: z.string().trim().max(200),
  team: z.string().trim().max(200),
  date: CalendarDateSchema,
  facilitator: z.string().trim().max(200),
  participants: z.array(ParticipantSchema).max(200),
  objective: z.string().max(4000),
  scope: z.object({
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
