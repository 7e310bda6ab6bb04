// Rows of the map_versions table. Documents are validated (and migrated) when first
// read at a revision (later reads of that revision share it: document-cache.ts), and
// written only when the caller's revision is still the current one.
import { migrateDocument } from '../../../src-shared/domain/document-migrations';
import { SignOffSchema, type SignOff } from '../../../src-shared/domain/export-envelope';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { MapVersion, MapVersionSummary } from '../../../src-shared/api/contract';
import { DomainError } from '../../../src-shared/api/errors';
import { WithdrawnAgreementSchema, type WithdrawnAgreement } from '../../../src-shared/domain/agreement';
import { documentCacheOf } from '../document-cache';
import type { Db } from '../open';

interface RawRow {
  id: string;
  workshop_id: string;
  name: string;
  sort_order: number;
  document: string;
  revision: number;
  sign_off: string | null;
  agreement_history: string;
  source_version_id: string | null;
  created_at: string;
  updated_at: string;
}
/** A row without its document: what a read needs before it knows whether the document is cached. */
type MetaRow = Omit<RawRow, 'document'>;
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

function readDocument(raw: RawRow): MapDocument {
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
    `INSERT INTO map_versions (id, workshop_id, name, sort_order, document, revision, sign_off, agreement_history, source_version_id, created_at, updated_at)
     VALUES (@id, @workshopId, @name, @sortOrder, @document, 1, @signOff, @history, @source, @now, @now)`,
  );
  const byId = db.prepare('SELECT * FROM map_versions WHERE id = ?');
  const metaById = db.prepare(`SELECT ${META_COLUMNS} FROM map_versions WHERE id = ?`);
  const documentById = db.prepare('SELECT document FROM map_versions WHERE id = ?');
  const cache = documentCacheOf(db);
  /** The document at the row's revision: the one already read, or read, checked and kept. */
  const documentAt = (raw: MetaRow): MapDocument =>
    cache.get(raw.id, raw.revision) ??
    cache.put(raw.id, raw.revision, readDocument({ ...raw, document: (documentById.get(raw.id) as { document: string }).document }));
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
    `UPDATE map_versions SET document = @document, revision = revision + 1, updated_at = @now
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
      insert.run({
        id: v.id,
        workshopId: v.workshopId,
        name: v.name,
        sortOrder: v.sortOrder,
        document: JSON.stringify(v.document),
        signOff: v.signOff ? JSON.stringify(v.signOff) : null,
        history: JSON.stringify(v.agreementHistory ?? []),
        source: v.sourceVersionId ?? null,
        now: v.now,
      });
    },
    get(id: string): MapVersion | undefined {
      const raw = metaById.get(id) as MetaRow | undefined;
      if (!raw) return undefined;
      return { ...toSummary(raw), workshopId: raw.workshop_id, document: documentAt(raw) };
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
        document: readDocument(raw),
      }));
    },
    /** Writes a document's JSON (see keepSaved) if the row is still at `revision` and not agreed. */
    save(id: string, revision: number, documentJson: string, now: string): SaveOutcome {
      cache.forget(id); // its revision moves on; the old document need not be kept
      return outcomeOf(id, save.run({ id, revision, document: documentJson, now }).changes);
    },
    /**
     * After the save's transaction committed: the next read of `revision` parses this
     * JSON without migrating and checking it again. Only for the JSON of a document
     * checked against MapDocumentSchema at the current format ('map.save' input is).
     */
    keepSaved(id: string, revision: number, documentJson: string): void {
      cache.putCheckedJson(id, revision, documentJson);
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
