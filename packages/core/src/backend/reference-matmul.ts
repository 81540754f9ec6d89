import type { FloatArray } from "../dtype.js";

// Cache blocking: a panel of BLOCK_ROWS output rows (× n columns) stays in L1/L2 while the
// shared dimension streams past it, so every output element is loaded once per panel.
const BLOCK_ROWS = 32;
const BLOCK_DEPTH = 128;

/** C[m×n] = A[m×k] · B[k×n] */
export function matmulNN(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number): void {
  c.fill(0);
  for (let p0 = 0; p0 < k; p0 += BLOCK_DEPTH) {
    const p1 = Math.min(p0 + BLOCK_DEPTH, k);
    for (let i = 0; i < m; i++) {
      const cRow = i * n;
      const aRow = i * k;
      let p = p0;
      // Two rows of B per pass halves the loads and stores of the C row.
      for (; p + 1 < p1; p += 2) {
        const a0 = a[aRow + p];
        const a1 = a[aRow + p + 1];
        if (a0 === 0 && a1 === 0) continue;
        const b0 = p * n;
        const b1 = b0 + n;
        for (let j = 0; j < n; j++) c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j];
      }
      if (p < p1) {
        const a0 = a[aRow + p];
        const b0 = p * n;
        for (let j = 0; j < n; j++) c[cRow + j] += a0 * b[b0 + j];
      }
    }
  }
}

/** C[m×n] = Aᵀ · B with A stored [k×m], B stored [k×n]: the weight gradient Xᵀ·G. */
export function matmulTN(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number): void {
  c.fill(0);
  for (let i0 = 0; i0 < m; i0 += BLOCK_ROWS) {
    const i1 = Math.min(i0 + BLOCK_ROWS, m);
    for (let p = 0; p < k; p++) {
      const aRow = p * m;
      const bRow = p * n;
      for (let i = i0; i < i1; i++) {
        const av = a[aRow + i];
        if (av === 0) continue;
        const cRow = i * n;
        for (let j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j];
      }
    }
  }
}

/** C[m×n] = A · Bᵀ with A stored [m×k], B stored [n×k]: the input gradient G·Wᵀ. */
export function matmulNT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number): void {
  for (let j0 = 0; j0 < n; j0 += BLOCK_ROWS) {
    const j1 = Math.min(j0 + BLOCK_ROWS, n);
    for (let i = 0; i < m; i++) {
      const aRow = i * k;
      for (let j = j0; j < j1; j++) {
        const bRow = j * k;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[aRow + p] * b[bRow + p];
        c[i * n + j] = sum;
      }
    }
  }
}

/** C[m×n] = Aᵀ · Bᵀ with A stored [k×m], B stored [n×k] (rare; kept simple). */
export function matmulTT(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[p * m + i] * b[j * k + p];
      c[i * n + j] = sum;
    }
  }
}
