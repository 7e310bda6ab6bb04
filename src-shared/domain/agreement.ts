// What an agreement locks and what it keeps: the workshop facts frozen into a
// version's sign-off, the record of agreements withdrawn by mistake, and the
// sentences the API and the UI use when something agreed is not to be changed.
import { z } from 'zod';
import type { SignOff } from './export-envelope';
import type { WorkshopMeta } from './workshop';

/** An agreement that was withdrawn; kept, with its reason, in the version's history. */
export const WithdrawnAgreementSchema = z.object({
  agreedAt: z.string().max(40),
  agreedBy: z.array(z.string().max(200)).max(200),
  withdrawnAt: z.string().max(40),
  reason: z.string().max(2000),
});
export type WithdrawnAgreement = z.infer<typeof WithdrawnAgreementSchema>;

export const WithdrawReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why the agreement is withdrawn')
  .max(2000);

/** The workshop details printed on a report's cover (notes and status are not printed). */
export const PRINTED_FACTS = ['title', 'organisation', 'team', 'date', 'facilitator', 'participants', 'objective', 'scope'] as const;

/**
 * The facts a version's report prints: those frozen at agreement for an agreed
 * version (later edits of the workshop do not change what was agreed), the
 * workshop's current ones otherwise. Sign-offs written before the snapshot
 * existed have none and print the current facts.
 */
export function printedMeta(current: WorkshopMeta, signOff: SignOff | null): WorkshopMeta {
  return signOff?.facts ?? current;
}

/** Whether two workshop details differ in anything a report prints. */
export function printedFactsDiffer(a: WorkshopMeta, b: WorkshopMeta): boolean {
  return PRINTED_FACTS.some((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * Whether a reading was recorded after its version was agreed. Readings are
 * observations, not part of the agreement: a later review may add them to an
 * agreed version's metrics, and the report marks them.
 */
export function recordedAfterAgreement(recordedAt: string | undefined, signOff: SignOff | null): boolean {
  return signOff?.recordedAt !== undefined && recordedAt !== undefined && recordedAt > signOff.recordedAt;
}

export const LOCKED_MESSAGES = {
  map: 'This map version is agreed and read-only. Make a new version to change it.',
  plan: 'The measurement plan of an agreed version is read-only. Make a new version to change it; readings can still be added.',
  reading:
    'This reading was part of the agreed measurement plan and stays. Readings added after the agreement can be deleted.',
  facts:
    'Every map version of this workshop is agreed, so the details printed on its reports are locked. Make a new version to change them.',
  renameAgreed: 'The name of an agreed version is part of what was agreed. Withdraw the agreement first to rename it.',
  trashed: 'This workshop is in the trash. Restore it from the Trash in the library to change it; nothing was changed.',
} as const;
