// The sparse LU under the process arithmetic agrees with the straightforward dense LU
// (linear-algebra.ts) on random chains with loops, and reports a chain that never ends
// as singular, as the dense one does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luFactor, reciprocalCondition, solveVector, solveVectorTransposed, type Matrix } from '../../../src-shared/domain/analytics/linear-algebra';
import {
  sparseInverseEntries,
  sparseLuFactor,
  sparseReciprocalCondition,
  sparseSolve,
  sparseSolveTransposed,
  type SparseRows,
} from '../../../src-shared/domain/analytics/sparse-lu';

/** I − Q for a random sub-stochastic Q: each row's rates to other stages (loops back included) add up to at most `keep`. */
const aChain = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      rows: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 100 })), { maxLength: 4 }), { minLength: n, maxLength: n }),
      keep: fc.array(fc.double({ min: 0.05, max: 0.999, noNaN: true }), { minLength: n, maxLength: n }),
      start: fc.integer({ min: 0, max: n - 1 }),
      b: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ n, rows, keep, start, b }) => {
    const columns: number[][] = [];
    const values: number[][] = [];
    const dense = new Float64Array(n * n);
    rows.forEach((entries, i) => {
      const others = entries.filter(([j]) => j !== i);
      const total = others.reduce((s, [, w]) => s + w, 0);
      columns.push([i]);
      values.push([1]);
      dense[i * n + i] = 1;
      for (const [j, w] of others) {
        const q = (w / total) * keep[i]!;
        columns[i]!.push(j);
        values[i]!.push(-q);
        dense[i * n + j]! -= q;
      }
    });
    const sparse: SparseRows = { n, columns, values };
    const matrix: Matrix = { rows: n, cols: n, data: dense };
    return { sparse, matrix, start, b };
  });

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected[i]!)));
}

function factors(chain: { sparse: SparseRows; matrix: Matrix; start: number }) {
  const dense = luFactor(chain.matrix);
  const sparse = sparseLuFactor(chain.sparse, { start: chain.start });
  if (!dense.ok || !sparse.ok) throw new Error('expected a chain that ends');
  return { dense: dense.factorization, sparse: sparse.factorization };
}

describe('the sparse LU against the dense one', () => {
  it('solves A·x = b and Aᵀ·x = b alike, to 1e-9', () => {
    fc.assert(
      fc.property(aChain, (chain) => {
        const { dense, sparse } = factors(chain);
        expectClose(sparseSolve(sparse, chain.b), solveVector(dense, chain.b));
        expectClose(sparseSolveTransposed(sparse, chain.b), solveVectorTransposed(dense, chain.b));
      }),
    );
  });

  it('reads any entries of A⁻¹ alike, reusing one work array between calls', () => {
    fc.assert(
      fc.property(aChain, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (chain, picks) => {
        const { dense, sparse } = factors(chain);
        const n = chain.sparse.n;
        const work = new Float64Array(n);
        for (let column = 0; column < n; column++) {
          const e = new Float64Array(n);
          e[column] = 1;
          const full = solveVector(dense, e);
          const rows = picks.map((p) => p % n);
          expectClose(sparseInverseEntries(sparse, column, rows, work), rows.map((r) => full[r]!));
          expect([...work].every((v) => v === 0)).toBe(true);
        }
      }),
    );
  });

  it('estimates the same condition (the estimate follows the same steps on the same numbers)', () => {
    fc.assert(
      fc.property(aChain, (chain) => {
        const { dense, sparse } = factors(chain);
        const d = reciprocalCondition(dense);
        expect(Math.abs(sparseReciprocalCondition(sparse) - d)).toBeLessThan(1e-9 * d);
      }),
    );
  });
});

describe('chains the sparse LU refuses', () => {
  it('a loop buyers never leave (two stages sending everyone to each other) is singular, as for the dense LU', () => {
    // 0 → 1 at 100 %, 1 → 0 at 100 %: I − Q = [[1, −1], [−1, 1]], determinant 0.
    const sparse = sparseLuFactor({ n: 2, columns: [[0, 1], [1, 0]], values: [[1, -1], [1, -1]] });
    const dense = luFactor({ rows: 2, cols: 2, data: Float64Array.from([1, -1, -1, 1]) });
    expect(sparse).toEqual({ ok: false, reason: 'singular', column: 1 });
    expect(dense.ok).toBe(false);
  });

  it('a loop at 99.99999999999 % passes the pivot test but its condition is far below 1e-12', () => {
    const p = 1 - 1e-14;
    const sparse = sparseLuFactor({ n: 2, columns: [[0, 1], [1, 0]], values: [[1, -1], [1, -p]] });
    if (sparse.ok) expect(sparseReciprocalCondition(sparse.factorization)).toBeLessThan(1e-12);
    else expect(sparse.reason).toBe('singular');
  });

  it('a three-stage journey with a loop back: hand-worked visits', () => {
    // 0 → 1 at 100 %; 1 → 2 at 50 %; 2 → 1 at 50 % (loop back), 2 exits with the rest.
    // Visits from 0: v0 = 1; v1 = 1 + 0.5·v2; v2 = 0.5·v1 → v1 = 1 + 0.25·v1 → v1 = 4/3, v2 = 2/3.
    const f = sparseLuFactor({ n: 3, columns: [[0, 1], [1, 2], [2, 1]], values: [[1, -1], [1, -0.5], [1, -0.5]] });
    if (!f.ok) throw new Error('expected a chain that ends');
    expectClose(sparseSolveTransposed(f.factorization, [1, 0, 0]), [1, 4 / 3, 2 / 3]);
  });
});
