// Label placement on the exported map: labels avoid cards and each other, and the
// placement always ends, quickly, whatever coordinates a (hostile) file carries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoxIndex, boxAround, chooseSpot, type Box } from '../../../src-shared/domain/report/label-placement';
import { layoutReportMap } from '../../../src-shared/domain/report/map-layout';
import { aChainMap } from '../../fixtures/factories';
import { monospaceMetrics } from '../../fixtures/text-metrics';

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

describe('the box index', () => {
  it('adds up the area of a box covered by the boxes in it, counting each box once', () => {
    const index = new BoxIndex();
    index.add(box(0, 0, 100, 100));
    index.add(box(350, 350, 450, 450)); // spans four cells
    expect(index.covered(box(50, 50, 150, 150))).toBe(2500);
    expect(index.covered(box(300, 300, 500, 500))).toBe(10_000);
    expect(index.covered(box(1000, 1000, 1100, 1100))).toBe(0);
  });

  it('still sees a box too large to bucket, and a query box too large to bucket', () => {
    const index = new BoxIndex();
    index.add(box(-1e7, -10, 1e7, 10));
    index.add(box(0, 100, 10, 110));
    expect(index.covered(box(5_000_000, 0, 5_000_010, 10))).toBe(100);
    expect(index.covered(box(-1e7, 0, 1e7, 200))).toBe(2e7 * 10 + 100);
  });

  it('ends at once for a box 4e18 away (the file that used to hang the export)', () => {
    const index = new BoxIndex();
    index.add(box(0, 4e18, 380, 4e18 + 400));
    expect(index.covered(box(0, 4e18, 100, 4e18 + 100))).toBe(0); // at 4e18 a 100-wide box has no exact area left
    expect(index.covered(box(0, 0, 100, 100))).toBe(0);
  });
});

describe('choosing a label spot', () => {
  it('takes the first spot that covers nothing, else the one that covers least', () => {
    const index = new BoxIndex();
    index.add(box(-50, -50, 50, 50));
    expect(chooseSpot([{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 400, y: 0 }], 40, 20, index)).toEqual({ x: 200, y: 0 });
    index.add(boxAround(200, 0, 40, 20));
    expect(chooseSpot([{ x: 0, y: 0 }, { x: 210, y: 0 }], 40, 20, index)).toEqual({ x: 210, y: 0 });
  });
});

const anyCoordinate = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(4e18, -4e18, 1e300, Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 2 ** 53),
  fc.integer({ min: -5000, max: 5000 }),
);
const anyBox = fc.tuple(anyCoordinate, anyCoordinate, fc.oneof(anyCoordinate, fc.double({ min: 0, max: 5000 })), fc.double({ min: 0, max: 5000, noNaN: true })).map(
  ([x, y, w, h]) => box(x, y, x + w, y + h),
);

describe('label placement always ends', () => {
  it('on any boxes and spots, however far, huge or not-a-number, within a time bound', () => {
    fc.assert(
      fc.property(fc.array(anyBox, { maxLength: 40 }), fc.array(fc.record({ x: anyCoordinate, y: anyCoordinate }), { minLength: 1, maxLength: 12 }), (boxes, spots) => {
        const started = performance.now();
        const index = new BoxIndex();
        for (const b of boxes) {
          index.add(b);
          chooseSpot(spots, 120, 30, index);
        }
        expect(performance.now() - started).toBeLessThan(500);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('lays out a map whose cards sit far beyond what the schema allows (never built from a valid file, but never hangs)', () => {
    const { doc } = aChainMap(3);
    const far = { ...doc, stages: doc.stages.map((s, i) => ({ ...s, position: { x: i * 1e17, y: 4e18 } })) };
    const started = performance.now();
    const map = layoutReportMap(far, { metrics: monospaceMetrics });
    expect(map.nodes).toHaveLength(doc.stages.length + doc.outcomes.length);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
