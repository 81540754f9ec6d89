import { type ActivationFunction, type Backend, DTYPES, type DType, Tensor, Xoshiro128Generator, createReferenceBackend } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { createWasmBackend, type WasmBackend } from "./wasm-backend.js";

// The fused Linear kernels against the reference backend's unfused composition. Narrow layers
// (an inner dimension of at most 64 and outputs of at most 8 vectors: 32 float32 or 16 float64)
// take the one-pass path, layers with one output their own one-pass path, wider ones the GEMM plus
// an epilogue; the shapes below cover all three, empty operands, widths that are not whole vectors
// (and padded vector counts 3 → 4, 5..7 → 8), fewer rows than a register block, and enough rows
// for the narrow kernels to be split across two threads.

const reference = createReferenceBackend();

const fused = (kernel: string): ActivationFunction => ({
  name: kernel,
  kernel,
  forward: () => Number.NaN,
  derivative: () => Number.NaN,
});
// Plain JavaScript, no kernel: the wasm backend must hand it back to JavaScript.
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
  [0, 5, 3],
  [3, 0, 5],
  [4, 6, 0],
  [5, 8, 16],
  [13, 16, 1],
  [7, 3, 13],
  [37, 16, 33],
  [9, 70, 5],
  [11, 40, 100],
  [2053, 16, 16],
  [4099, 8, 3],
  [4099, 13, 1],
  [9001, 16, 16],
];
// A one-output layer takes its own path; enough rows to split it across two threads too. Large,
// so only checked where it adds something: two threads, two activations.
const LARGE_SINGLE_OUTPUT: [number, number, number] = [70001, 32, 1];

const backends: WasmBackend[] = [];
afterAll(() => backends.forEach((backend) => backend.dispose()));

describe.each([1, 2])("wasm fused Linear kernels, %i thread(s)", (threads) => {
  const wasm = createWasmBackend({ threads });
  backends.push(wasm);
  for (const dtype of DTYPES) {
    for (const [rows, inputs, outputs] of threads === 2 ? [...SHAPES, LARGE_SINGLE_OUTPUT] : SHAPES) {
      const shape = `${rows}×${inputs}→${outputs}`;
      const operands = (backend: Backend) => ({
        x: uniform([rows, inputs], dtype, 1, backend),
        weight: uniform([inputs, outputs], dtype, 2, backend),
        bias: uniform([1, outputs], dtype, 3, backend),
        g: uniform([rows, outputs], dtype, 4, backend),
        zBelow: uniform([rows, inputs], dtype, 5, backend),
      });
      const ours = operands(wasm);
      const theirs = operands(reference);

      const kernels = rows === LARGE_SINGLE_OUTPUT[0] ? [null, "relu"] : [null, "relu", "silu", "sigmoid", "tanh", "cube"];
      for (const kernel of kernels) {
        const label = `${dtype}, ${shape}, ${kernel ?? "no activation"}`;
        const ourFn = kernel === null ? null : kernel === "cube" ? cube : fused(kernel);
        const theirFn = kernel === null ? null : REFERENCE_ACTIVATIONS[kernel];

        it(`linearForward ${label}`, () => {
          const z = Tensor.zeros([rows, outputs], { dtype, backend: wasm });
          const a = Tensor.zeros([rows, outputs], { dtype, backend: wasm });
          wasm.linearForward!(ours.x, ours.weight, ours.bias, z, ourFn && { fn: ourFn, out: a });
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
          const out = Tensor.zeros([rows, inputs], { dtype, backend: wasm });
          wasm.linearInputGradient!(ours.g, ours.weight, out, ourFn && { fn: ourFn, z: ours.zBelow, a: aBelow.to({ backend: wasm }) });
          const outRef = Tensor.zeros([rows, inputs], { dtype, backend: reference });
          reference.matmul(theirs.g, theirs.weight, outRef, false, true);
          if (theirFn) reference.activateBackward(theirFn, theirs.zBelow, aBelow, outRef, outRef);
          expectClose(out, outRef, dtype, outputs);
        });
      }

      it(`linearWeightGradients ${dtype}, ${shape}`, () => {
        const gradWeight = Tensor.zeros([inputs, outputs], { dtype, backend: wasm });
        const gradBias = Tensor.zeros([1, outputs], { dtype, backend: wasm });
        gradWeight.data.fill(Number.NaN);
        gradBias.data.fill(Number.NaN);
        wasm.linearWeightGradients!(ours.x, ours.g, gradWeight, gradBias);
        const gradWeightRef = Tensor.zeros([inputs, outputs], { dtype, backend: reference });
        const gradBiasRef = Tensor.zeros([1, outputs], { dtype, backend: reference });
        reference.matmul(theirs.x, theirs.g, gradWeightRef, true, false);
        reference.sumRows(theirs.g, gradBiasRef);
        expectClose(gradWeight, gradWeightRef, dtype, rows);
        expectClose(gradBias, gradBiasRef, dtype, rows);
      });
    }
  }
});

describe("wasm fused Linear kernel operands", () => {
  it("copies in and back operands whose data is not in the wasm memory", () => {
    const wasm = backends[0];
    const [rows, inputs, outputs] = [37, 8, 16];
    const x = uniform([rows, inputs], "float64", 1, reference);
    const weight = uniform([inputs, outputs], "float64", 2, reference);
    const bias = uniform([1, outputs], "float64", 3, reference);
    // Tensors of the wasm backend over plain arrays: x read, z and a written through staging.
    const foreign = (shape: number[], data: Float64Array) => new Tensor(wasm, "float64", shape, data);
    const z = foreign([rows, outputs], new Float64Array(rows * outputs));
    const a = foreign([rows, outputs], new Float64Array(rows * outputs));
    wasm.linearForward!(foreign([rows, inputs], Float64Array.from(x.data)), weight.to({ backend: wasm }), bias.to({ backend: wasm }), z, {
      fn: fused("relu"),
      out: a,
    });
    const zRef = Tensor.zeros([rows, outputs], { dtype: "float64", backend: reference });
    reference.matmul(x, weight, zRef, false, false);
    reference.addRowVector(zRef, bias, zRef);
    const aRef = Tensor.zeros([rows, outputs], { dtype: "float64", backend: reference });
    reference.activate(REFERENCE_ACTIVATIONS.relu, zRef, aRef);
    expectClose(z, zRef, "float64", inputs);
    expectClose(a, aRef, "float64", inputs);
  });
});
