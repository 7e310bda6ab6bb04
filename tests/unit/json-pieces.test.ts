// The JSON answer in pieces: the same text as JSON.stringify, long strings cut into
// pieces that never split a surrogate pair, short answers in one piece.
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src-main/server/json-pieces';

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
});
