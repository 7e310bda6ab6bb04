// One map document that passed the map schema, held as whichever form its readers
// need: its JSON text (what the browser host writes into a 'map.get' answer, never
// parsed there) and its parsed, deep-frozen object (what Electron's IPC, exports,
// compare and analysis read). Each form is made from the other on first need.
//
// Memory: the two forms weigh about the same (a 1,000-stage document is 2.85 MB of
// JSON as a one-byte string, twice that with characters beyond Latin-1, and ~3.4 MB
// parsed: JSON.parse shares its keys and short strings), so keeping both doubles a
// cached document. Both are kept only while both kinds of reader exist: the text read
// from the row is dropped when the document is parsed unless a reader has asked for
// the text (Electron's host never does: its IPC clones the object); a text asked for
// is kept beside the document (the browser host answers every 'map.get' from it and
// its exports read the object; remaking the text costs ~10 ms a read). The document
// cache's limit (4) bounds the rest.
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

/** Holds whichever forms were given or asked for (see the memory note above). */
function holding(given: { json: string } | { document: MapDocument }): CheckedDocument {
  let json = 'json' in given ? given.json : undefined;
  let document = 'document' in given ? deepFreeze(given.document) : undefined;
  let textAskedFor = false;
  return {
    get document() {
      if (document === undefined) {
        document = deepFreeze(JSON.parse(json!) as MapDocument);
        if (!textAskedFor) json = undefined;
      }
      return document;
    },
    get json() {
      textAskedFor = true;
      return (json ??= JSON.stringify(document));
    },
  };
}

/**
 * A checked document known by its JSON, parsed on first need. Only for text written
 * by JSON.stringify of a document that passed the map schema at the current format
 * ('map.save' input, a stored row whose digest matches): JSON.stringify then gives
 * this same text back, so it stands for the parsed document byte for byte.
 */
export function checkedFromJson(json: string): CheckedDocument {
  return holding({ json });
}

/** A document just migrated and checked; frozen now, its JSON made on first need. */
export function checkedFromDocument(document: MapDocument): CheckedDocument {
  return holding({ document });
}
