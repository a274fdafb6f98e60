/**
 * L2-regularised logistic regression by Newton's method, on sparse rows: each lead is the few rules that
 * fired for it and how much (see features.ts). Small and exact enough for tens of rules and a few hundred
 * thousand leads; deterministic (no random start, no sampling).
 */

/** One lead: the indexes of the features it has and their values, and whether it converted. */
export interface SparseRow {
  indexes: readonly number[];
  values: readonly number[];
  converted: boolean;
}

export interface LogisticFit {
  intercept: number;
  weights: number[];
}

const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-10;

/**
 * Minimises −log-likelihood + (lambda / 2)·‖weights‖² (the intercept is not penalised). A feature that no
 * row has gets weight 0.
 */
export function fitLogistic(rows: readonly SparseRow[], features: number, lambda: number): LogisticFit {
  const size = features + 1; // the intercept is the last coordinate
  const beta = new Float64Array(size);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    for (const row of rows) {
      let eta = beta[features]!;
      for (let k = 0; k < row.indexes.length; k++) eta += beta[row.indexes[k]!]! * row.values[k]!;
      const p = 1 / (1 + Math.exp(-eta));
      const residual = p - (row.converted ? 1 : 0);
      const weight = p * (1 - p);
      const n = row.indexes.length;
      for (let a = 0; a <= n; a++) {
        const ia = a === n ? features : row.indexes[a]!;
        const va = a === n ? 1 : row.values[a]!;
        gradient[ia]! += residual * va;
        for (let b = 0; b <= n; b++) {
          const ib = b === n ? features : row.indexes[b]!;
          const vb = b === n ? 1 : row.values[b]!;
          hessian[ia * size + ib]! += weight * va * vb;
        }
      }
    }
    for (let j = 0; j < features; j++) {
      gradient[j]! += lambda * beta[j]!;
      hessian[j * size + j]! += lambda;
    }
    // A tiny ridge on the intercept keeps the system solvable when every lead converted (or none did).
    hessian[features * size + features]! += 1e-9;
    const step = solveSymmetric(hessian, gradient, size);
    let largest = 0;
    for (let j = 0; j < size; j++) {
      beta[j]! -= step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < TOLERANCE) break;
  }
  return { intercept: beta[features]!, weights: Array.from(beta.subarray(0, features)) };
}

/** Solves A·x = b for a symmetric positive definite A (row-major, n × n) by Cholesky decomposition. */
export function solveSymmetric(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * n + k]! * lower[j * n + k]!;
      lower[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / lower[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i * n + k]! * y[k]!;
    y[i] = sum / lower[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i]! * x[k]!;
    x[i] = sum / lower[i * n + i]!;
  }
  return x;
}
