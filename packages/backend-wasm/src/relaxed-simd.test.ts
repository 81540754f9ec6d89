import { setFlagsFromString } from "node:v8";
import { Tensor, ops } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { EPSILON, normalValues, reference } from "../test/conformance.js";
import { createWasmBackend } from "./wasm-backend.js";

// Node 20 keeps relaxed SIMD behind a flag; V8 reads it at validation time, so setting it here,
// before the first backend of this test file probes the runtime, selects the fused-multiply-add build.
// The flag stays within this file's process (vitest's default forks pool gives each file its own).
setFlagsFromString("--experimental-wasm-relaxed-simd");
const backend = createWasmBackend({ threads: 2 });
afterAll(() => backend.dispose());

describe("the relaxed-SIMD build", () => {
  it("is selected when the runtime validates relaxed SIMD", () => {
    expect(backend.features.relaxedSimd).toBe(true);
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
  ])("computes matmul within the K·ε bound (transposeA=%s, transposeB=%s)", (transposeA, transposeB) => {
    const [m, k, n] = [401, 270, 45]; // 4.9M multiply-adds: split across both threads
    for (const dtype of ["float32", "float64"] as const) {
      const a = normalValues(m * k, 1), b = normalValues(k * n, 2);
      const aShape = transposeA ? [k, m] : [m, k], bShape = transposeB ? [n, k] : [k, n];
      const product = ops.matmul(Tensor.from(a, aShape, { backend, dtype }), Tensor.from(b, bShape, { backend, dtype }), { transposeA, transposeB });
      const expected = ops.matmul(Tensor.from(a, aShape, { backend: reference, dtype: "float64" }), Tensor.from(b, bShape, { backend: reference, dtype: "float64" }), {
        transposeA,
        transposeB,
      });
      // Entries are sums of k products of standard normals: |A|·|B| is about k·2/π ≈ 0.64k.
      const tolerance = k * EPSILON[dtype] * k;
      const worst = Math.max(...product.data.map((v, i) => Math.abs(v - expected.data[i])));
      expect(worst).toBeLessThan(tolerance);
    }
  });
});
