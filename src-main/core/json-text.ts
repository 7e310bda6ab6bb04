// An object whose JSON text of one field is already known: a map version read from
// the database carries its document's stored JSON, so the browser host can write that
// text into its answer instead of parsing the document and stringifying it again
// (both some 10 ms a megabyte). The text rides under a module-private symbol, not
// enumerable: JSON.stringify, structured clone (Electron's IPC) and object spread
// never see it, so every other reader gets the plain value, and a spread copy (which
// may change the field) never carries a stale text.

const KNOWN_JSON = Symbol('known JSON text of one field');

export interface KnownJsonField {
  /** The field whose value's JSON text is known. */
  readonly field: string;
  /** Exactly JSON.stringify(holder[field]); made on first need (a function, so a getter field stays unread). */
  readonly text: () => string;
}

/**
 * Marks `holder` as one whose `field` is written as exactly `text()`. The caller
 * vouches that the text is JSON.stringify of the field's value: the answer's bytes
 * are taken from it unchecked.
 */
export function withKnownJson<T extends object>(holder: T, field: keyof T & string, text: () => string): T {
  const known: KnownJsonField = { field, text };
  Object.defineProperty(holder, KNOWN_JSON, { value: known, enumerable: false });
  return holder;
}

/** The known JSON field of `value`, if it is a holder marked by withKnownJson. */
export function knownJsonOf(value: unknown): KnownJsonField | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [KNOWN_JSON]?: KnownJsonField })[KNOWN_JSON];
}
