import { describe, expect, it } from "vitest";
import type { DType } from "../dtype.js";
import { Tensor } from "../tensor.js";
import { describeBackendConformance } from "../testing/backend-conformance.js";
import { createReferenceBackend } from "./reference-backend.js";

const backend = createReferenceBackend();

// Against a second instance of itself the suite can only fail on its own mistakes (a case that
// no correct backend passes); the tests below pin the reference to independently computed values.
describeBackendConformance("a second reference backend", createReferenceBackend);

function randomTensor(shape: number[], dtype: DType, seed: number): Tensor {
  let state = seed;
  const values = Array.from({ length: shape[0] * shape[1] }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
  return Tensor.from(values, shape, { dtype, backend });
}

/** C = op(A)·op(B) by the textbook triple loop, in float64. */
function naiveMatmul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): number[] {
  const m = transposeA ? a.shape[1] : a.shape[0];
  const k = transposeA ? a.shape[0] : a.shape[1];
  const n = transposeB ? b.shape[0] : b.shape[1];
  const at = (i: number, p: number) => (transposeA ? a.data[p * a.shape[1] + i] : a.data[i * a.shape[1] + p]);
  const bt = (p: number, j: number) => (transposeB ? b.data[j * b.shape[1] + p] : b.data[p * b.shape[1] + j]);
  const c: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += at(i, p) * bt(p, j);
      c.push(s);
    }
  }
  return c;
}

describe("reference backend matmul", () => {
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [7, 13, 5],
    [33, 129, 17],
    [65, 300, 3],
  ];
  for (const dtype of ["float32", "float64"] as const) {
    for (const [m, k, n] of shapes) {
      for (const transposeA of [false, true]) {
        for (const transposeB of [false, true]) {
          it(`${dtype} ${m}×${k}·${k}×${n} transposeA=${transposeA} transposeB=${transposeB} matches the triple loop`, () => {
            const a = randomTensor(transposeA ? [k, m] : [m, k], dtype, m * 31 + k);
            const b = randomTensor(transposeB ? [n, k] : [k, n], dtype, n * 17 + k);
            const out = Tensor.zeros([m, n], { dtype, backend });
            out.data.fill(123); // stale contents must be overwritten, not accumulated into
            backend.matmul(a, b, out, transposeA, transposeB);
            const expected = naiveMatmul(a, b, transposeA, transposeB);
            const tolerance = dtype === "float32" ? 2e-6 * Math.sqrt(k) : 1e-13 * k;
            expected.forEach((v, i) => expect(Math.abs(out.data[i] - v)).toBeLessThanOrEqual(tolerance));
          });
        }
      }
    }
  }
});

describe("reference backend kernels", () => {
  const t = (values: number[], shape: number[]) => Tensor.from(values, shape, { dtype: "float64", backend });

  it("adds a row vector to every row and sums rows", () => {
    const x = t([1, 2, 3, 4, 5, 6], [2, 3]);
    const out = Tensor.zeros([2, 3], { dtype: "float64", backend });
    backend.addRowVector(x, t([10, 20, 30], [1, 3]), out);
    expect(out.toArray()).toEqual([11, 22, 33, 14, 25, 36]);
    const sums = Tensor.zeros([1, 3], { dtype: "float64", backend });
    backend.sumRows(x, sums);
    expect(sums.toArray()).toEqual([5, 7, 9]);
  });

  it("computes the mean squared error and its gradient 2(ŷ − y)/N", () => {
    const grad = Tensor.zeros([2, 2], { dtype: "float64", backend });
    const loss = backend.meanSquaredError(t([1, 2, 3, 4], [2, 2]), t([0, 2, 5, 4], [2, 2]), grad);
    expect(loss).toBeCloseTo((1 + 0 + 4 + 0) / 4, 15);
    expect(grad.toArray()).toEqual([0.5, 0, -1, 0]);
  });

  it("computes softmax cross-entropy stably, with gradient (p − onehot)/N", () => {
    const grad = Tensor.zeros([2, 3], { dtype: "float64", backend });
    const logits = t([0, 0, 0, 1000, 0, -1000], [2, 3]);
    const loss = backend.softmaxCrossEntropy(logits, Int32Array.from([2, 0]), grad);
    // Row 1: uniform over 3 classes → log 3; row 2: all mass on the true class → 0.
    expect(loss).toBeCloseTo(Math.log(3) / 2, 14);
    expect(grad.data[0]).toBeCloseTo(1 / 3 / 2, 14);
    expect(grad.data[2]).toBeCloseTo((1 / 3 - 1) / 2, 14);
    expect(grad.data[3]).toBeCloseTo(0, 14);
    expect(grad.toArray().every(Number.isFinite)).toBe(true);
  });

  it("takes plain SGD and bias-corrected Adam steps", () => {
    const w = t([1, -1], [1, 2]);
    backend.sgdUpdate(w, t([0.5, -2], [1, 2]), 0.1);
    expect(w.data[0]).toBeCloseTo(0.95, 15);
    expect(w.data[1]).toBeCloseTo(-0.8, 15);

    const p = t([1], [1, 1]);
    const m = t([0], [1, 1]);
    const v = t([0], [1, 1]);
    const hp = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
    // Step 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε).
    backend.adamUpdate(p, t([2], [1, 1]), m, v, { ...hp, step: 1 });
    expect(p.data[0]).toBeCloseTo(1 - 0.1 * (2 / (2 + 1e-8)), 14);
    // Step 2 with g = 1: m = 0.9·0.2 + 0.1 = 0.28, v = 0.999·0.004 + 0.001 = 0.004996.
    backend.adamUpdate(p, t([1], [1, 1]), m, v, { ...hp, step: 2 });
    const mHat = 0.28 / (1 - 0.81);
    const vHat = 0.004996 / (1 - 0.999 ** 2);
    expect(p.data[0]).toBeCloseTo(1 - 0.1 * (2 / (2 + 1e-8)) - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-8), 12);
  });

  it("finds row argmaxes, gathers rows and detects non-finite values", () => {
    const x = t([1, 5, 2, 9, 0, 3], [2, 3]);
    expect([...backend.argmaxRows(x)]).toEqual([1, 0]);
    const gathered = Tensor.zeros([3, 3], { dtype: "float64", backend });
    backend.gatherRows(x, Int32Array.from([1, 1, 0]), gathered);
    expect(gathered.toArray()).toEqual([9, 0, 3, 9, 0, 3, 1, 5, 2]);
    expect(backend.allFinite(x)).toBe(true);
    expect(backend.allFinite(t([1, NaN], [1, 2]))).toBe(false);
    expect(backend.allFinite(t([Infinity, 0], [1, 2]))).toBe(false);
  });
});
