import { DTYPES, Tensor, ops, type DType } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { expectClose, expectIdentical, normalValues, pair, reference } from "../test/conformance.js";
import { createWasmBackend } from "./wasm-backend.js";

// Odd sizes, so every SIMD loop has a tail; 33 × 129 spans several vectors per row.
const SHAPES: readonly (readonly [number, number])[] = [
  [1, 1],
  [7, 13],
  [33, 129],
];

const backends = [createWasmBackend({ threads: 1 }), createWasmBackend({ threads: 2 })];
afterAll(() => backends.forEach((backend) => backend.dispose()));

describe.each(backends.map((backend) => [backend.threads, backend] as const))("wasm backend with %i thread(s)", (_threads, backend) => {
  describe.each(DTYPES)("in %s", (dtype: DType) => {
    const size = ([rows, cols]: readonly [number, number]) => rows * cols;

    it("allocates zero-filled, 64-byte aligned, disjoint views of the wasm memory", () => {
      const a = backend.allocate(dtype, 13);
      const b = backend.allocate(dtype, 7);
      expect(a).toBeInstanceOf(dtype === "float64" ? Float64Array : Float32Array);
      expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect([a.length, b.length]).toEqual([13, 7]);
      expect([a.byteOffset % 64, b.byteOffset % 64]).toEqual([0, 0]);
      a.fill(1);
      expect(Array.from(b)).toEqual(new Array(7).fill(0));
    });

    it.each(SHAPES)("addRowVector and sumRows on [%i, %i] match the reference exactly", (rows, cols) => {
      const [x, xRef] = pair(backend, normalValues(rows * cols, 1), [rows, cols], dtype);
      const [row, rowRef] = pair(backend, normalValues(cols, 2), [1, cols], dtype);
      expectIdentical(ops.addRowVector(x, row), ops.addRowVector(xRef, rowRef));
      expectIdentical(ops.sumRows(x), ops.sumRows(xRef));
    });

    it.each(SHAPES)("multiply and scale on [%i, %i] match the reference exactly", (rows, cols) => {
      const [a, aRef] = pair(backend, normalValues(rows * cols, 3), [rows, cols], dtype);
      const [b, bRef] = pair(backend, normalValues(rows * cols, 4), [rows, cols], dtype);
      expectIdentical(ops.multiply(a, b), ops.multiply(aRef, bRef));
      expectIdentical(ops.scale(a, 0.1), ops.scale(aRef, 0.1));
    });

    it.each(SHAPES)("meanSquaredError on [%i, %i] matches the reference, gradient exactly", (rows, cols) => {
      const [pred, predRef] = pair(backend, normalValues(rows * cols, 5), [rows, cols], dtype);
      const [target, targetRef] = pair(backend, normalValues(rows * cols, 6), [rows, cols], dtype);
      const grad = Tensor.zeros([rows, cols], { backend, dtype });
      const gradRef = Tensor.zeros([rows, cols], { backend: reference, dtype });
      const loss = ops.meanSquaredError(pred, target, grad);
      expect(loss).toBeCloseTo(ops.meanSquaredError(predRef, targetRef, gradRef), 13);
      expectIdentical(grad, gradRef);
      expect(ops.meanSquaredError(pred, target)).toBe(loss);
    });

    it.each(SHAPES)("softmaxCrossEntropy on [%i, %i] matches the reference", (rows, cols) => {
      const logitValues = normalValues(rows * cols, 7, 5);
      logitValues[0] = 80; // a large logit: the log-sum-exp must stay finite
      const [logits, logitsRef] = pair(backend, logitValues, [rows, cols], dtype);
      const labels = Int32Array.from({ length: rows }, (_, i) => (i * 7) % cols);
      const grad = Tensor.zeros([rows, cols], { backend, dtype });
      const gradRef = Tensor.zeros([rows, cols], { backend: reference, dtype });
      const loss = ops.softmaxCrossEntropy(logits, labels, grad);
      const lossRef = ops.softmaxCrossEntropy(logitsRef, labels, gradRef);
      expectClose([loss], [lossRef], "float64", 8);
      expectClose(grad.data, gradRef.data, dtype, 2, 1e-300);
      expect(ops.softmaxCrossEntropy(logits, labels)).toBe(loss);
    });

    it.each(SHAPES)("sgdUpdate and three Adam steps on [%i, %i] match the reference exactly", (rows, cols) => {
      const n = rows * cols;
      const [w, wRef] = pair(backend, normalValues(n, 8), [rows, cols], dtype);
      const [g, gRef] = pair(backend, normalValues(n, 9), [rows, cols], dtype);
      ops.sgdUpdate(w, g, 1e-3);
      ops.sgdUpdate(wRef, gRef, 1e-3);
      expectIdentical(w, wRef);
      const m = Tensor.zeros([rows, cols], { backend, dtype }), v = Tensor.zeros([rows, cols], { backend, dtype });
      const mRef = Tensor.zeros([rows, cols], { backend: reference, dtype }), vRef = Tensor.zeros([rows, cols], { backend: reference, dtype });
      for (let step = 1; step <= 3; step++) {
        const hp = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step };
        ops.adamUpdate(w, g, m, v, hp);
        ops.adamUpdate(wRef, gRef, mRef, vRef, hp);
      }
      expectIdentical(w, wRef);
      expectIdentical(m, mRef);
      expectIdentical(v, vRef);
    });

    it("argmaxRows returns the first maximum of each row, passing over NaN like the reference", () => {
      const values = [1, 3, 3, 2, -1, Number.NaN, 5, 5, -Infinity, -Infinity, -Infinity, -Infinity, ...normalValues(5 * 4, 10)];
      const [x, xRef] = pair(backend, values, [8, 4], dtype);
      const result = ops.argmaxRows(x);
      expect(Array.from(result)).toEqual(Array.from(ops.argmaxRows(xRef)));
      expect(Array.from(result.slice(0, 3))).toEqual([1, 2, 0]);
    });

    it("allFinite finds NaN and both infinities in the vector body and in the tail", () => {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        for (const at of [0, 5, 88, 90]) {
          const values = normalValues(91, 11);
          expect(ops.allFinite(Tensor.from(values, [7, 13], { backend, dtype }))).toBe(true);
          values[at] = bad;
          expect(ops.allFinite(Tensor.from(values, [7, 13], { backend, dtype })), `${bad} at ${at}`).toBe(false);
        }
      }
      const huge = dtype === "float64" ? Number.MAX_VALUE : 3.4e38;
      expect(ops.allFinite(Tensor.from([huge, -huge, 0, -0, 5e-324], [5], { backend, dtype }))).toBe(true);
    });

    it("gatherRows, copy, fill and map match the reference exactly", () => {
      const [x, xRef] = pair(backend, normalValues(7 * 13, 12), [7, 13], dtype);
      const indices = Int32Array.from([6, 0, 3, 3]);
      expectIdentical(ops.gatherRows(x, indices), ops.gatherRows(xRef, indices));
      const target = Tensor.zeros([7, 13], { backend, dtype });
      ops.copy(x, target);
      expectIdentical(target, xRef);
      ops.fill(target, 0.1);
      expect(Array.from(target.data)).toEqual(new Array(91).fill(dtype === "float64" ? 0.1 : Math.fround(0.1)));
      const [y, yRef] = pair(backend, normalValues(7 * 13, 13), [7, 13], dtype);
      const f = (a: number, b: number) => Math.hypot(a, b);
      expectIdentical(ops.map([x, y], f), ops.map([xRef, yRef], f));
    });

    it("runs kernels on tensors whose data lives outside the wasm memory, updating them in place", () => {
      const values = normalValues(91, 14);
      const grad = normalValues(91, 15);
      const Plain = dtype === "float64" ? Float64Array : Float32Array;
      const param = new Tensor(backend, dtype, [7, 13], Plain.from(values));
      const [g, gRef] = pair(backend, grad, [7, 13], dtype);
      const [, wRef] = pair(backend, values, [7, 13], dtype);
      ops.sgdUpdate(param, g, 0.5);
      ops.sgdUpdate(wRef, gRef, 0.5);
      expectIdentical(param, wRef);
      expect(ops.argmaxRows(param)).toEqual(ops.argmaxRows(wRef));
    });
  });
});
