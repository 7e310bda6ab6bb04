// A sparse LU for the chain matrices of a journey map (I − Q and the chain conditioned
// on winning). Each stage leads to one or two others, so I − Q has about three entries a
// row: a dense LU spends O(n³) on zeros (98 ms at 1,000 stages, 0.9 s at 2,000), this
// one work proportional to the entries and their fill.
//
// Why no pivoting: I − Q is an M-matrix (ones on the diagonal, non-positive entries off
// it, each row's off-diagonal entries adding up to at most 1 in magnitude), and Gaussian
// elimination on a non-singular M-matrix is stable without pivoting: every Schur
// complement is again an M-matrix, so pivots stay positive and entries do not grow. A
// pivot at or below the tolerance means the chain (nearly) never ends: reported as
// singular, exactly as the dense luFactor does.
//
// Why reorder: stages are numbered in map order, which need not follow the journey.
// Eliminating in depth-first reverse postorder from the entry puts every forward
// transition above the diagonal; only loops back land below it, and their fill stays
// within the loop. Rows and columns are permuted together, so the diagonal stays put.
import { DEFAULT_PIVOT_TOLERANCE, estimateReciprocalCondition } from './linear-algebra';

/** A square matrix by rows: row i holds the column indices and values of its entries (duplicates add up). */
export interface SparseRows {
  readonly n: number;
  readonly columns: readonly (readonly number[])[];
  readonly values: readonly (readonly number[])[];
}

export interface SparseLu {
  readonly n: number;
  /** Position p in elimination order is original row/column order[p]. */
  readonly order: Int32Array;
  readonly position: Int32Array;
  /** Strictly lower part of L (unit diagonal implied), rows in CSR form, positions as indices. */
  readonly lStart: Int32Array;
  readonly lIndex: Int32Array;
  readonly lValue: Float64Array;
  /** Strictly upper part of U, rows in CSR form. */
  readonly uStart: Int32Array;
  readonly uIndex: Int32Array;
  readonly uValue: Float64Array;
  readonly diagonal: Float64Array;
  /** ‖A‖₁ (largest column sum), kept for the condition estimate. */
  readonly norm1: number;
}

export type SparseLuResult = { ok: true; factorization: SparseLu } | { ok: false; reason: 'singular'; column: number };

/** Depth-first reverse postorder over the matrix's off-diagonal entries, from `start`, then from every row not yet reached. */
function eliminationOrder(a: SparseRows, start: number): Int32Array {
  const n = a.n;
  const post: number[] = [];
  const seen = new Uint8Array(n);
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  const visit = (root: number) => {
    let top = 0;
    stackNode[0] = root;
    stackNext[0] = 0;
    seen[root] = 1;
    while (top >= 0) {
      const node = stackNode[top]!;
      const cols = a.columns[node]!;
      if (stackNext[top]! >= cols.length) {
        post.push(node);
        top--;
        continue;
      }
      const next = cols[stackNext[top]!++]!;
      if (seen[next] === 0) {
        seen[next] = 1;
        top++;
        stackNode[top] = next;
        stackNext[top] = 0;
      }
    }
  };
  if (start >= 0 && start < n) visit(start);
  for (let i = 0; i < n; i++) if (seen[i] === 0) visit(i);
  const order = new Int32Array(n);
  for (let p = 0; p < n; p++) order[p] = post[n - 1 - p]!;
  return order;
}

/** Smallest-first queue of positions below the row being eliminated (fill adds to it as it goes). */
class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(v: number): void {
    const h = this.items;
    h.push(v);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]! <= v) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = v;
  }
  pop(): number {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && h[r]! < h[l]! ? r : l;
        if (h[c]! >= last) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

/**
 * Factors P·A·Pᵀ = L·U (P from the elimination order, `start` first: the entry stage).
 * Work proportional to the entries of L and U, not n³.
 */
export function sparseLuFactor(a: SparseRows, options: { start?: number; tolerance?: number } = {}): SparseLuResult {
  const n = a.n;
  const order = eliminationOrder(a, options.start ?? 0);
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p]!] = p;

  let maxAbs = 0;
  const columnSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cols = a.columns[i]!;
    const vals = a.values[i]!;
    for (let k = 0; k < cols.length; k++) {
      const v = Math.abs(vals[k]!);
      columnSums[cols[k]!]! += v;
      if (v > maxAbs) maxAbs = v;
    }
  }
  const norm1 = columnSums.reduce((m, v) => Math.max(m, v), 0);
  const threshold = (options.tolerance ?? DEFAULT_PIVOT_TOLERANCE) * maxAbs;

  const lStart = new Int32Array(n + 1);
  const uStart = new Int32Array(n + 1);
  const lIndex: number[] = [];
  const lValue: number[] = [];
  const uIndex: number[] = [];
  const uValue: number[] = [];
  const diagonal = new Float64Array(n);
  // The row being eliminated, scattered: values by position, and which positions it touches.
  const work = new Float64Array(n);
  const touched = new Int32Array(n).fill(-1);
  const upper: number[] = [];
  const lower = new MinHeap();
  const uUpto: number[] = [0];

  /** Marks position q as part of row p's pattern (once), queueing it below or above the diagonal. */
  const touch = (p: number, q: number) => {
    if (touched[q] === p) return;
    touched[q] = p;
    work[q] = 0;
    if (q < p) lower.push(q);
    else if (q > p) upper.push(q);
  };
  for (let p = 0; p < n; p++) {
    upper.length = 0;
    touch(p, p);
    const row = order[p]!;
    const cols = a.columns[row]!;
    const vals = a.values[row]!;
    for (let k = 0; k < cols.length; k++) {
      const q = position[cols[k]!]!;
      touch(p, q);
      work[q]! += vals[k]!;
    }
    lStart[p] = lIndex.length;
    while (lower.size > 0) {
      const k = lower.pop();
      const wk = work[k]!;
      if (wk === 0) continue;
      const factor = wk / diagonal[k]!;
      lIndex.push(k);
      lValue.push(factor);
      for (let e = uUpto[k]!; e < uUpto[k + 1]!; e++) {
        const q = uIndex[e]!;
        touch(p, q);
        work[q]! -= factor * uValue[e]!;
      }
    }
    const pivot = work[p]!;
    if (!(Math.abs(pivot) > threshold) || maxAbs === 0) return { ok: false, reason: 'singular', column: p };
    diagonal[p] = pivot;
    for (const q of upper) {
      if (work[q] === 0) continue;
      uIndex.push(q);
      uValue.push(work[q]!);
    }
    uUpto.push(uIndex.length);
  }
  lStart[n] = lIndex.length;
  for (let p = 0; p <= n; p++) uStart[p] = uUpto[p]!;
  return {
    ok: true,
    factorization: {
      n,
      order,
      position,
      lStart,
      lIndex: Int32Array.from(lIndex),
      lValue: Float64Array.from(lValue),
      uStart,
      uIndex: Int32Array.from(uIndex),
      uValue: Float64Array.from(uValue),
      diagonal,
      norm1,
    },
  };
}

/** Solves A·x = b. */
export function sparseSolve(f: SparseLu, b: ArrayLike<number>): Float64Array {
  const { n, order, lStart, lIndex, lValue, uStart, uIndex, uValue, diagonal } = f;
  if (b.length !== n) throw new Error('sparseSolve: length mismatch');
  const y = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let s = b[order[p]!]!;
    for (let e = lStart[p]!; e < lStart[p + 1]!; e++) s -= lValue[e]! * y[lIndex[e]!]!;
    y[p] = s;
  }
  for (let p = n - 1; p >= 0; p--) {
    let s = y[p]!;
    for (let e = uStart[p]!; e < uStart[p + 1]!; e++) s -= uValue[e]! * y[uIndex[e]!]!;
    y[p] = s / diagonal[p]!;
  }
  const x = new Float64Array(n);
  for (let p = 0; p < n; p++) x[order[p]!] = y[p]!;
  return x;
}

/** Solves Aᵀ·x = b (a row of A⁻¹ when b is a unit vector). */
export function sparseSolveTransposed(f: SparseLu, b: ArrayLike<number>): Float64Array {
  // P·A·Pᵀ = L·U, so Aᵀ = Pᵀ·Uᵀ·Lᵀ·P: solve Uᵀ·v = P·b, then Lᵀ·y = v, then x = Pᵀ·y.
  // Both by scattering along the stored rows of U and L.
  const { n, order, lStart, lIndex, lValue, uStart, uIndex, uValue, diagonal } = f;
  if (b.length !== n) throw new Error('sparseSolveTransposed: length mismatch');
  const v = new Float64Array(n);
  for (let p = 0; p < n; p++) v[p] = b[order[p]!]!;
  for (let p = 0; p < n; p++) {
    const vp = (v[p]! /= diagonal[p]!);
    if (vp !== 0) for (let e = uStart[p]!; e < uStart[p + 1]!; e++) v[uIndex[e]!]! -= uValue[e]! * vp;
  }
  for (let p = n - 1; p >= 0; p--) {
    const vp = v[p]!;
    if (vp !== 0) for (let e = lStart[p]!; e < lStart[p + 1]!; e++) v[lIndex[e]!]! -= lValue[e]! * vp;
  }
  const x = new Float64Array(n);
  for (let p = 0; p < n; p++) x[order[p]!] = v[p]!;
  return x;
}

/** Where each column of L has entries (rows below the diagonal), built once per factorisation on first use. */
const lColumns = new WeakMap<SparseLu, { start: Int32Array; rows: Int32Array }>();

function columnsOfL(f: SparseLu): { start: Int32Array; rows: Int32Array } {
  const cached = lColumns.get(f);
  if (cached) return cached;
  const { n, lStart, lIndex } = f;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < lIndex.length; e++) start[lIndex[e]! + 1]!++;
  for (let k = 0; k < n; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, n);
  const rows = new Int32Array(lIndex.length);
  for (let p = 0; p < n; p++) for (let e = lStart[p]!; e < lStart[p + 1]!; e++) rows[fill[lIndex[e]!]!++] = p;
  const built = { start, rows };
  lColumns.set(f, built);
  return built;
}

/**
 * Entries `rows` of column `column` of A⁻¹ (A⁻¹·e_column read at those rows), solving
 * only where the answer can be non-zero: the forward solve visits the positions reachable
 * from the column through L (in a journey, the loops back around it), and the backward
 * one runs from the last of those down to the lowest position asked for. For the
 * bottleneck ranking this reads N[target, source] without forming N, in time about the
 * length of the loops around the source rather than n.
 * `work` must be all zeros and is left so.
 */
export function sparseInverseEntries(f: SparseLu, column: number, rows: readonly number[], work: Float64Array = new Float64Array(f.n)): number[] {
  const { position, lStart, lIndex, lValue, uStart, uIndex, uValue, diagonal } = f;
  if (rows.length === 0) return [];
  const byColumn = columnsOfL(f);
  const start = position[column]!;
  // Non-zero pattern of L⁻¹·e_start: everything reachable from start along L's columns.
  const reach = [start];
  const seen = new Set([start]);
  for (let k = 0; k < reach.length; k++) {
    const from = reach[k]!;
    for (let e = byColumn.start[from]!; e < byColumn.start[from + 1]!; e++) {
      const p = byColumn.rows[e]!;
      if (!seen.has(p)) {
        seen.add(p);
        reach.push(p);
      }
    }
  }
  reach.sort((x, y) => x - y);
  work[start] = 1;
  for (const p of reach) {
    if (p === start) continue;
    let s = 0;
    for (let e = lStart[p]!; e < lStart[p + 1]!; e++) s -= lValue[e]! * work[lIndex[e]!]!;
    work[p] = s;
  }
  // U is upper triangular: above the last non-zero of the right-hand side the solution is 0.
  const last = reach[reach.length - 1]!;
  let stop = last + 1;
  for (const r of rows) stop = Math.min(stop, position[r]!);
  for (let p = last; p >= stop; p--) {
    let s = work[p]!;
    for (let e = uStart[p]!; e < uStart[p + 1]!; e++) s -= uValue[e]! * work[uIndex[e]!]!;
    work[p] = s / diagonal[p]!;
  }
  const values = rows.map((r) => work[position[r]!]!);
  work.fill(0, Math.min(stop, start), last + 1);
  return values;
}

/** 1 / (‖A‖₁·‖A⁻¹‖₁), estimated as linear-algebra.ts does for the dense LU. */
export function sparseReciprocalCondition(f: SparseLu): number {
  return estimateReciprocalCondition({ n: f.n, norm1: f.norm1, solve: (b) => sparseSolve(f, b), solveTransposed: (b) => sparseSolveTransposed(f, b) });
}
