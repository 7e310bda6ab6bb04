// A JSON answer written in pieces: an export's answer holds megabytes of base64 (a
// 40-megapixel map is ~11 MB, sent once a PNG size), and JSON.stringify and one write
// of all of it would hold up the backend's thread for a tenth of a second or more.
// Long strings are written a piece at a time instead, so other requests run between.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Strings longer than this are written in pieces (characters). */
const LONG = 64 * 1024;
/** Characters of a long string in one piece: about a millisecond to escape and write. */
const PIECE = 512 * 1024;

/**
 * The JSON text of `value` (exactly JSON.stringify's), as pieces: the answer's frame,
 * and every long string cut into pieces of at most `piece` characters, never between
 * the two halves of a surrogate pair.
 */
export function* jsonPieces(value: unknown, piece = PIECE, long = LONG): Generator<string> {
  const longStrings: string[] = [];
  // A marker no answer contains: random, and with characters JSON escapes.
  const nonce = randomBytes(9).toString('hex');
  const frame = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'string' || v.length <= long) return v;
    longStrings.push(v);
    return `\u0000${nonce}:${longStrings.length - 1}\u0000`;
  });
  if (frame === undefined) throw new Error('The answer cannot be written as JSON.');
  const marker = new RegExp(`"\\\\u0000${nonce}:(\\d+)\\\\u0000"`, 'g');
  let at = 0;
  for (const match of frame.matchAll(marker)) {
    yield frame.slice(at, match.index);
    const text = longStrings[Number(match[1])]!;
    yield '"';
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + piece);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      yield JSON.stringify(text.slice(start, end)).slice(1, -1);
      start = end;
    }
    yield '"';
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
