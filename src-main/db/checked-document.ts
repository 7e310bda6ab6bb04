// One map document that passed the map schema, held as whichever form a reader needs:
// its JSON text (what the browser host writes into a 'map.get' answer, never parsed
// there) and its parsed, deep-frozen object (what Electron's IPC, exports, compare and
// analysis read). Each form is made from the other on first need, then kept.
//
// Memory: keeping both is not double. A 1,000-stage document is ~2.8 MB of JSON (a
// one-byte string; twice that if it holds characters beyond Latin-1), while its parsed
// form is some 13,000 objects, several times the text's size on the heap. So the text
// adds roughly a fifth to a cached document, and it saves a 10-40 ms stringify on every
// repeat 'map.get'. Dropping the parsed form instead would cost every Electron read a
// parse and a freeze again. The document cache's limit (4) bounds both together.
import type { MapDocument } from '../../src-shared/domain/map-document';

export interface CheckedDocument {
  /** The document, deep-frozen: every reader shares the one object. */
  readonly document: MapDocument;
  /** Exactly JSON.stringify(document). */
  readonly json: string;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A checked document known by its JSON, parsed on first need. Only for text written
 * by JSON.stringify of a document that passed the map schema at the current format
 * ('map.save' input, a stored row whose digest matches): JSON.stringify then gives
 * this same text back, so it stands for the parsed document byte for byte.
 */
export function checkedFromJson(json: string): CheckedDocument {
  let document: MapDocument | undefined;
  return {
    get document() {
      return (document ??= deepFreeze(JSON.parse(json) as MapDocument));
    },
    json,
  };
}

/** A document just migrated and checked; frozen now, its JSON made on first need. */
export function checkedFromDocument(document: MapDocument): CheckedDocument {
  deepFreeze(document);
  let json: string | undefined;
  return {
    document,
    get json() {
      return (json ??= JSON.stringify(document));
    },
  };
}
