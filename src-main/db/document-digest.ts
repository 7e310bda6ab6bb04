// The digest stored beside a map document's JSON: it says "this exact text is a
// document that was checked against the map schema at this format when it was
// written", so a read whose text still matches skips the migration and the schema
// check (~65 ms for a 1,000-stage map; the hash is ~3 ms). Any other text (a row from
// before the digest, a hand edit, a damaged disk) or an older format no longer
// matches and is read in full. SHA-1 guards against accidents, not against someone
// who edits the file and recomputes the digest: they could as well edit the schema.
import { createHash } from 'node:crypto';
import { CURRENT_DOCUMENT_VERSION } from '../../src-shared/domain/map-document';

/** The digest of a checked document's stored JSON, at the map format this Leanmap writes. */
export function documentDigest(json: string, format: number = CURRENT_DOCUMENT_VERSION): string {
  return `${format}:${createHash('sha1').update(json, 'utf8').digest('hex')}`;
}

/** Whether `json` is the text a digest was written for, at the current map format. */
export function isCheckedJson(json: string, digest: string | null): boolean {
  return digest !== null && digest === documentDigest(json);
}
