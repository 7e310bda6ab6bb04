// The dense solver under the process arithmetic: exact on small hand-checked systems,
// honest (as data) about singular and nearly singular matrices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromRows,
  identity,
  luFactor,
  luSolve,
  multiply,
  reciprocalCondition,
  solve,
  solveVector,
  solveVectorTransposed,
  toRows,
  zeros,
  type Matrix,
} from '../../../src-shared/domain/analytics/linear-algebra';

function factored(a: Matrix) {
  const result = luFactor(a);
  if (!result.ok) throw new Error('expected a regular matrix');
  return result.factorization;
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], digits = 12) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, digits));
}

describe('solving a linear system with LU', () => {
  it('solves a 3×3 system that needs a row swap (zero in the first pivot)', () => {
    // 0x + 2y + 1z = 7, 1x + 1y + 1z = 6, 2x + 1y + 3z = 13  →  x = 1, y = 2, z = 3
    // (check: 0+4+3 = 7; 1+2+3 = 6; 2+2+9 = 13)
    const a = fromRows([
      [0, 2, 1],
      [1, 1, 1],
      [2, 1, 3],
    ]);
    expectClose(solveVector(factored(a), [7, 6, 13]), [1, 2, 3]);
  });

  it('solves the transposed system with the same factorisation', () => {
    // Aᵀ = [[0,1,2],[2,1,1],[1,1,3]]; with x = (1,2,3): Aᵀx = (0+2+6, 2+2+3, 1+2+9) = (8, 7, 12)
    const a = fromRows([
      [0, 2, 1],
      [1, 1, 1],
      [2, 1, 3],
    ]);
    expectClose(solveVectorTransposed(factored(a), [8, 7, 12]), [1, 2, 3]);
  });

  it('solves for several right-hand sides at once: A·A⁻¹ = I', () => {
    const a = fromRows([
      [4, -2, 1],
      [-2, 4, -2],
      [1, -2, 4],
    ]);
    const inverse = luSolve(factored(a), identity(3));
    toRows(multiply(a, inverse)).forEach((row, i) => expectClose(row, [0, 1, 2].map((j) => (i === j ? 1 : 0))));
  });

  it('solves several right-hand sides through a row swap, for A and for Aᵀ', () => {
    // Same A as above, x = (1, 2, 3) in column 0 and x = (1, 0, 0) in column 1:
    // A·x = (7, 6, 13) and (0, 1, 2); Aᵀ·x = (8, 7, 12) and (0, 2, 1).
    const f = factored(
      fromRows([
        [0, 2, 1],
        [1, 1, 1],
        [2, 1, 3],
      ]),
    );
    const expected = [
      [1, 1],
      [2, 0],
      [3, 0],
    ];
    toRows(luSolve(f, fromRows([[7, 0], [6, 1], [13, 2]]))).forEach((row, i) => expectClose(row, expected[i]!));
    toRows(luSolve(f, fromRows([[8, 0], [7, 2], [12, 1]]), { transposed: true })).forEach((row, i) => expectClose(row, expected[i]!));
  });

  it('inverts I − Q of a two-stage loop by hand: N = 1/(1 − 0.4) · [[1, 0.8], [0.5, 1]]', () => {
    // Q = [[0, 0.8], [0.5, 0]]; det(I − Q) = 1 − 0.8·0.5 = 0.6; N = (1/0.6)·[[1, 0.8], [0.5, 1]]
    const iMinusQ = fromRows([
      [1, -0.8],
      [-0.5, 1],
    ]);
    const n = toRows(luSolve(factored(iMinusQ), identity(2)));
    expectClose(n[0]!, [1 / 0.6, 0.8 / 0.6]);
    expectClose(n[1]!, [0.5 / 0.6, 1 / 0.6]);
  });

  it('handles the empty system', () => {
    expect(solve(zeros(0, 0), zeros(0, 1))).toMatchObject({ ok: true });
  });
});

describe('singular and ill-conditioned matrices', () => {
  it('reports an exactly singular matrix and the column where elimination broke down', () => {
    // Row 2 = 2 × row 1: the second pivot is 0 after eliminating the first column.
    const result = luFactor(
      fromRows([
        [1, 2],
        [2, 4],
      ]),
    );
    expect(result).toEqual({ ok: false, reason: 'singular', column: 1 });
  });

  it('reports the zero matrix as singular', () => {
    expect(luFactor(zeros(2, 2))).toMatchObject({ ok: false, reason: 'singular', column: 0 });
  });

  it('treats a pivot below the relative tolerance as singular', () => {
    const nearly = fromRows([
      [1, 1],
      [1, 1 + 1e-14],
    ]);
    expect(luFactor(nearly)).toMatchObject({ ok: false, reason: 'singular' });
    expect(luFactor(nearly, { tolerance: 1e-16 })).toMatchObject({ ok: true });
  });

  it('refuses a nearly singular system as ill-conditioned instead of returning noise', () => {
    const nearly = fromRows([
      [1, 1],
      [1, 1 + 1e-13],
    ]);
    const result = solve(nearly, fromRows([[1], [2]]), { tolerance: 1e-16 });
    expect(result).toMatchObject({ ok: false, reason: 'ill-conditioned' });
  });

  it('estimates the condition of a diagonal matrix exactly: rcond = min / max', () => {
    const a = fromRows([
      [10, 0, 0],
      [0, 1, 0],
      [0, 0, 0.01],
    ]);
    expect(reciprocalCondition(factored(a))).toBeCloseTo(0.001, 12);
  });
});

describe('solver properties', () => {
  // Diagonally dominant matrices are regular and well conditioned.
  const dominantSystem = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      a: fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      x: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  );

  it('recovers x from b = A·x, for A and for Aᵀ', () => {
    fc.assert(
      fc.property(dominantSystem, ({ a, x }) => {
        const n = x.length;
        const rows = a.map((row, i) => row.map((v, j) => (i === j ? n + 1 : v)));
        const matrix = fromRows(rows);
        const f = factored(matrix);
        const b = rows.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));
        const bt = rows.map((_, j) => rows.reduce((s, row, i) => s + row[j]! * x[i]!, 0));
        const tolerance = 1e-9 * (1 + Math.max(...x.map(Math.abs)));
        solveVector(f, b).forEach((v, i) => expect(Math.abs(v - x[i]!)).toBeLessThan(tolerance));
        solveVectorTransposed(f, bt).forEach((v, i) => expect(Math.abs(v - x[i]!)).toBeLessThan(tolerance));
      }),
    );
  });
});

describe('solving for many right-hand sides at once', () => {
  it('gives, column by column, what one solve per column gives (for A and for Aᵀ)', () => {
    const system = fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.record({
        a: fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        b: fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(system, ({ a, b }) => {
        // Zeros on the sub- and superdiagonals exercise the skipped entries; the dominant diagonal keeps A regular.
        const rows = a.map((row, i) => row.map((v, j) => (i === j ? row.length + 1 : Math.abs(v) < 0.3 ? 0 : v)));
        const f = factored(fromRows(rows));
        for (const transposed of [false, true]) {
          const together = toRows(luSolve(f, fromRows(b), { transposed }));
          for (let c = 0; c < 3; c++) {
            const column = b.map((row) => row[c]!);
            const alone = transposed ? solveVectorTransposed(f, column) : solveVector(f, column);
            alone.forEach((v, i) => expect(together[i]![c]).toBeCloseTo(v, 9));
          }
        }
      }),
    );
  });
});
