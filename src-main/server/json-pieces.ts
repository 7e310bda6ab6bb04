// A JSON answer written in pieces: an export's answer holds megabytes of base64 (a
// 40-megapixel map is ~11 MB, sent once a PNG size), and JSON.stringify and one write
// of all of it would hold up the backend's thread for a tenth of a second or more.
// Long strings are written a piece at a time instead, so other requests run between.
// A field whose JSON text is already known (json-text.ts: a map version's stored
// document) is not stringified at all: its text is written in pieces where it stands.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { knownJsonOf } from '../core/json-text';

/** Strings longer than this are written in pieces (characters). */
const LONG = 64 * 1024;
/** Characters of a long string in one piece: about a millisecond to escape and write. */
const PIECE = 512 * 1024;

/**
 * Whether `value` holds a string longer than `long`, a known-JSON holder or a toJSON
 * (which could make either): only then is a replacer needed. A walk like this costs
 * under a millisecond for a 1,000-stage map, where a replacer called for every key
 * makes JSON.stringify half again slower.
 */
function needsReplacer(value: unknown, long: number): boolean {
  if (typeof value === 'string') return value.length > long;
  if (typeof value !== 'object' || value === null) return false;
  if (knownJsonOf(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (needsReplacer(item, long)) return true;
    return false;
  }
  for (const key of Object.keys(value)) if (needsReplacer((value as Record<string, unknown>)[key], long)) return true;
  return false;
}

/** `text` in pieces of at most `piece` characters, never between the two halves of a surrogate pair. */
function* cut(text: string, piece: number): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + piece);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * The JSON text of `value` (exactly JSON.stringify's), as pieces: the answer's frame,
 * every long string cut into pieces of at most `piece` characters, and every known
 * JSON text (json-text.ts) spliced in as it is, cut the same way.
 */
export function* jsonPieces(value: unknown, piece = PIECE, long = LONG): Generator<string> {
  if (!needsReplacer(value, long)) {
    const whole = JSON.stringify(value);
    if (whole === undefined) throw new Error('The answer cannot be written as JSON.');
    yield whole;
    return;
  }
  // A long string is kept as itself; a known JSON text as a function giving it.
  const spliced: (string | (() => string))[] = [];
  // A marker no answer contains: random, and with characters JSON escapes.
  const nonce = randomBytes(9).toString('hex');
  const prefix = `\u0000${nonce}:`;
  const markerOf = (index: number) => `${prefix}${index}\u0000`;
  const frame = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string') {
      // A marker put in a stand-in (below) comes back here: it stays a marker.
      if (v.length <= long || v.startsWith(prefix)) return v;
      spliced.push(v);
      return markerOf(spliced.length - 1);
    }
    const known = knownJsonOf(v);
    if (!known) return v;
    // JSON.stringify hands the holder over before reading its fields: a copy with the
    // marker in the known field's place (same keys, same order) is written instead,
    // so that field (perhaps a getter that would parse megabytes) is never read.
    const stand: Record<string, unknown> = {};
    for (const key of Object.keys(v as object)) {
      stand[key] = key === known.field ? markerOf(spliced.push(known.text) - 1) : (v as Record<string, unknown>)[key];
    }
    return stand;
  });
  if (frame === undefined) throw new Error('The answer cannot be written as JSON.');
  const marker = new RegExp(`"\\\\u0000${nonce}:(\\d+)\\\\u0000"`, 'g');
  let at = 0;
  for (const match of frame.matchAll(marker)) {
    yield frame.slice(at, match.index);
    const found = spliced[Number(match[1])]!;
    if (typeof found === 'string') {
      yield '"';
      for (const part of cut(found, piece)) yield JSON.stringify(part).slice(1, -1);
      yield '"';
    } else {
      yield* cut(found(), piece);
    }
    at = match.index + match[0].length;
  }
  yield frame.slice(at);
}

/**
 * Sends `body` as the JSON answer: a short one in one write, a long one a piece at a
 * time with a turn of the event loop between pieces (and a wait when the socket is full).
 */
export async function writeJson(res: ServerResponse, body: unknown): Promise<void> {
  const pieces = jsonPieces(body);
  const first = pieces.next();
  const second = pieces.next();
  if (first.done || second.done) {
    res.end(first.done ? '' : first.value);
    return;
  }
  for (const piece of [first.value, second.value]) await writePiece(res, piece);
  for (const piece of pieces) {
    if (res.destroyed) return;
    await writePiece(res, piece);
  }
  res.end();
}

/** Writes one piece, then lets other events run (or waits for the socket to drain). */
function writePiece(res: ServerResponse, piece: string): Promise<void> {
  if (res.write(piece)) return new Promise<void>((resolve) => setImmediate(resolve));
  // The socket is full: wait until it drains, or the caller has gone.
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
