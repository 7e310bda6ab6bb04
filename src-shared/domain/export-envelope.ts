// The lossless workshop file (.leanmap.json): a versioned envelope around the
// workshop's details and every map version, read back through the same migrations.
import { z } from 'zod';
import { WithdrawnAgreementSchema, type WithdrawnAgreement } from './agreement';
import { migrateDocument } from './document-migrations';
import type { MapDocument } from './map-document';
import { SessionRecordsSchema, type SessionRecords } from './facilitation/session';
import { MetricSchema, type Metric } from './metric';
import { describeProblems, parseForPeople } from './plain-issues';
import { ImportedSignOffSchema, type SignOff } from './sign-off';
import { WorkshopMetaSchema, type WorkshopMeta } from './workshop';

export const ENVELOPE_FORMAT = 'leanmap.workshop';
/**
 * 2 added the measurement plan (metrics); files of version 1 read as having none.
 * 3 gave each map version its own plan (and its withdrawn agreements); the one
 * plan of a version-2 file is read as the plan of every version.
 */
export const CURRENT_ENVELOPE_VERSION = 3;
/** Larger files are refused before parsing: a real workshop is a few hundred KB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export { SignOffSchema, type SignOff } from './sign-off';

const EnvelopeVersionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  signOff: ImportedSignOffSchema.nullable(),
  document: z.unknown(),
  /** Since format 3; absent in older files, which have one plan for the workshop. */
  metrics: z.array(MetricSchema).max(2000).optional(),
  agreementHistory: z.array(WithdrawnAgreementSchema).max(200).default([]),
});

const EnvelopeSchema = z.object({
  format: z.literal(ENVELOPE_FORMAT),
  formatVersion: z.number().int(),
  exportedAt: z.string().max(40),
  app: z.object({ name: z.string().max(100), version: z.string().max(40) }),
  workshop: z.object({
    meta: WorkshopMetaSchema,
    versions: z.array(EnvelopeVersionSchema).min(1).max(100),
    /** Format 2's one plan of the workshop; format 3 writes none here. */
    metrics: z.array(MetricSchema).max(2000).default([]),
    /** Facilitation records (agenda, timer, votes, parking lot, decisions); optional, so files without them still read. */
    session: SessionRecordsSchema.optional(),
  }),
});

export interface WorkshopFileVersion {
  name: string;
  signOff: SignOff | null;
  document: MapDocument;
  /** This version's measurement plan. */
  metrics: Metric[];
  agreementHistory: WithdrawnAgreement[];
}

export interface WorkshopFile {
  meta: WorkshopMeta;
  versions: WorkshopFileVersion[];
  /** The workshop's facilitation records, when it was ever run. */
  session?: SessionRecords | null;
}

export function buildEnvelope(file: WorkshopFile, exportedAt: string, appVersion: string) {
  return {
    format: ENVELOPE_FORMAT,
    formatVersion: CURRENT_ENVELOPE_VERSION,
    exportedAt,
    app: { name: 'Leanmap', version: appVersion },
    workshop: { meta: file.meta, versions: file.versions, ...(file.session ? { session: file.session } : {}) },
  };
}

export type ImportProblem = 'too-large' | 'not-json' | 'not-leanmap' | 'future-version' | 'invalid';
export type ParseWorkshopFileResult = { ok: true; file: WorkshopFile } | { ok: false; problem: ImportProblem; message: string };

const fail = (problem: ImportProblem, message: string): ParseWorkshopFileResult => ({ ok: false, problem, message });

/** The size of the text in UTF-8 bytes, counted without an encoder (src-shared uses no host API). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point beyond U+FFFF
      i++;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (encoded as U+FFFD)
  }
  return bytes;
}

/** Parses the text of a workshop file; never throws, and explains every refusal. */
export function parseWorkshopFile(text: string): ParseWorkshopFileResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES) {
    return fail(
      'too-large',
      `This file is ${(bytes / 1024 / 1024).toFixed(1)} MB; Leanmap imports workshop files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(
      'not-json',
      'This file is not a complete Leanmap workshop file: it may be cut short or damaged. Export it again and retry.',
    );
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== ENVELOPE_FORMAT) {
    return fail('not-leanmap', 'This is not a Leanmap workshop file. Choose a file exported with "Export file".');
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > CURRENT_ENVELOPE_VERSION) {
    return fail(
      'future-version',
      `This file was exported by a newer Leanmap (file format ${version}; this one reads up to ${CURRENT_ENVELOPE_VERSION}). Update Leanmap to import it.`,
    );
  }
  const parsed = parseForPeople(EnvelopeSchema, raw);
  if (!parsed.success) {
    return fail('invalid', `This workshop file is damaged. ${describeProblems(parsed.error.issues, { nameFields: true })} Nothing was imported.`);
  }
  const versions: WorkshopFileVersion[] = [];
  for (const [i, v] of parsed.data.workshop.versions.entries()) {
    const read = migrateDocument(v.document);
    if (!read.ok) {
      const problem = read.error.kind === 'future-version' ? 'future-version' : 'invalid';
      return fail(problem, `Map "${v.name}" (number ${i + 1}) cannot be read: ${read.error.message} Nothing was imported.`);
    }
    versions.push({
      name: v.name,
      signOff: v.signOff,
      document: read.doc,
      metrics: v.metrics ?? parsed.data.workshop.metrics,
      agreementHistory: v.agreementHistory,
    });
  }
  return { ok: true, file: { meta: parsed.data.workshop.meta, versions, ...(parsed.data.workshop.session ? { session: parsed.data.workshop.session } : {}) } };
}
