import { DTYPES, Tensor, ops, type DType } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { EPSILON, normalValues, reference } from "../test/conformance.js";
import { createWasmBackend } from "./wasm-backend.js";

// The shared conformance suite (wasm-backend.test.ts) covers odd and small shapes; these [m, k, n]
// cross this GEMM's own blocking: past one k block (256), past one column panel (512), and large
// enough (≥ 2^22 multiply-adds) to be split across threads, with ragged last tiles everywhere.
const SHAPES: readonly [number, number, number][] = [
  [20, 31, 600],
  [333, 129, 101],
  [70, 300, 530],
  [1000, 257, 33],
];

const ORIENTATIONS = [
  { transposeA: false, transposeB: false },
  { transposeA: true, transposeB: false },
  { transposeA: false, transposeB: true },
  { transposeA: true, transposeB: true },
];

function transpose(values: readonly number[], rows: number, cols: number): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = values[i * cols + j];
  return out;
}

// |A|·|B|: a rounding-error bound of any summation order is K·ε times this, elementwise.
function absoluteProduct(a: readonly number[], b: readonly number[], m: number, k: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = Math.abs(a[i * k + p]);
      for (let j = 0; j < n; j++) out[i * n + j] += av * Math.abs(b[p * n + j]);
    }
  }
  return out;
}

const cases = SHAPES.map(([m, k, n], s) => {
  const a = normalValues(m * k, 100 + s), b = normalValues(k * n, 200 + s);
  return { m, k, n, a, b, bound: absoluteProduct(a, b, m, k, n) };
});

// Reference products are shared by the one- and two-thread runs.
const referenceProducts = new Map<string, Tensor>();

function referenceProduct(
  dtype: DType, c: (typeof cases)[number], transposeA: boolean, transposeB: boolean,
  aValues: number[], aShape: number[], bValues: number[], bShape: number[],
): Tensor {
  const key = `${dtype} ${c.m}x${c.k}x${c.n} ${transposeA} ${transposeB}`;
  let product = referenceProducts.get(key);
  if (!product) {
    const a = Tensor.from(aValues, aShape, { backend: reference, dtype });
    product = ops.matmul(a, Tensor.from(bValues, bShape, { backend: reference, dtype }), { transposeA, transposeB });
    referenceProducts.set(key, product);
  }
  return product;
}

function checkMatmul(threads: number, dtype: DType, c: (typeof cases)[number], transposeA: boolean, transposeB: boolean): void {
  const backend = backends[threads];
  const { m, k, n } = c;
  const aValues = transposeA ? transpose(c.a, m, k) : c.a;
  const bValues = transposeB ? transpose(c.b, k, n) : c.b;
  const aShape = transposeA ? [k, m] : [m, k];
  const bShape = transposeB ? [n, k] : [k, n];
  const a = Tensor.from(aValues, aShape, { backend, dtype });
  const b = Tensor.from(bValues, bShape, { backend, dtype });
  const out = Tensor.zeros([m, n], { backend, dtype });
  // The product overwrites whatever the output held.
  ops.fill(out, Number.NaN);
  ops.matmul(a, b, { transposeA, transposeB, out });
  const expected = referenceProduct(dtype, c, transposeA, transposeB, aValues, aShape, bValues, bShape);
  for (let i = 0; i < m * n; i++) {
    const tolerance = Math.max(k, 1) * EPSILON[dtype] * c.bound[i];
    if (!(Math.abs(out.data[i] - expected.data[i]) <= tolerance)) {
      expect.fail(`C[${Math.floor(i / n)}, ${i % n}] = ${out.data[i]}, reference ${expected.data[i]}, tolerance ${tolerance}`);
    }
  }
}

const backends: Record<number, ReturnType<typeof createWasmBackend>> = {
  1: createWasmBackend({ threads: 1 }),
  2: createWasmBackend({ threads: 2 }),
};
afterAll(() => Object.values(backends).forEach((backend) => backend.dispose()));

describe.each([1, 2])("matmul with %i thread(s)", (threads) => {
  describe.each(DTYPES)("in %s", (dtype) => {
    it.each(ORIENTATIONS)("matches the reference for transposeA=$transposeA, transposeB=$transposeB on every shape", ({ transposeA, transposeB }) => {
      for (const c of cases) checkMatmul(threads, dtype, c, transposeA, transposeB);
    });
  });
});

describe("matmul operands", () => {
  it("copies in and back operands whose data is not in the wasm memory", () => {
    const backend = backends[2];
    const { m, k, n, a, b } = cases[1];
    const foreignA = new Tensor(backend, "float64", [m, k], Float64Array.from(a));
    const out = new Tensor(backend, "float64", [m, n], new Float64Array(m * n));
    ops.matmul(foreignA, Tensor.from(b, [k, n], { backend, dtype: "float64" }), { out });
    const expected = ops.matmul(Tensor.from(a, [m, k], { backend: reference, dtype: "float64" }), Tensor.from(b, [k, n], { backend: reference, dtype: "float64" }));
    const worst = Math.max(...out.data.map((v, i) => Math.abs(v - expected.data[i])));
    expect(worst).toBeLessThan(1e-12);
    expect(Array.from(foreignA.data)).toEqual(a);
  });
});
