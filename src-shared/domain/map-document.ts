// The journey map of one map version: stages, outcomes and transitions, as the
// zod schemas that guard every write, read and import of a map document.
import { z } from 'zod';

export const CURRENT_DOCUMENT_VERSION = 2;

export const IdSchema = z.string().min(1).max(64);
const shortText = (max = 200) => z.string().max(max);
const longText = (max = 4000) => z.string().max(max);

/**
 * How far from the map's centre a card may sit. Far beyond any real map (5,000 cards
 * side by side reach about 2,300,000), yet small enough that every layout and export
 * loop over map coordinates stays exact in floating point and finite.
 */
export const MAX_COORDINATE = 10_000_000;
const FAR_AWAY = 'A card is placed too far from the rest of the map (more than 10,000,000 points from its centre)';
const coordinate = () => z.number().finite().min(-MAX_COORDINATE, FAR_AWAY).max(MAX_COORDINATE, FAR_AWAY);

export const PositionSchema = z.object({
  x: coordinate(),
  y: coordinate(),
});
export type Position = z.infer<typeof PositionSchema>;

export const ACTORS = ['customer', 'seller', 'marketing', 'partner'] as const;
export const ActorSchema = z.enum(ACTORS);
export type Actor = z.infer<typeof ActorSchema>;

export const LEAN_CLASSES = ['value', 'necessary', 'waste'] as const;
export const LeanClassSchema = z.enum(LEAN_CLASSES);
export type LeanClass = z.infer<typeof LeanClassSchema>;

export const ActionSchema = z.object({
  id: IdSchema,
  text: shortText(500),
  actor: ActorSchema,
  leanClass: LeanClassSchema.nullable(),
  ownerRole: shortText(),
  votes: z.number().int().min(0).max(10_000),
  /** Ids of the customer actions (same stage) this action exists to help. */
  serves: z.array(IdSchema).max(50),
});
export type Action = z.infer<typeof ActionSchema>;

export const ExitCriterionSchema = z.object({
  id: IdSchema,
  text: shortText(500),
});
export type ExitCriterion = z.infer<typeof ExitCriterionSchema>;

export const StageSchema = z.object({
  id: IdSchema,
  name: shortText(),
  customerGoal: longText(1000),
  actions: z.array(ActionSchema).max(300),
  exitCriteria: z.array(ExitCriterionSchema).max(100),
  stakeholders: longText(),
  toolsAndContent: longText(),
  painPoints: longText(),
  notes: longText(10_000),
  position: PositionSchema,
  /** Mean days a buyer spends in this stage per visit; null when unknown. */
  daysPerVisit: z.number().min(0).max(3650).nullable(),
  /** %C&A: share (0..1) of hand-offs into this stage that arrive complete and accurate; null when unknown. */
  completeAndAccurate: z.number().min(0).max(1).nullable(),
});
export type Stage = z.infer<typeof StageSchema>;

export const OUTCOME_KINDS = ['won', 'lost', 'no_decision', 'disqualified'] as const;
export const OutcomeKindSchema = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKindSchema>;

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  won: 'Won',
  lost: 'Lost',
  no_decision: 'No decision',
  disqualified: 'Disqualified',
};

export const OutcomeSchema = z.object({
  id: IdSchema,
  kind: OutcomeKindSchema,
  label: shortText(),
  position: PositionSchema,
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const TransitionSchema = z.object({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  label: shortText(),
  /** Share of buyers in the source stage who take this transition, 0..1; null when unknown. */
  conversionRate: z.number().min(0).max(1).nullable(),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const PERIODS = ['month', 'quarter'] as const;
export const PeriodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof PeriodSchema>;

/** The whole process's numbers, as the team knows them; every one may be unknown (null). */
export const ProcessInputsSchema = z.object({
  /** Where buyers enter; null means the first stage no other stage leads to. */
  entryStageId: IdSchema.nullable(),
  period: PeriodSchema,
  /** Buyers entering the first stage per period. */
  entriesPerPeriod: z.number().min(0).max(1e9).nullable(),
  averageDealSize: z.number().min(0).max(1e12).nullable(),
  /** Revenue target per period. */
  revenueTarget: z.number().min(0).max(1e15).nullable(),
  /** ISO 4217 code, e.g. EUR. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR'),
});
export type ProcessInputs = z.infer<typeof ProcessInputsSchema>;

export function defaultProcessInputs(): ProcessInputs {
  return { entryStageId: null, period: 'month', entriesPerPeriod: null, averageDealSize: null, revenueTarget: null, currency: 'EUR' };
}

export const MapDocumentSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_DOCUMENT_VERSION),
    stages: z.array(StageSchema).max(5000),
    outcomes: z.array(OutcomeSchema).max(50),
    transitions: z.array(TransitionSchema).max(20_000),
    process: ProcessInputsSchema,
  })
  .superRefine((doc, ctx) => {
    // Referential integrity: the graph must be internally consistent, or the
    // canvas and every figure built on it would lie.
    // Every id is unique across the whole document (stages, actions, criteria,
    // outcomes, transitions): edits, serves links and withFreshIds address by id.
    const allIds = new Set<string>();
    const claim = (id: string) => {
      if (allIds.has(id)) ctx.addIssue({ code: 'custom', message: `Duplicate id ${id}` });
      allIds.add(id);
    };
    const stageIds = new Set<string>();
    const nodeIds = new Set<string>();
    for (const s of doc.stages) {
      claim(s.id);
      for (const a of s.actions) claim(a.id);
      for (const e of s.exitCriteria) claim(e.id);
      stageIds.add(s.id);
      nodeIds.add(s.id);
      const customerActionIds = new Set(s.actions.filter((a) => a.actor === 'customer').map((a) => a.id));
      for (const a of s.actions) {
        for (const served of a.serves) {
          if (!customerActionIds.has(served)) {
            ctx.addIssue({
              code: 'custom',
              message: `Action "${a.text}" in stage "${s.name}" serves a customer action that is not in that stage`,
            });
          }
        }
      }
    }
    for (const o of doc.outcomes) {
      claim(o.id);
      nodeIds.add(o.id);
    }
    const edgeKeys = new Set<string>();
    for (const t of doc.transitions) {
      claim(t.id);
      if (!stageIds.has(t.source)) {
        ctx.addIssue({ code: 'custom', message: `Transition ${t.id} starts at ${t.source}, which is not a stage` });
      }
      if (!nodeIds.has(t.target)) {
        ctx.addIssue({ code: 'custom', message: `Transition ${t.id} ends at ${t.target}, which is not on the map` });
      }
      if (t.source === t.target) {
        ctx.addIssue({ code: 'custom', message: `Transition ${t.id} connects a stage to itself` });
      }
      const key = `${t.source}->${t.target}`;
      if (edgeKeys.has(key)) ctx.addIssue({ code: 'custom', message: `Two transitions connect ${key}` });
      edgeKeys.add(key);
    }
    if (doc.process.entryStageId !== null && !stageIds.has(doc.process.entryStageId)) {
      ctx.addIssue({ code: 'custom', message: 'The entry stage is not a stage of this map' });
    }
  });
export type MapDocument = z.infer<typeof MapDocumentSchema>;

export function emptyDocument(): MapDocument {
  return { schemaVersion: CURRENT_DOCUMENT_VERSION, stages: [], outcomes: [], transitions: [], process: defaultProcessInputs() };
}
