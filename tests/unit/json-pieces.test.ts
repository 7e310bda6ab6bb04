// The JSON answer in pieces: the same text as JSON.stringify, long strings cut into
// pieces that never split a surrogate pair, short answers in one piece, and a field
// whose JSON text is known (json-text.ts) spliced in as that text, never read.
import { describe, expect, it } from 'vitest';
import { withKnownJson } from '../../src-main/core/json-text';
import { jsonPieces } from '../../src-main/server/json-pieces';

/** A map version whose document is a getter that fails the test if anything reads it. */
function aVersionWithKnownDocument(document: unknown, extra: Record<string, unknown> = {}) {
  const version = {
    id: 'v1',
    name: 'Current state',
    get document(): unknown {
      throw new Error('the document was read');
    },
    revision: 3,
    ...extra,
  };
  // The spread above read no getter of its own; the getter is defined on the new object.
  return withKnownJson(version, 'document', () => JSON.stringify(document));
}

/** What JSON.stringify gives for the same answer with the document as a plain value. */
const plain = (body: { ok: boolean; value: Record<string, unknown> }, document: unknown) =>
  JSON.stringify({ ...body, value: Object.fromEntries(Object.keys(body.value).map((k) => [k, k === 'document' ? document : body.value[k]])) });

describe('a JSON answer in pieces', () => {
  it('is one piece when no string is long', () => {
    const body = { ok: true, value: { name: 'Müller "Łódź"\n東京', n: [1, 2] } };
    expect([...jsonPieces(body, 4, 64)]).toEqual([JSON.stringify(body)]);
  });

  it('joins to exactly JSON.stringify, long strings cut into pieces of at most the piece size', () => {
    // 10 characters a piece; the long strings hold quotes, backslashes, controls, an emoji across a cut.
    const emojiAcrossCut = 'abcdefghi😀jklmnopqrstu';
    const quoted = '"\\\u0001'.repeat(7);
    const body = { ok: true, value: { files: [{ data: emojiAcrossCut, encoding: 'utf8' }, { data: quoted }, { data: emojiAcrossCut }], short: 'x' } };
    const pieces = [...jsonPieces(body, 10, 12)];
    expect(pieces.join('')).toBe(JSON.stringify(body));
    expect(JSON.parse(pieces.join(''))).toEqual(body);
    // The first long string: its opening quote, then pieces of ≤ 10 characters (9 before the emoji, kept whole).
    const at = pieces.indexOf('abcdefghi');
    expect(at).toBeGreaterThan(0);
    expect(pieces[at - 1]).toBe('"');
    expect(pieces[at + 1]).toBe('😀jklmnopq');
    expect(pieces.filter((p) => p === 'abcdefghi')).toHaveLength(2);
  });

  it('leaves a string that only looks like its marker alone', () => {
    const body = { text: '\u0000abc:0\u0000', long: 'y'.repeat(100) };
    expect([...jsonPieces(body, 30, 50)].join('')).toBe(JSON.stringify(body));
  });

  it('splices a known JSON field as its text, byte for byte JSON.stringify, in the holder’s key order, never reading the field', () => {
    const document = { schemaVersion: 2, stages: [{ id: 's1', name: 'Müller "Łódź"\n東京 😀', '2': 'an integer-like key' }], notes: '\u0001' };
    const body = { ok: true, value: aVersionWithKnownDocument(document, { after: [1, null, 'x'] }) };
    const text = [...jsonPieces(body)].join('');
    expect(text).toBe(plain(body, document));
    expect(Object.keys(JSON.parse(text).value)).toEqual(['id', 'name', 'document', 'revision', 'after']);
  });

  it('cuts a spliced text into pieces of at most the piece size, never between the halves of a surrogate pair', () => {
    const document = { name: 'abcdefg😀hijklmnopqrstuvwxyz😀' };
    const body = { ok: true, value: aVersionWithKnownDocument(document) };
    const pieces = [...jsonPieces(body, 10, 1000)];
    expect(pieces.join('')).toBe(plain(body, document));
    const spliced = JSON.stringify(document);
    const cut = pieces.slice(pieces.findIndex((p) => spliced.startsWith(p) && p.length > 0));
    let rest = spliced;
    for (const piece of cut) {
      if (!rest) break;
      expect(rest.startsWith(piece)).toBe(true);
      expect(piece.length).toBeLessThanOrEqual(10);
      // No piece ends with the first half of a pair.
      const last = piece.charCodeAt(piece.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      rest = rest.slice(piece.length);
    }
    expect(rest).toBe('');
  });

  it('still pieces long strings beside a spliced text, and splices holders nested in arrays', () => {
    const long = 'z'.repeat(30) + '"\\';
    const documents = [{ a: 1 }, { b: [2] }];
    const body = {
      ok: true,
      value: {
        files: [{ data: long }],
        versions: documents.map((d, i) => aVersionWithKnownDocument(d, { i })),
      },
    };
    const pieces = [...jsonPieces(body, 8, 20)];
    const expected = JSON.stringify({
      ok: true,
      value: { files: [{ data: long }], versions: documents.map((d, i) => ({ id: 'v1', name: 'Current state', document: d, revision: 3, i })) },
    });
    expect(pieces.join('')).toBe(expected);
    expect(pieces).toContain('zzzzzzzz');
    expect(pieces.every((p) => p.length <= 8 || !p.includes('zzzzzzzzz'))).toBe(true);
  });

  it('writes what a toJSON makes, as JSON.stringify does', () => {
    const body = { ok: true, value: { at: new Date('2026-11-30T08:00:00.000Z'), made: { toJSON: () => 'y'.repeat(40) } } };
    expect([...jsonPieces(body, 16, 32)].join('')).toBe(JSON.stringify(body));
  });
});
