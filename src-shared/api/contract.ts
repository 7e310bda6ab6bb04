// Every call the renderer can make, declared once: method name -> zod input and
// output. Electron IPC and the browser host both carry exactly these payloads.
import { z } from 'zod';
import { WithdrawnAgreementSchema, WithdrawReasonSchema } from '../domain/agreement';
import { SignOffSchema } from '../domain/export-envelope';
import { AgreedSignOffSchema } from '../domain/sign-off';
import { CalendarDateSchema } from '../domain/calendar-date';
import { ImprovementFieldsSchema, ImprovementSchema, ImprovementStatusSchema } from '../domain/improvement';
import { IdSchema, MapDocumentSchema } from '../domain/map-document';
import { MetricFieldsSchema, MetricSchema, ReadingInputSchema } from '../domain/metric';
import {
  DecisionAddSchema,
  ParkingAddSchema,
  ParkingMoveSchema,
  SessionPatchSchema,
  SessionRecordsSchema,
  TimerActionSchema,
  VoteOpenSchema,
} from '../domain/facilitation/session';
import { TemplateIdSchema, WorkshopMetaSchema, WorkshopStatusSchema } from '../domain/workshop';

const IsoTimestamp = z.string().max(40);

export const WorkshopSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  organisation: z.string(),
  date: z.string(),
  status: WorkshopStatusSchema,
  /** For workshop.rename: a rename based on an older revision is refused. */
  revision: z.number().int(),
  stageCount: z.number().int(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  deletedAt: IsoTimestamp.nullable(),
});
export type WorkshopSummary = z.infer<typeof WorkshopSummarySchema>;

export const MapVersionSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  revision: z.number().int(),
  signOff: SignOffSchema.nullable(),
  /** Agreements withdrawn by mistake, oldest first, each with its reason. */
  agreementHistory: z.array(WithdrawnAgreementSchema),
  updatedAt: IsoTimestamp,
  /** The version this one was copied from; null for a first version, one made before sources were recorded, or when the source was deleted. */
  sourceVersionId: IdSchema.nullable(),
});
export type MapVersionSummary = z.infer<typeof MapVersionSummarySchema>;

export const WorkshopDetailSchema = z.object({
  id: IdSchema,
  meta: WorkshopMetaSchema,
  revision: z.number().int(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  deletedAt: IsoTimestamp.nullable(),
  versions: z.array(MapVersionSummarySchema),
});
export type WorkshopDetail = z.infer<typeof WorkshopDetailSchema>;

export const MapVersionSchema = z.object({
  id: IdSchema,
  workshopId: IdSchema,
  name: z.string(),
  revision: z.number().int(),
  signOff: SignOffSchema.nullable(),
  agreementHistory: z.array(WithdrawnAgreementSchema),
  updatedAt: IsoTimestamp,
  sourceVersionId: IdSchema.nullable(),
  document: MapDocumentSchema,
});
export type MapVersion = z.infer<typeof MapVersionSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const EXPORT_FORMATS = ['pdf', 'html', 'md', 'xlsx', 'csv', 'png', 'svg'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** One exported file; binary formats travel as base64. */
export const ExportedFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  data: z.string(),
  encoding: z.enum(['utf8', 'base64']),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;

/** A metric of a version's plan as the API gives it: with its revision, for metric.update. */
export const PlanMetricSchema = MetricSchema.extend({ revision: z.number().int(), versionId: IdSchema });
export type PlanMetric = z.infer<typeof PlanMetricSchema>;

/** An improvement of a workshop as the API gives it: with its revision, for improvement.update. */
export const PlanImprovementSchema = ImprovementSchema.extend({
  revision: z.number().int(),
  workshopId: IdSchema,
  createdAt: IsoTimestamp,
});
export type PlanImprovement = z.infer<typeof PlanImprovementSchema>;
/** A workshop's facilitation records as session.* calls answer them. */
export const SessionSchema = SessionRecordsSchema.extend({
  workshopId: IdSchema,
  /** For session.update: an update based on an older revision is refused. */
  revision: z.number().int(),
  /** The backend's clock when it answered, so every window counts the timer down alike. */
  serverTime: IsoTimestamp,
});
export type Session = z.infer<typeof SessionSchema>;

const VersionNameSchema = z.string().trim().min(1, 'Give the version a name').max(200);

// Every input is strict: a field the app never sends is refused and named, not dropped.
const ById = z.strictObject({ id: IdSchema });
const Empty = z.strictObject({});

export const contract = {
  'app.info': { input: Empty, output: AppInfoSchema },
  'workshop.list': {
    input: z.strictObject({ query: z.string().max(200).default(''), trash: z.boolean().default(false) }),
    output: z.array(WorkshopSummarySchema),
  },
  'workshop.create': {
    input: z.strictObject({ meta: WorkshopMetaSchema, template: TemplateIdSchema }),
    output: WorkshopDetailSchema,
  },
  'workshop.get': { input: ById, output: WorkshopDetailSchema },
  'workshop.update': {
    input: z.strictObject({ id: IdSchema, revision: z.number().int(), meta: WorkshopMetaSchema }),
    output: WorkshopDetailSchema,
  },
  'workshop.rename': {
    input: z.strictObject({ id: IdSchema, revision: z.number().int(), title: WorkshopMetaSchema.shape.title }),
    output: WorkshopSummarySchema,
  },
  'workshop.duplicate': { input: ById, output: WorkshopSummarySchema },
  /** Moves a workshop to the trash; it can be restored until purged. */
  'workshop.trash': { input: ById, output: WorkshopSummarySchema },
  'workshop.restore': { input: ById, output: WorkshopSummarySchema },
  /** Deletes a trashed workshop for good. */
  'workshop.purge': { input: ById, output: Empty },
  'workshop.exportFile': {
    input: ById,
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  'workshop.importFile': {
    // Size is checked by the handler so the refusal can say how large is too large.
    input: z.strictObject({ text: z.string() }),
    output: WorkshopSummarySchema,
  },
  'map.get': { input: z.strictObject({ versionId: IdSchema }), output: MapVersionSchema },
  /**
   * The map a window opens when it names a workshop and no version: the workshop's first
   * version (as the editor chooses), read without first asking for the workshop.
   */
  'map.open': { input: z.strictObject({ workshopId: IdSchema }), output: MapVersionSchema },
  'map.save': {
    input: z.strictObject({ versionId: IdSchema, revision: z.number().int(), document: MapDocumentSchema }),
    output: z.object({ revision: z.number().int(), updatedAt: IsoTimestamp }),
  },
  /** Locks a map version with its sign-off; later changes go to a new version. */
  'map.agree': {
    input: z.strictObject({
      versionId: IdSchema,
      revision: z.number().int(),
      signOff: AgreedSignOffSchema,
    }),
    output: MapVersionSummarySchema,
  },
  /** A new map version that starts as a copy of another. */
  'map.createVersion': {
    input: z.strictObject({ fromVersionId: IdSchema, name: VersionNameSchema }),
    output: MapVersionSummarySchema,
  },
  /** Renames a draft version (an agreed version's name is part of what was agreed). */
  'map.renameVersion': {
    input: z.strictObject({ versionId: IdSchema, name: VersionNameSchema }),
    output: MapVersionSummarySchema,
  },
  /** Deletes a version and its plan; never the last one, an agreed one only when confirmed. */
  'map.deleteVersion': {
    input: z.strictObject({ versionId: IdSchema, confirmAgreed: z.boolean().default(false) }),
    output: Empty,
  },
  /** Withdraws a mistaken agreement: the version is a draft again; the agreement and reason are kept. */
  'map.withdrawAgreement': {
    input: z.strictObject({ versionId: IdSchema, revision: z.number().int(), reason: WithdrawReasonSchema }),
    output: MapVersionSummarySchema,
  },
  /** The report of one map version in one format (the workshop file is workshop.exportFile). */
  'export.build': {
    input: z.strictObject({
      versionId: IdSchema,
      format: ExportFormatSchema,
      paper: z.enum(['A4', 'Letter']).default('A4'),
      /** An id the caller chooses, to ask export.progress and export.cancel about this export. */
      exportId: IdSchema.optional(),
      /** PNG only: the sizes to render (each one is a full rendering of the map); all three when left out. */
      pngScales: z.array(z.union([z.literal(1), z.literal(2), z.literal(4)])).min(1).max(3).optional(),
    }),
    output: z.object({ files: z.array(ExportedFileSchema) }),
  },
  /** How far a running export (by the id given to export.build) is; steps are formats or PNG scales. */
  'export.progress': {
    input: z.strictObject({ exportId: IdSchema }),
    output: z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int(), step: z.string() }),
  },
  /** Stops a running export: its export.build answers EXPORT_CANCELLED. `cancelled: false` when it had already ended. */
  'export.cancel': {
    input: z.strictObject({ exportId: IdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** The measurement plan of one map version. */
  'metric.list': { input: z.strictObject({ versionId: IdSchema }), output: z.array(PlanMetricSchema) },
  'metric.create': { input: z.strictObject({ versionId: IdSchema, fields: MetricFieldsSchema }), output: PlanMetricSchema },
  /** Changes only the fields sent, if the metric is still at `revision`. */
  'metric.update': {
    input: z.strictObject({ id: IdSchema, revision: z.number().int(), fields: MetricFieldsSchema.partial() }),
    output: PlanMetricSchema,
  },
  'metric.delete': { input: ById, output: Empty },
  /** Readings are observations: they may be added to an agreed version's metrics. */
  'metric.addReading': { input: z.strictObject({ metricId: IdSchema, reading: ReadingInputSchema }), output: PlanMetricSchema },
  'metric.deleteReading': { input: z.strictObject({ metricId: IdSchema, readingId: IdSchema }), output: PlanMetricSchema },
  /** The workshop's improvements, in the order they were created. */
  'improvement.list': { input: z.strictObject({ workshopId: IdSchema }), output: z.array(PlanImprovementSchema) },
  /** A new improvement; it starts as an idea. */
  'improvement.create': {
    input: z.strictObject({ workshopId: IdSchema, fields: ImprovementFieldsSchema }),
    output: PlanImprovementSchema,
  },
  /** Changes only the fields sent, if the improvement is still at `revision`. */
  'improvement.update': {
    input: z.strictObject({ id: IdSchema, revision: z.number().int(), fields: ImprovementFieldsSchema.partial() }),
    output: PlanImprovementSchema,
  },
  /**
   * Moves an improvement along idea → planned → trial → adopted | dropped. The focus limit
   * is enforced here (FOCUS_LIMIT) unless an override reason is given; planning freezes the
   * prediction on the map of `versionId` (the version the facilitator is looking at).
   */
  'improvement.setStatus': {
    input: z.strictObject({
      id: IdSchema,
      revision: z.number().int(),
      status: ImprovementStatusSchema,
      versionId: IdSchema,
      overrideReason: z.string().max(1000).nullable().default(null),
      /** Who decided the override (a participant of the workshop); it is written to the decision log with the reason. */
      overrideBy: z.string().trim().min(1).max(200).nullable().default(null),
      trialStart: CalendarDateSchema.nullable().default(null),
      reviewDate: CalendarDateSchema.nullable().default(null),
    }),
    output: PlanImprovementSchema,
  },
  'improvement.delete': { input: ById, output: Empty },
  /** Facilitation records (agenda, timer, audience view, votes, parking lot, decisions); every change answers the whole session. */
  'session.get': { input: z.strictObject({ workshopId: IdSchema }), output: SessionSchema },
  'session.update': {
    input: z.strictObject({ workshopId: IdSchema, revision: z.number().int(), patch: SessionPatchSchema }),
    output: SessionSchema,
  },
  /** The end time is computed with the backend's clock, so every window agrees. */
  'session.timer': { input: TimerActionSchema.extend({ workshopId: IdSchema }), output: SessionSchema },
  'vote.open': { input: VoteOpenSchema.extend({ workshopId: IdSchema }), output: SessionSchema },
  'vote.count': {
    input: z.strictObject({ workshopId: IdSchema, roundId: IdSchema, targetId: IdSchema, count: z.number().int().min(0).max(10_000) }),
    output: SessionSchema,
  },
  'vote.close': { input: z.strictObject({ workshopId: IdSchema, roundId: IdSchema }), output: SessionSchema },
  'vote.reveal': { input: z.strictObject({ workshopId: IdSchema, roundId: IdSchema, revealed: z.boolean() }), output: SessionSchema },
  'parking.add': { input: ParkingAddSchema.extend({ workshopId: IdSchema }), output: SessionSchema },
  'parking.move': { input: ParkingMoveSchema.extend({ workshopId: IdSchema, id: IdSchema }), output: SessionSchema },
  /**
   * Makes an open parking-lot item an improvement idea (its text, about what the item was
   * about) and marks the item converted, pointing at the idea; both in one transaction.
   */
  'parking.convertToIdea': {
    input: z.strictObject({ workshopId: IdSchema, id: IdSchema }),
    output: SessionSchema.extend({ improvementId: IdSchema }),
  },
  /** `by` must name participants of the workshop (NOT_A_PARTICIPANT otherwise). */
  'decision.add': { input: DecisionAddSchema.extend({ workshopId: IdSchema }), output: SessionSchema },
  'decision.supersede': { input: z.strictObject({ workshopId: IdSchema, id: IdSchema, byId: IdSchema }), output: SessionSchema },
  'decision.reverse': {
    input: z.strictObject({ workshopId: IdSchema, id: IdSchema, reason: z.string().trim().min(1, 'Say why the decision is reversed').max(2000) }),
    output: SessionSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

// The pushed events live beside the methods (src-shared/api/events.ts).
export { events, EVENT_NAMES, parseWorkshopEvent, type EventName, type EventPayload, type WorkshopEvent } from './events';
