// A checked map document as text and as frozen object: each made from the other once,
// on first need, and the text always exactly JSON.stringify of the object.
import { describe, expect, it } from 'vitest';
import { checkedFromDocument, checkedFromJson } from '../../../src-main/db/checked-document';
import { emptyDocument, type MapDocument } from '../../../src-shared/domain/map-document';

const withStage = (): MapDocument =>
  ({ ...emptyDocument(), stages: [{ id: 's1', name: 'Evaluate “Łódź” 😀', actions: [{ id: 'a1' }] }] }) as never;

describe('a checked document', () => {
  it('known by its JSON: parses on the first read of the document only, frozen all the way down', () => {
    const json = JSON.stringify(withStage());
    const checked = checkedFromJson(json);
    expect(checked.json).toBe(json);
    const first = checked.document;
    expect(first).toEqual(withStage());
    expect(checked.document).toBe(first);
    expect(Object.isFrozen(first.process)).toBe(true);
    expect(() => {
      (first.stages[0] as unknown as { actions: { id: string }[] }).actions[0]!.id = 'changed';
    }).toThrow(TypeError);
  });

  it('known by its object: frozen at once, its JSON made once and equal to JSON.stringify', () => {
    const document = withStage();
    const checked = checkedFromDocument(document);
    expect(checked.document).toBe(document);
    expect(Object.isFrozen(document)).toBe(true);
    expect(() => {
      (document.stages as unknown[]).push({});
    }).toThrow(TypeError);
    expect(checked.json).toBe(JSON.stringify(withStage()));
    expect(checked.json).toBe(checked.json);
  });

  it('known by its JSON and parsed before its text was asked for: the text asked for later is the same, byte for byte', () => {
    const json = JSON.stringify({ ...withStage(), process: { '10': 'integer-like keys first', currency: 'EUR', rate: 0.1 + 0.2, ratio: -0 } });
    const checked = checkedFromJson(json);
    expect(checked.document.process).toMatchObject({ currency: 'EUR' });
    expect(checked.json).toBe(json);
    expect(checked.json).toBe(json);
  });
});
