// A small dense linear solver (LU with partial pivoting) for the process arithmetic:
// N = (I − Q)⁻¹ and friends, on matrices the size of a journey map (tens, at most a
// few thousand stages).
//
// Why hand-rolled rather than a library: the whole need is ~200 lines (factor, solve
// A·X = B and Aᵀ·X = B for several right-hand sides, a condition estimate), it must run
// unchanged in every runtime src-shared serves, and we need exact control over how a
// singular or nearly singular matrix is reported, because that is a facilitator-facing
// message ("buyers loop forever"), not an exception. The well-kept JS option, ml-matrix,
// is a general matrix toolkit many times this size whose LU singularity test looks for
// exact zero pivots only and offers no condition estimate; mathjs is larger still.

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: element (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0]!.length;
  const m = zeros(r, c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new Error('fromRows: rows of unequal length');
    row.forEach((v, j) => (m.data[i * c + j] = v));
  });
  return m;
}

export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!;
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error('multiply: inner dimensions differ');
  const out = zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j]! += aik * b.data[k * b.cols + j]!;
    }
  }
  return out;
}

/** An LU factorisation PA = LU: L unit lower, U upper, both stored in one n×n array. */
export interface LuFactorization {
  readonly n: number;
  readonly lu: Float64Array;
  /** Row i of PA is row perm[i] of A. */
  readonly perm: Int32Array;
  /** ‖A‖₁ (largest column sum), kept for the condition estimate. */
  readonly norm1: number;
}

export type LuResult =
  | { ok: true; factorization: LuFactorization }
  /** A pivot fell below tolerance × the largest entry of A: A is (numerically) singular. */
  | { ok: false; reason: 'singular'; column: number };

export interface LuOptions {
  /** Relative pivot tolerance (default 1e-12). */
  tolerance?: number;
}

export const DEFAULT_PIVOT_TOLERANCE = 1e-12;

/** Factors a square matrix (Doolittle, partial pivoting). O(n³/3) multiply-adds. */
export function luFactor(a: Matrix, options: LuOptions = {}): LuResult {
  if (a.rows !== a.cols) throw new Error('luFactor: matrix is not square');
  const n = a.rows;
  const lu = Float64Array.from(a.data);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let maxAbs = 0;
  let norm1 = 0;
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(lu[i * n + j]!);
      col += v;
      if (v > maxAbs) maxAbs = v;
    }
    if (col > norm1) norm1 = col;
  }
  const threshold = (options.tolerance ?? DEFAULT_PIVOT_TOLERANCE) * maxAbs;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > threshold) || maxAbs === 0) return { ok: false, reason: 'singular', column: k };
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
    }
    const pivot = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const factor = (lu[i * n + k]! /= pivot);
      if (factor === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j]! -= factor * lu[k * n + j]!;
    }
  }
  return { ok: true, factorization: { n, lu, perm, norm1 } };
}

/** Solves A·x = b. O(n²). */
export function solveVector(f: LuFactorization, b: ArrayLike<number>): Float64Array {
  const { n, lu, perm } = f;
  if (b.length !== n) throw new Error('solveVector: length mismatch');
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[perm[i]!]!;
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s / lu[i * n + i]!;
  }
  return x;
}

/** Solves Aᵀ·x = b (so x is a row of A⁻¹ when b is a unit vector). O(n²). */
export function solveVectorTransposed(f: LuFactorization, b: ArrayLike<number>): Float64Array {
  // A = Pᵀ·L·U, so Aᵀ = Uᵀ·Lᵀ·P: solve Uᵀz = b, then Lᵀy = z, then x = Pᵀy.
  const { n, lu, perm } = f;
  if (b.length !== n) throw new Error('solveVectorTransposed: length mismatch');
  const z = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = z[i]!;
    for (let j = 0; j < i; j++) s -= lu[j * n + i]! * z[j]!;
    z[i] = s / lu[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[j * n + i]! * z[j]!;
    z[i] = s;
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[perm[i]!] = z[i]!;
  return x;
}

/** X[row i] −= factor × X[row j], rows of width k in one row-major array. */
function subtractRow(x: Float64Array, k: number, i: number, j: number, factor: number): void {
  const ri = i * k;
  const rj = j * k;
  for (let c = 0; c < k; c++) x[ri + c]! -= factor * x[rj + c]!;
}

/**
 * Solves A·X = B (or Aᵀ·X = B) for every column of B at once, reusing the
 * factorisation. Row-oriented over the right-hand sides, so the inner loop runs along
 * contiguous memory, and zero entries of L and U are skipped: on the sparse, banded
 * matrices of a journey map that skips most of the O(n²·k) work.
 */
export function luSolve(f: LuFactorization, b: Matrix, options: { transposed?: boolean } = {}): Matrix {
  const { n, lu, perm } = f;
  if (b.rows !== n) throw new Error('luSolve: row count mismatch');
  const k = b.cols;
  const x = new Float64Array(n * k);
  if (!options.transposed) {
    for (let i = 0; i < n; i++) x.set(b.data.subarray(perm[i]! * k, perm[i]! * k + k), i * k);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const l = lu[i * n + j]!;
        if (l !== 0) subtractRow(x, k, i, j, l);
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      for (let j = i + 1; j < n; j++) {
        const u = lu[i * n + j]!;
        if (u !== 0) subtractRow(x, k, i, j, u);
      }
      const d = lu[i * n + i]!;
      for (let c = 0; c < k; c++) x[i * k + c]! /= d;
    }
    return { rows: n, cols: k, data: x };
  }
  // Aᵀ = Uᵀ·Lᵀ·P: solve Uᵀ·Z = B, Lᵀ·Y = Z, then X = Pᵀ·Y.
  x.set(b.data);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const u = lu[j * n + i]!;
      if (u !== 0) subtractRow(x, k, i, j, u);
    }
    const d = lu[i * n + i]!;
    for (let c = 0; c < k; c++) x[i * k + c]! /= d;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const l = lu[j * n + i]!;
      if (l !== 0) subtractRow(x, k, i, j, l);
    }
  }
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) out.set(x.subarray(i * k, i * k + k), perm[i]! * k);
  return { rows: n, cols: k, data: out };
}

/**
 * Estimates the reciprocal condition number 1 / (‖A‖₁·‖A⁻¹‖₁), Hager's method with
 * Higham's extra test vector (as LAPACK's xGECON): a handful of O(n²) solves instead
 * of forming A⁻¹. It can underestimate ‖A⁻¹‖₁, never overestimate it.
 */
export function reciprocalCondition(f: LuFactorization): number {
  return estimateReciprocalCondition({ n: f.n, norm1: f.norm1, solve: (b) => solveVector(f, b), solveTransposed: (b) => solveVectorTransposed(f, b) });
}

/** What the condition estimate needs of a factorisation, dense or sparse. */
export interface FactoredOperator {
  readonly n: number;
  /** ‖A‖₁. */
  readonly norm1: number;
  solve(b: ArrayLike<number>): Float64Array;
  solveTransposed(b: ArrayLike<number>): Float64Array;
}

/** Hager–Higham estimate of 1 / (‖A‖₁·‖A⁻¹‖₁) from solves with A and Aᵀ. */
export function estimateReciprocalCondition(f: FactoredOperator): number {
  const n = f.n;
  if (n === 0) return 1;
  if (f.norm1 === 0) return 0;
  const norm1 = (v: Float64Array) => v.reduce((s, x) => s + Math.abs(x), 0);
  let x = new Float64Array(n).fill(1 / n);
  let estimate = 0;
  let lastJ = -1;
  for (let iteration = 0; iteration < 5; iteration++) {
    const y = f.solve(x);
    estimate = Math.max(estimate, norm1(y));
    const z = f.solveTransposed(y.map((v) => (v >= 0 ? 1 : -1)));
    let j = 0;
    for (let i = 1; i < n; i++) if (Math.abs(z[i]!) > Math.abs(z[j]!)) j = i;
    let ztx = 0;
    for (let i = 0; i < n; i++) ztx += z[i]! * x[i]!;
    if (Math.abs(z[j]!) <= ztx || j === lastJ) break;
    lastJ = j;
    x = new Float64Array(n);
    x[j] = 1;
  }
  const alt = new Float64Array(n);
  for (let i = 0; i < n; i++) alt[i] = (i % 2 === 0 ? 1 : -1) * (1 + (n > 1 ? i / (n - 1) : 0));
  estimate = Math.max(estimate, (2 * norm1(f.solve(alt))) / (3 * n));
  if (!Number.isFinite(estimate) || estimate === 0) return 0;
  return 1 / (f.norm1 * estimate);
}

export type SolveResult =
  | { ok: true; x: Matrix; reciprocalCondition: number }
  | { ok: false; reason: 'singular' | 'ill-conditioned'; reciprocalCondition: number };

export const DEFAULT_CONDITION_TOLERANCE = 1e-12;

/**
 * Solves A·X = B (or Aᵀ·X = B) and refuses, as data, when A is singular or so badly
 * conditioned (reciprocal condition below `conditionTolerance`) that X would be noise.
 */
export function solve(
  a: Matrix,
  b: Matrix,
  options: LuOptions & { conditionTolerance?: number; transposed?: boolean } = {},
): SolveResult {
  const factored = luFactor(a, options);
  if (!factored.ok) return { ok: false, reason: 'singular', reciprocalCondition: 0 };
  const rcond = reciprocalCondition(factored.factorization);
  if (rcond < (options.conditionTolerance ?? DEFAULT_CONDITION_TOLERANCE)) {
    return { ok: false, reason: 'ill-conditioned', reciprocalCondition: rcond };
  }
  return { ok: true, x: luSolve(factored.factorization, b, { transposed: options.transposed ?? false }), reciprocalCondition: rcond };
}
