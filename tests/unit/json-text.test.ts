// An object whose JSON text of one field is known: the text is found again by the
// holder, and is invisible to every other reader (JSON, structured clone, spread, keys).
import { describe, expect, it } from 'vitest';
import { knownJsonOf, withKnownJson } from '../../src-main/core/json-text';

describe('a known JSON text', () => {
  it('is found on the holder it was given to, naming its field, and on nothing else', () => {
    const holder = withKnownJson({ id: 'v1', document: { stages: [] } }, 'document', () => '{"stages":[]}');
    const known = knownJsonOf(holder)!;
    expect(known.field).toBe('document');
    expect(known.text()).toBe('{"stages":[]}');
    expect(knownJsonOf({ id: 'v1', document: { stages: [] } })).toBeUndefined();
    expect(knownJsonOf(null)).toBeUndefined();
    expect(knownJsonOf('{"stages":[]}')).toBeUndefined();
  });

  it('is not seen by JSON.stringify, structured clone (Electron’s IPC), a spread copy or the keys', () => {
    const holder = withKnownJson({ id: 'v1', document: { stages: [1] } }, 'document', () => 'not what the field holds');
    expect(JSON.stringify(holder)).toBe('{"id":"v1","document":{"stages":[1]}}');
    expect(Object.keys(holder)).toEqual(['id', 'document']);
    expect(Reflect.ownKeys(structuredClone(holder))).toEqual(['id', 'document']);
    const copy = { ...holder, document: { stages: [2] } };
    expect(knownJsonOf(copy)).toBeUndefined();
    expect(knownJsonOf(structuredClone(holder))).toBeUndefined();
  });

  it('leaves a getter field unread: only the text function is called when asked', () => {
    let reads = 0;
    let texts = 0;
    const holder = withKnownJson(
      {
        id: 'v1',
        get document() {
          reads++;
          return { stages: [] };
        },
      },
      'document',
      () => {
        texts++;
        return '{"stages":[]}';
      },
    );
    knownJsonOf(holder)!.text();
    expect({ reads, texts }).toEqual({ reads: 0, texts: 1 });
  });
});
