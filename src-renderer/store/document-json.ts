// The open map written as JSON (UTF-8 bytes) for the save and the local journal,
// reusing the bytes of every list item (stage, transition, outcome…) that did not
// change since the last time. Documents are immutable and an edit replaces only the
// objects it changed, so after dragging one card of 1,000 only that stage is written
// again: JSON.stringify of the whole map (2.8 MB) and a structured clone of it for the
// journal took 10–80 ms of the UI thread each, on every edit.
//
// The bytes are exactly JSON.stringify's for plain JSON data (what a MapDocument is);
// the items are remembered by identity, in a WeakMap, so a dropped document lets go
// of its bytes.

export interface JsonEncoder {
  /** `value` as JSON, UTF-8; the same bytes as new TextEncoder().encode(JSON.stringify(value)). */
  encode(value: unknown): Uint8Array<ArrayBuffer>;
  /**
   * Writes the items of `value` not written yet while `more()` says so, so that the first
   * save after opening a big map writes only what changed; true once none is left.
   */
  warm(value: unknown, more: () => boolean): boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** `stringify` is JSON.stringify unless a test counts what is written afresh. */
export function createJsonEncoder(stringify: (value: unknown) => string = JSON.stringify): JsonEncoder {
  const utf8 = new TextEncoder();
  const COMMA = utf8.encode(',');
  const items = new WeakMap<object, Uint8Array<ArrayBuffer>>();
  let last: { value: unknown; bytes: Uint8Array<ArrayBuffer> } | null = null;
  const written = (v: object) => {
    let bytes = items.get(v);
    if (!bytes) {
      bytes = utf8.encode(stringify(v));
      items.set(v, bytes);
    }
    return bytes;
  };
  /** The list items of `value` (what is written once and reused), at the depths encode() walks. */
  const eachItem = (v: unknown, depth: number, visit: (item: object) => boolean): boolean => {
    if (Array.isArray(v) && depth < 3) {
      for (const x of v) if (typeof x === 'object' && x !== null && !visit(x)) return false;
    } else if (isPlainObject(v) && depth < 2 && typeof v.toJSON !== 'function') {
      for (const x of Object.values(v)) if (!eachItem(x, depth + 1, visit)) return false;
    }
    return true;
  };

  return {
    encode(value) {
      if (last !== null && last.value === value && typeof value === 'object' && value !== null) return last.bytes;
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let text = '';
      const flushText = () => {
        if (text) parts.push(text === ',' ? COMMA : utf8.encode(text));
        text = '';
      };
      const item = (v: unknown) => {
        if (typeof v !== 'object' || v === null) {
          // Inside an array, what JSON cannot say (undefined, a function) is null.
          text += stringify(v) ?? 'null';
          return;
        }
        const bytes = written(v);
        flushText();
        parts.push(bytes);
      };
      // The containers (the document, its lists) are walked every time: a handful of
      // keys and one lookup per item. Anything else is written whole by stringify.
      const walk = (v: unknown, depth: number) => {
        if (Array.isArray(v) && depth < 3) {
          text += '[';
          v.forEach((x, i) => {
            if (i > 0) text += ',';
            item(x);
          });
          text += ']';
        } else if (isPlainObject(v) && depth < 2 && typeof v.toJSON !== 'function') {
          text += '{';
          let first = true;
          for (const [k, x] of Object.entries(v)) {
            // As JSON.stringify: a key whose value JSON cannot say is left out.
            if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
            text += `${first ? '' : ','}${stringify(k)}:`;
            first = false;
            walk(x, depth + 1);
          }
          text += '}';
        } else {
          text += stringify(v) ?? 'null';
        }
      };
      walk(value, 0);
      flushText();
      let length = 0;
      for (const p of parts) length += p.length;
      const bytes = new Uint8Array(length);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      last = { value, bytes };
      return bytes;
    },
    warm(value, more) {
      return eachItem(value, 0, (item) => {
        if (items.has(item)) return true;
        if (!more()) return false;
        written(item);
        return true;
      });
    },
  };
}
