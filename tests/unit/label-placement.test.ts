// Arrow labels go on their own arrow, where they cover no card name and no other
// label, and where they can, no card at all (src-renderer/canvas/label-placement.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_MARGIN, placeLabels, pointOnArrow, type Box, type LabelSpec } from '../../src-renderer/canvas/label-placement';

const card = (x: number, y: number, width = 380, height = 300): Box => ({ x, y, width, height });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const labelBox = (at: { x: number; y: number }, size: { width: number; height: number }): Box => ({
  x: at.x - size.width / 2,
  y: at.y - size.height / 2,
  ...size,
});

describe('the arrow React Flow draws', () => {
  it('runs from the right middle of the source to the left middle of the target', () => {
    const spec = { shape: 'curve' as const, source: card(0, 0), target: card(600, 200) };
    expect(pointOnArrow(spec, 0)).toEqual({ x: 380, y: 150 });
    expect(pointOnArrow(spec, 1)).toEqual({ x: 600, y: 350 });
    // Symmetric curve: its middle is halfway.
    expect(pointOnArrow(spec, 0.5)).toEqual({ x: 490, y: 250 });
  });

  it('runs a loop back below both cards', () => {
    const spec = { shape: 'loop' as const, source: card(1000, 0), target: card(0, 0, 380, 400) };
    expect(pointOnArrow(spec, 0.5).y).toBe(400 + 60);
  });
});

describe('placing labels', () => {
  it('keeps a label in the middle of its arrow when that spot is free', () => {
    const spec: LabelSpec = { id: 'a', shape: 'curve', source: card(0, 0), target: card(600, 0), size: { width: 80, height: 24 } };
    const at = placeLabels([spec], { cards: [spec.source, spec.target], names: [] });
    expect(at.get('a')).toEqual(pointOnArrow(spec, 0.5));
  });

  it('moves a label off a card it would cover, along its own arrow', () => {
    // A long exit passing over a card in the middle: the middle of the arrow is on that card.
    const source = card(0, 0);
    const middle = card(700, 0);
    const target = card(1400, 0);
    const spec: LabelSpec = { id: 'exit', shape: 'curve', source, target, size: { width: 160, height: 28 } };
    const at = placeLabels([spec], { cards: [source, middle, target], names: [middle] }).get('exit')!;
    const box = labelBox(at, spec.size);
    for (const c of [source, middle, target]) expect(overlaps(box, c)).toBe(false);
    expect(at.y).toBeCloseTo(150, 0); // still on the (straight) arrow
  });

  it('stacks labels that would sit on the same spot', () => {
    const source = card(0, 0);
    const target = card(600, 0);
    const size = { width: 120, height: 26 };
    const specs: LabelSpec[] = ['a', 'b', 'c'].map((id) => ({ id, shape: 'curve', source, target, size }));
    const at = placeLabels(specs, { cards: [source, target], names: [] });
    const boxes = [...at.values()].map((p) => labelBox(p, size));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('never puts two labels on each other or a label on a name while the arrows have room (property)', () => {
    // Cards in a row with room between them; arrows from each card to any later one.
    const arb = fc.record({
      cards: fc.integer({ min: 2, max: 7 }),
      arrows: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 40, max: 200 })), { minLength: 1, maxLength: 10 }),
    });
    fc.assert(
      fc.property(arb, ({ cards: count, arrows }) => {
        const cards = Array.from({ length: count }, (_, i) => card(i * 700, (i % 2) * 80));
        const specs: LabelSpec[] = arrows.flatMap(([a, b, width], i) => {
          const from = a % count;
          const to = b % count;
          if (from === to) return [];
          const [s, t] = from < to ? [from, to] : [to, from];
          return [{ id: `t${i}`, shape: 'curve' as const, source: cards[s]!, target: cards[t]!, size: { width, height: 26 } }];
        });
        const names = cards.map((c) => ({ ...c, height: 60 }));
        const at = placeLabels(specs, { cards, names });
        const boxes = specs.map((s) => labelBox(at.get(s.id)!, s.size));
        for (let i = 0; i < boxes.length; i++) {
          for (const n of names) expect(overlaps(boxes[i]!, n)).toBe(false);
          for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
        }
      }),
    );
  });

  it('keeps a margin between a label and a card', () => {
    const source = card(0, 0);
    const target = card(380 + 2 * LABEL_MARGIN + 100, 0);
    const spec: LabelSpec = { id: 'tight', shape: 'curve', source, target, size: { width: 100, height: 20 } };
    const at = placeLabels([spec], { cards: [source, target], names: [] }).get('tight')!;
    const box = labelBox(at, spec.size);
    expect(box.x).toBeGreaterThanOrEqual(380 + LABEL_MARGIN - 0.001);
  });
});
