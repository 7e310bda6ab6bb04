// Forward migrations of the map document format, run on every read from the
// database and on every import, so old files and rows always open as the current shape.
import { CURRENT_DOCUMENT_VERSION, MapDocumentSchema, type MapDocument } from './map-document';
import { describeProblems, parseForPeople } from './plain-issues';

/** One named step that turns a document of `from` into one of `from + 1`. */
export interface DocumentMigration {
  from: number;
  name: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The steps, in order. A change to the format adds a step here and bumps
 * CURRENT_DOCUMENT_VERSION; released steps are never edited.
 */
export const DOCUMENT_MIGRATIONS: readonly DocumentMigration[] = [
  {
    from: 1,
    name: 'numbers for the process figures: days and %C&A per stage, process inputs',
    up: (doc) => ({
      ...doc,
      stages: Array.isArray(doc.stages)
        ? doc.stages.map((s: unknown) => (isRecord(s) ? { ...s, daysPerVisit: null, completeAndAccurate: null } : s))
        : doc.stages,
      process: {
        entryStageId: null,
        period: 'month',
        entriesPerPeriod: null,
        averageDealSize: null,
        revenueTarget: null,
        currency: 'EUR',
      },
    }),
  },
];

export type DocumentReadError =
  | { kind: 'not-a-document'; message: string }
  | { kind: 'future-version'; version: number; message: string }
  | { kind: 'invalid'; message: string };

export type DocumentReadResult = { ok: true; doc: MapDocument; migrated: boolean } | { ok: false; error: DocumentReadError };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Describes zod issues in sentences a facilitator can act on (first few only). */
export const describeIssues = (issues: Parameters<typeof describeProblems>[0]) => describeProblems(issues, { nameFields: true });

export function migrateDocument(
  raw: unknown,
  migrations: readonly DocumentMigration[] = DOCUMENT_MIGRATIONS,
  currentVersion: number = CURRENT_DOCUMENT_VERSION,
): DocumentReadResult {
  if (!isRecord(raw)) return { ok: false, error: { kind: 'not-a-document', message: 'The map is not a map document.' } };
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { kind: 'not-a-document', message: 'The map has no valid format version.' } };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      error: {
        kind: 'future-version',
        version,
        message: `This map was made by a newer Leanmap (map format ${version}; this one reads up to ${currentVersion}). Update Leanmap to open it.`,
      },
    };
  }
  let doc: Record<string, unknown> = raw;
  for (let v = version; v < currentVersion; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return { ok: false, error: { kind: 'invalid', message: `No way to upgrade a map from format ${v}.` } };
    }
    doc = { ...step.up(doc), schemaVersion: v + 1 };
  }
  if (currentVersion !== CURRENT_DOCUMENT_VERSION) {
    // Only reachable in tests that exercise the stepping with their own list.
    return { ok: true, doc: doc as unknown as MapDocument, migrated: version !== currentVersion };
  }
  const parsed = parseForPeople(MapDocumentSchema, doc);
  if (!parsed.success) return { ok: false, error: { kind: 'invalid', message: describeIssues(parsed.error.issues) } };
  return { ok: true, doc: parsed.data, migrated: version !== currentVersion };
}
