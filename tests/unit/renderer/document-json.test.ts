// The map written as JSON for the save and the journal: byte for byte what
// JSON.stringify writes, with only the list items that changed written afresh.
import { describe, expect, it } from 'vitest';
import { createJsonEncoder } from '../../../src-renderer/store/document-json';
import { moveNodes, updateStage } from '../../../src-shared/domain/map-ops';
import { bigMap } from '../../../bench/big-map';
import { aChainMap, HOSTILE_TEXTS } from '../../fixtures/factories';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** JSON.stringify, counting the values it is asked to write. */
function countingStringify() {
  const written: unknown[] = [];
  const stringify = (value: unknown) => {
    written.push(value);
    return JSON.stringify(value);
  };
  return { written, stringify };
}

describe('createJsonEncoder', () => {
  it('writes a map exactly as JSON.stringify does, names in any script and hostile text included', () => {
    const { doc } = aChainMap(3, { filled: true });
    const hostile = { ...doc, stages: doc.stages.map((s, i) => ({ ...s, name: HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]! })) };
    const encoder = createJsonEncoder();
    for (const d of [doc, hostile, bigMap(30)]) expect(text(encoder.encode(d))).toBe(JSON.stringify(d));
  });

  it('says what JSON cannot as JSON.stringify does: a key with no value is left out, in a list it is null', () => {
    const value = { a: undefined, b: [1, undefined, () => 1, 'x', null, { c: undefined, d: 2 }], e: { f: [undefined] }, g: () => 1, h: 'é"\\\n' };
    expect(text(createJsonEncoder().encode(value))).toBe(JSON.stringify(value));
    expect(text(createJsonEncoder().encode([]))).toBe('[]');
    expect(text(createJsonEncoder().encode({}))).toBe('{}');
    expect(text(createJsonEncoder().encode('plain'))).toBe('"plain"');
  });

  it('writes afresh only the stage a drag moved, and nothing at all for the same document again', () => {
    const doc = bigMap(40);
    const { written, stringify } = countingStringify();
    const encoder = createJsonEncoder(stringify);
    const first = encoder.encode(doc);
    expect(encoder.encode(doc)).toBe(first);
    written.length = 0;
    const moved = moveNodes(doc, new Map([[doc.stages[7]!.id, { x: 1, y: 2 }]]));
    expect(text(encoder.encode(moved))).toBe(JSON.stringify(moved));
    // The moved stage is the only object written whole; the rest is keys and small values of the document.
    expect(written.filter((v) => typeof v === 'object' && v !== null)).toEqual([moved.stages[7]]);
  });

  it('never reuses the bytes of a stage after it changed, whichever documents come in between (undo, redo)', () => {
    const doc = bigMap(12);
    const encoder = createJsonEncoder();
    const renamed = updateStage(doc, doc.stages[3]!.id, { name: 'Renamed in the room' });
    const again = updateStage(renamed, doc.stages[3]!.id, { name: 'Renamed twice' });
    for (const d of [doc, renamed, again, renamed, doc, again]) expect(text(encoder.encode(d))).toBe(JSON.stringify(d));
  });

  it('warms up a few items at a time while it may, then writes a document of them without writing any item again', () => {
    const doc = bigMap(30);
    const { written, stringify } = countingStringify();
    const encoder = createJsonEncoder(stringify);
    let budget = 10;
    expect(encoder.warm(doc, () => budget-- > 0)).toBe(false);
    const objects = () => written.filter((v) => typeof v === 'object' && v !== null);
    expect(objects()).toHaveLength(10);
    expect(encoder.warm(doc, () => true)).toBe(true);
    const warmed = objects().length;
    // Every stage, transition and outcome, each once.
    expect(warmed).toBe(doc.stages.length + doc.transitions.length + doc.outcomes.length);
    expect(encoder.warm(doc, () => false)).toBe(true);
    expect(text(encoder.encode(doc))).toBe(JSON.stringify(doc));
    expect(objects()).toHaveLength(warmed);
  });
});
