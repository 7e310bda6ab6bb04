// Rows of the map_versions table. Every document is written with the digest of its
// JSON (document-digest.ts: every writer's document passed the map schema); a read
// whose text still matches the digest trusts it, any other is migrated and checked
// before use. Later reads of the same revision share it (document-cache.ts).
// Documents are written only when the caller's revision is still the current one.
import { migrateDocument } from '../../../src-shared/domain/document-migrations';
import { SignOffSchema, type SignOff } from '../../../src-shared/domain/export-envelope';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { MapVersion, MapVersionSummary } from '../../../src-shared/api/contract';
import { DomainError } from '../../../src-shared/api/errors';
import { WithdrawnAgreementSchema, type WithdrawnAgreement } from '../../../src-shared/domain/agreement';
import { withKnownJson } from '../../core/json-text';
import { checkedFromDocument, checkedFromJson, type CheckedDocument } from '../checked-document';
import { documentCacheOf } from '../document-cache';
import { documentDigest, isCheckedJson } from '../document-digest';
import type { Db } from '../open';

interface RawRow {
  id: string;
  workshop_id: string;
  name: string;
  sort_order: number;
  document: string;
  /** documentDigest of `document` when it was written; NULL in rows from before schema step 7. */
  document_digest: string | null;
  revision: number;
  sign_off: string | null;
  agreement_history: string;
  source_version_id: string | null;
  created_at: string;
  updated_at: string;
}
/** A row without its document: what a read needs before it knows whether the document is cached. */
type MetaRow = Omit<RawRow, 'document' | 'document_digest'>;
type DocumentRow = Pick<RawRow, 'name' | 'document' | 'document_digest'>;
const META_COLUMNS = 'id, workshop_id, name, sort_order, revision, sign_off, agreement_history, source_version_id, created_at, updated_at';

function readSignOff(raw: MetaRow): SignOff | null {
  if (raw.sign_off === null) return null;
  const parsed = SignOffSchema.safeParse(JSON.parse(raw.sign_off));
  if (!parsed.success) throw new DomainError('INTERNAL', `The sign-off of map "${raw.name}" is damaged.`);
  return parsed.data;
}

function readHistory(raw: MetaRow): WithdrawnAgreement[] {
  let json: unknown;
  try {
    json = JSON.parse(raw.agreement_history);
  } catch {
    json = undefined;
  }
  const parsed = WithdrawnAgreementSchema.array().safeParse(json);
  if (!parsed.success) throw new DomainError('INTERNAL', `The agreement history of map "${raw.name}" is damaged.`);
  return parsed.data;
}

function readDocument(raw: DocumentRow): MapDocument {
  let json: unknown;
  try {
    json = JSON.parse(raw.document);
  } catch {
    throw new DomainError('INTERNAL', `The stored map "${raw.name}" is damaged (not readable JSON).`);
  }
  const read = migrateDocument(json);
  if (!read.ok) throw new DomainError('INTERNAL', `The stored map "${raw.name}" cannot be read: ${read.error.message}`);
  return read.doc;
}

/** The row's document: its text as it is when the digest vouches for it, else migrated and checked (refused in words if damaged). */
function readChecked(raw: DocumentRow): CheckedDocument {
  if (isCheckedJson(raw.document, raw.document_digest)) return checkedFromJson(raw.document);
  return checkedFromDocument(readDocument(raw));
}

function toSummary(raw: MetaRow): MapVersionSummary {
  return {
    id: raw.id,
    name: raw.name,
    revision: raw.revision,
    signOff: readSignOff(raw),
    agreementHistory: readHistory(raw),
    updatedAt: raw.updated_at,
    sourceVersionId: raw.source_version_id,
  };
}

export type SaveOutcome = 'saved' | 'not-found' | 'locked' | 'conflict';

export function createMapVersionsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO map_versions (id, workshop_id, name, sort_order, document, document_digest, revision, sign_off, agreement_history, source_version_id, created_at, updated_at)
     VALUES (@id, @workshopId, @name, @sortOrder, @document, @digest, 1, @signOff, @history, @source, @now, @now)`,
  );
  const byId = db.prepare('SELECT * FROM map_versions WHERE id = ?');
  const metaById = db.prepare(`SELECT ${META_COLUMNS} FROM map_versions WHERE id = ?`);
  const documentById = db.prepare('SELECT document, document_digest FROM map_versions WHERE id = ?');
  const cache = documentCacheOf(db);
  /** The document at the row's revision: the one already read, or read, checked and kept. */
  const documentAt = (raw: MetaRow): CheckedDocument =>
    cache.get(raw.id, raw.revision) ??
    cache.put(raw.id, raw.revision, readChecked({ name: raw.name, ...(documentById.get(raw.id) as Omit<DocumentRow, 'name'>) }));
  // Without the document (up to megabytes of JSON): for questions that do not need it.
  const workshopById = db.prepare('SELECT workshop_id FROM map_versions WHERE id = ?');
  const byWorkshop = db.prepare('SELECT * FROM map_versions WHERE workshop_id = ? ORDER BY sort_order');
  const nextSortOrder = db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM map_versions WHERE workshop_id = ?');
  const agree = db.prepare(
    `UPDATE map_versions SET sign_off = @signOff, revision = revision + 1, updated_at = @now
     WHERE id = @id AND revision = @revision AND sign_off IS NULL`,
  );
  const withdraw = db.prepare(
    `UPDATE map_versions SET sign_off = NULL, agreement_history = @history, revision = revision + 1, updated_at = @now
     WHERE id = @id AND revision = @revision AND sign_off IS NOT NULL`,
  );
  const rename = db.prepare('UPDATE map_versions SET name = @name, updated_at = @now WHERE id = @id AND sign_off IS NULL');
  const remove = db.prepare('DELETE FROM map_versions WHERE id = ?');
  const save = db.prepare(
    `UPDATE map_versions SET document = @document, document_digest = @digest, revision = revision + 1, updated_at = @now
     WHERE id = @id AND revision = @revision AND sign_off IS NULL`,
  );

  /** Why a guarded UPDATE (WHERE revision = ? AND sign_off IS NULL) changed nothing, if it did not. */
  const outcomeOf = (id: string, changes: number): SaveOutcome => {
    if (changes === 1) return 'saved';
    const raw = byId.get(id) as RawRow | undefined;
    if (!raw) return 'not-found';
    return raw.sign_off !== null ? 'locked' : 'conflict';
  };

  return {
    /** Adds a version. Its document must have passed the map schema (templates, imports and copies of read versions have): it is stored as checked. */
    insert(v: {
      id: string;
      workshopId: string;
      name: string;
      sortOrder: number;
      document: MapDocument;
      signOff: SignOff | null;
      agreementHistory?: readonly WithdrawnAgreement[];
      /** The version this one was copied from, if any. */
      sourceVersionId?: string | null;
      now: string;
    }): void {
      cache.forget(v.id);
      const document = JSON.stringify(v.document);
      insert.run({
        id: v.id,
        workshopId: v.workshopId,
        name: v.name,
        sortOrder: v.sortOrder,
        document,
        digest: documentDigest(document),
        signOff: v.signOff ? JSON.stringify(v.signOff) : null,
        history: JSON.stringify(v.agreementHistory ?? []),
        source: v.sourceVersionId ?? null,
        now: v.now,
      });
    },
    get(id: string): MapVersion | undefined {
      const raw = metaById.get(id) as MetaRow | undefined;
      if (!raw) return undefined;
      const checked = documentAt(raw);
      // The document is parsed only when read (Electron's IPC, exports, compare); the
      // browser host writes its JSON text into the answer without reading it (json-text.ts).
      const version = {
        ...toSummary(raw),
        workshopId: raw.workshop_id,
        get document(): MapDocument {
          return checked.document;
        },
      };
      return withKnownJson(version, 'document', () => checked.json);
    },
    workshopIdOf(id: string): string | undefined {
      return (workshopById.get(id) as Pick<RawRow, 'workshop_id'> | undefined)?.workshop_id;
    },
    listSummaries(workshopId: string): MapVersionSummary[] {
      return (byWorkshop.all(workshopId) as RawRow[]).map(toSummary);
    },
    listFull(workshopId: string): {
      id: string;
      name: string;
      signOff: SignOff | null;
      agreementHistory: WithdrawnAgreement[];
      sourceVersionId: string | null;
      document: MapDocument;
    }[] {
      return (byWorkshop.all(workshopId) as RawRow[]).map((raw) => ({
        id: raw.id,
        sourceVersionId: raw.source_version_id,
        name: raw.name,
        signOff: readSignOff(raw),
        agreementHistory: readHistory(raw),
        document: (cache.get(raw.id, raw.revision) ?? readChecked(raw)).document,
      }));
    },
    /**
     * Writes a document's JSON and its digest if the row is still at `revision` and not
     * agreed. Only for JSON.stringify of a document checked against the map schema at the
     * current format ('map.save' input is): later reads trust it (see keepSaved).
     */
    save(id: string, revision: number, documentJson: string, now: string): SaveOutcome {
      cache.forget(id); // its revision moves on; the old document need not be kept
      return outcomeOf(id, save.run({ id, revision, document: documentJson, digest: documentDigest(documentJson), now }).changes);
    },
    /**
     * After the save's transaction committed: the next read of `revision` parses this
     * JSON without migrating and checking it again. Only for the JSON of a document
     * checked against MapDocumentSchema at the current format ('map.save' input is).
     */
    keepSaved(id: string, revision: number, documentJson: string): void {
      cache.put(id, revision, checkedFromJson(documentJson));
    },
    nextSortOrder(workshopId: string): number {
      return (nextSortOrder.get(workshopId) as { n: number }).n;
    },
    /** Locks the version with its sign-off; same outcomes as save. */
    agree(id: string, revision: number, signOff: SignOff, now: string): SaveOutcome {
      return outcomeOf(id, agree.run({ id, revision, signOff: JSON.stringify(signOff), now }).changes);
    },
    /** Unlocks an agreed version, keeping the agreement and why it was withdrawn in its history. */
    withdraw(id: string, revision: number, withdrawn: WithdrawnAgreement, now: string): SaveOutcome | 'not-agreed' {
      const raw = byId.get(id) as RawRow | undefined;
      if (!raw) return 'not-found';
      if (raw.sign_off === null) return 'not-agreed';
      const history = JSON.stringify([...readHistory(raw), withdrawn]);
      return withdraw.run({ id, revision, history, now }).changes === 1 ? 'saved' : 'conflict';
    },
    /** Renames a draft version; an agreed one is left as it is (false). */
    rename(id: string, name: string, now: string): boolean {
      return rename.run({ id, name, now }).changes === 1;
    },
    remove(id: string): void {
      cache.forget(id);
      remove.run(id);
    },
    revisionOf(id: string): number | undefined {
      return (metaById.get(id) as MetaRow | undefined)?.revision;
    },
  };
}
export type MapVersionsRepo = ReturnType<typeof createMapVersionsRepo>;
