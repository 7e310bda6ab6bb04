// One line of the measurement plan: what is measured, where, by whom, how often,
// from what baseline to what target, and the readings taken in later reviews.
// Values are in the metric's own unit as people say them: 35 means 35 % for a
// percent metric (unlike conversion rates in the map, which are shares 0..1).
import { z } from 'zod';
import { CalendarDateSchema } from './calendar-date';
import { IdSchema } from './map-document';

export const MetricAttachmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('process') }),
  z.strictObject({ kind: z.literal('stage'), stageId: IdSchema }),
  z.strictObject({ kind: z.literal('transition'), transitionId: IdSchema }),
]);
export type MetricAttachment = z.infer<typeof MetricAttachmentSchema>;

export const METRIC_UNITS = ['percent', 'days', 'count', 'currency'] as const;
export const MetricUnitSchema = z.enum(METRIC_UNITS);
export type MetricUnit = z.infer<typeof MetricUnitSchema>;
export const METRIC_UNIT_LABELS: Record<MetricUnit, string> = { percent: '%', days: 'days', count: 'count', currency: 'currency' };

export const METRIC_KINDS = ['leading', 'process', 'outcome'] as const;
export const MetricKindSchema = z.enum(METRIC_KINDS);
export type MetricKind = z.infer<typeof MetricKindSchema>;
export const METRIC_KIND_LABELS: Record<MetricKind, string> = { leading: 'Leading (activity)', process: 'Process', outcome: 'Outcome' };

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export const CadenceSchema = z.enum(CADENCES);
export type Cadence = z.infer<typeof CadenceSchema>;

const MetricValueSchema = z.number().finite().min(-1e15).max(1e15).nullable();

// Strict records: a field Leanmap does not know is refused, never silently dropped.
export const MetricFieldsSchema = z.strictObject({
  attachTo: MetricAttachmentSchema,
  name: z.string().trim().min(1, 'Give the metric a name').max(200),
  question: z.string().max(500),
  definition: z.string().max(2000),
  unit: MetricUnitSchema,
  kind: MetricKindSchema,
  dataSource: z.string().max(500),
  ownerRole: z.string().max(200),
  cadence: CadenceSchema,
  baseline: MetricValueSchema,
  target: MetricValueSchema,
  /** Which built-in suggestion it came from (so a suggestion is offered once), or null. */
  suggestionKey: z.string().max(200).nullable(),
});
export type MetricFields = z.infer<typeof MetricFieldsSchema>;

export const ReadingInputSchema = z.strictObject({
  date: CalendarDateSchema,
  value: z.number().finite().min(-1e15).max(1e15),
  note: z.string().max(1000),
});
export type ReadingInput = z.infer<typeof ReadingInputSchema>;

export const ReadingSchema = ReadingInputSchema.extend({
  id: IdSchema,
  /** When Leanmap recorded it (ISO timestamp): tells readings taken after an agreement apart. */
  recordedAt: z.string().max(40).optional(),
});
export type Reading = z.infer<typeof ReadingSchema>;

export const MetricSchema = MetricFieldsSchema.extend({
  id: IdSchema,
  /** Oldest first. */
  readings: z.array(ReadingSchema).max(5000),
});
export type Metric = z.infer<typeof MetricSchema>;
