import { relu, sigmoid, silu, tanh } from "@nabla/activations";
import { DTYPES, ops, type ActivationFunction } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { expectClose, normalValues, pair } from "../test/conformance.js";
import { fusedActivationId } from "./activation-kernels.js";
import { createWasmBackend } from "./wasm-backend.js";

const backend = createWasmBackend({ threads: 1 });
afterAll(() => backend.dispose());

// Saturation, the tanh formula switch at |z| = 0.625, subnormal exp results, signed zeros and
// non-finite values, then random values; 57 elements, so the pair loops have an odd tail.
const EDGE_VALUES = [
  -800, -745.5, -740, -100, -20, -0.7, -0.625, -0.6, -1e-8, -0, 0, 1e-300, 1e-8, 0.3, 0.6249, 0.6251, 1, 5, 19, 20, 100, 800,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];
const Z = [...EDGE_VALUES, ...normalValues(32, 7, 4)];
const GRAD = normalValues(Z.length, 8);

// The shared conformance suite (wasm-backend.test.ts) checks every activation, relu exactly, within
// the few ulps any backend's own exp may need; these pin this backend's tighter bounds.
// Results computed through e^x may differ from Math.exp's by about an ulp; in float32 the result
// is rounded from float64, so it usually matches exactly. (Measured: exp matches Math.exp exactly,
// tanh is within 1.8 float64 ulps of Math.tanh.)
const ULPS = { float32: 1, float64: 2 } as const;

describe("fused activations", () => {
  it("maps the kernel names of the four built-in activations and nothing else", () => {
    expect([relu, silu, sigmoid, tanh].map(fusedActivationId)).toEqual([0, 1, 2, 3]);
    expect(fusedActivationId({ name: "x", kernel: "gelu", forward: (z) => z, derivative: () => 1 })).toBeUndefined();
    expect(fusedActivationId({ name: "x", kernel: "toString", forward: (z) => z, derivative: () => 1 })).toBeUndefined();
    expect(fusedActivationId({ name: "x", forward: (z) => z, derivative: () => 1 })).toBeUndefined();
  });

  describe.each(DTYPES)("in %s", (dtype) => {
    it.each([sigmoid, silu, tanh])("$name forward matches the JavaScript definition", (fn: ActivationFunction) => {
      const [z, zRef] = pair(backend, Z, [3, 19], dtype);
      expectClose(ops.activate(fn, z).data, ops.activate(fn, zRef).data, dtype, ULPS[dtype], 1e-307);
    });

    it.each([sigmoid, silu, tanh])("$name backward matches the JavaScript derivative", (fn: ActivationFunction) => {
      const [z, zRef] = pair(backend, Z, [3, 19], dtype);
      // Both sides start from the same forward values, so only the backward kernel is compared.
      const aRef = ops.activate(fn, zRef);
      const [a] = pair(backend, aRef.toArray(), [3, 19], dtype);
      const [g, gRef] = pair(backend, GRAD, [3, 19], dtype);
      const expected = ops.activateBackward(fn, zRef, aRef, gRef);
      expectClose(ops.activateBackward(fn, z, a, g).data, expected.data, dtype, 2 * ULPS[dtype], 1e-307);
    });
  });

  it("agrees with Math.exp to an ulp and Math.tanh to two across their whole range", () => {
    // σ(z) = e^z/(1 + e^z) for z < 0 is e^z to within rounding for z < −40, exposing exp itself.
    const z = Array.from({ length: 2001 }, (_, i) => -745 + (i * 705) / 2000);
    const [t] = pair(backend, z, [z.length], "float64");
    const exps = ops.activate(sigmoid, t).data;
    z.forEach((v, i) => {
      if (v < -40) expect(Math.abs(exps[i] - Math.exp(v)), `z = ${v}`).toBeLessThanOrEqual(2 ** -52 * Math.exp(v) + 5e-324);
    });
    const x = Array.from({ length: 4001 }, (_, i) => -20 + i / 100);
    const [u] = pair(backend, x, [x.length], "float64");
    expectClose(ops.activate(tanh, u).data, x.map(Math.tanh), "float64", 2);
  });
});
