import { type ActivationFunction, type Backend, DTYPES, type DType, Tensor, Xoshiro128Generator, createReferenceBackend } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { createNativeBackend, isNativeBackendAvailable } from "./native-backend.js";

// The fused Linear kernels against the reference backend's unfused composition. Narrow layers
// (at most 64 inputs and 4 vectors of outputs) take the one-pass path, wider ones gemm plus an
// epilogue; the shapes below cover both, widths that are not whole vectors, fewer rows than a
// row block, and enough rows for the threaded paths.

const reference = createReferenceBackend();

const fused = (kernel: string): ActivationFunction => ({
  name: kernel,
  kernel,
  forward: () => Number.NaN,
  derivative: () => Number.NaN,
});
// Plain JavaScript, no kernel: the native backend must hand it back to JavaScript.
const cube: ActivationFunction = { name: "cube", forward: (z) => z * z * z, derivative: (z) => 3 * z * z };
// The reference composes with the activations' own JavaScript, so it needs the real ones.
const REFERENCE_ACTIVATIONS: Record<string, ActivationFunction> = {
  relu: { name: "relu", forward: (z) => (z > 0 ? z : 0), derivative: (z) => (z > 0 ? 1 : 0) },
  silu: { name: "silu", forward: (z) => z / (1 + Math.exp(-z)), derivative: (z) => { const s = 1 / (1 + Math.exp(-z)); return s * (1 + z * (1 - s)); } },
  sigmoid: { name: "sigmoid", forward: (z) => 1 / (1 + Math.exp(-z)), derivative: (_z, a) => a * (1 - a) },
  tanh: { name: "tanh", forward: Math.tanh, derivative: (_z, a) => 1 - a * a },
  cube,
};

function uniform(shape: number[], dtype: DType, seed: number, backend: Backend): Tensor {
  const t = Tensor.zeros(shape, { dtype, backend });
  new Xoshiro128Generator(seed).fillUniform(t.data);
  for (let k = 0; k < t.size; k++) t.data[k] = 2 * t.data[k] - 1;
  return t;
}

function expectClose(actual: Tensor, expected: Tensor, dtype: DType, depth: number): void {
  const epsilon = dtype === "float32" ? 2 ** -23 : 2 ** -52;
  const tolerance = 8 * Math.max(depth, 1) * epsilon;
  let worst = 0;
  let at = -1;
  for (let k = 0; k < expected.size; k++) {
    const error = Math.abs(actual.data[k] - expected.data[k]) / (1 + Math.abs(expected.data[k]));
    if (!(error <= worst)) [worst, at] = [Number.isNaN(error) ? Infinity : error, k];
  }
  if (worst > tolerance) expect.fail(`element ${at}: got ${actual.data[at]}, expected ${expected.data[at]} (tolerance ${tolerance})`);
}

const SHAPES: [rows: number, inputs: number, outputs: number][] = [
  [1, 1, 1],
  [5, 8, 16],
  [13, 16, 1],
  [7, 3, 13],
  [37, 16, 33],
  [9, 70, 5],
  [11, 40, 100],
  [2053, 16, 16],
  [4099, 8, 3],
];

describe.skipIf(!isNativeBackendAvailable())("native fused Linear kernels", () => {
  for (const threads of [1, 2]) {
    const native = createNativeBackend({ threads });
    for (const dtype of DTYPES) {
      for (const [rows, inputs, outputs] of SHAPES) {
        const shape = `${rows}×${inputs}→${outputs}`;
        const operands = (backend: Backend) => ({
          x: uniform([rows, inputs], dtype, 1, backend),
          weight: uniform([inputs, outputs], dtype, 2, backend),
          bias: uniform([1, outputs], dtype, 3, backend),
          g: uniform([rows, outputs], dtype, 4, backend),
          zBelow: uniform([rows, inputs], dtype, 5, backend),
        });
        const ours = operands(native);
        const theirs = operands(reference);

        for (const kernel of [null, "relu", "silu", "sigmoid", "tanh", "cube"]) {
          const label = `${dtype}, ${threads} thread(s), ${shape}, ${kernel ?? "no activation"}`;
          const ourFn = kernel === null ? null : kernel === "cube" ? cube : fused(kernel);
          const theirFn = kernel === null ? null : REFERENCE_ACTIVATIONS[kernel];

          it(`linearForward ${label}`, () => {
            const z = Tensor.zeros([rows, outputs], { dtype, backend: native });
            const a = Tensor.zeros([rows, outputs], { dtype, backend: native });
            native.linearForward!(ours.x, ours.weight, ours.bias, z, ourFn && { fn: ourFn, out: a });
            const zRef = Tensor.zeros([rows, outputs], { dtype, backend: reference });
            reference.matmul(theirs.x, theirs.weight, zRef, false, false);
            reference.addRowVector(zRef, theirs.bias, zRef);
            expectClose(z, zRef, dtype, inputs);
            if (theirFn) {
              // From our z, so that the activation alone is compared.
              const aRef = Tensor.zeros([rows, outputs], { dtype, backend: reference });
              reference.activate(theirFn, z.to({ backend: reference }), aRef);
              expectClose(a, aRef, dtype, 4);
            }
          });

          it(`linearInputGradient ${label}`, () => {
            // a = g(z) of the activation below, from the reference, given to both backends.
            const aBelow = Tensor.zeros([rows, inputs], { dtype, backend: reference });
            if (theirFn) reference.activate(theirFn, theirs.zBelow, aBelow);
            const out = Tensor.zeros([rows, inputs], { dtype, backend: native });
            native.linearInputGradient!(ours.g, ours.weight, out, ourFn && { fn: ourFn, z: ours.zBelow, a: aBelow.to({ backend: native }) });
            const outRef = Tensor.zeros([rows, inputs], { dtype, backend: reference });
            reference.matmul(theirs.g, theirs.weight, outRef, false, true);
            if (theirFn) reference.activateBackward(theirFn, theirs.zBelow, aBelow, outRef, outRef);
            expectClose(out, outRef, dtype, outputs);
          });
        }

        it(`linearWeightGradients ${dtype}, ${threads} thread(s), ${shape}`, () => {
          const gradWeight = Tensor.zeros([inputs, outputs], { dtype, backend: native });
          const gradBias = Tensor.zeros([1, outputs], { dtype, backend: native });
          gradWeight.data.fill(Number.NaN);
          gradBias.data.fill(Number.NaN);
          native.linearWeightGradients!(ours.x, ours.g, gradWeight, gradBias);
          const gradWeightRef = Tensor.zeros([inputs, outputs], { dtype, backend: reference });
          const gradBiasRef = Tensor.zeros([1, outputs], { dtype, backend: reference });
          reference.matmul(theirs.x, theirs.g, gradWeightRef, true, false);
          reference.sumRows(theirs.g, gradBiasRef);
          expectClose(gradWeight, gradWeightRef, dtype, rows);
          expectClose(gradBias, gradBiasRef, dtype, rows);
        });
      }
    }
  }

  it("rejects an input gradient written over its own g", () => {
    const native = createNativeBackend({ threads: 1 });
    const g = uniform([4, 4], "float64", 1, native);
    const weight = uniform([4, 4], "float64", 2, native);
    expect(() => native.linearInputGradient!(g, weight, g, null)).toThrow(/out must not be g/);
  });
});
