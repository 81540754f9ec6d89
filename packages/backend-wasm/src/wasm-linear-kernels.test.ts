import { type ActivationFunction, Tensor, Xoshiro128Generator, createReferenceBackend, type Backend } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { createWasmBackend } from "./wasm-backend.js";

// The fused Linear kernels on shapes and operands the shared conformance suite does not reach:
// a one-output head long enough to be split across two threads, and tensors whose data lies
// outside the wasm memory.

const reference = createReferenceBackend();
const wasm = createWasmBackend({ threads: 2 });
afterAll(() => wasm.dispose());

const relu: ActivationFunction = { name: "relu", kernel: "relu", forward: (z) => (z > 0 ? z : 0), derivative: (z) => (z > 0 ? 1 : 0) };

function uniform(shape: number[], seed: number, backend: Backend): Tensor {
  const t = Tensor.zeros(shape, { dtype: "float64", backend });
  new Xoshiro128Generator(seed).fillUniform(t.data);
  for (let k = 0; k < t.size; k++) t.data[k] = 2 * t.data[k] - 1;
  return t;
}

function expectClose(actual: Tensor, expected: Tensor, depth: number): void {
  const tolerance = 8 * depth * 2 ** -52;
  for (let k = 0; k < expected.size; k++) {
    const error = Math.abs(actual.data[k] - expected.data[k]) / (1 + Math.abs(expected.data[k]));
    if (!(error <= tolerance)) expect.fail(`element ${k}: got ${actual.data[k]}, expected ${expected.data[k]} (tolerance ${tolerance})`);
  }
}

describe("wasm fused Linear kernels beyond the conformance suite", () => {
  it("splits a one-output head of 70,001 rows across two threads with the same results", () => {
    const [rows, inputs] = [70001, 32];
    const x = uniform([rows, inputs], 1, reference);
    const weight = uniform([inputs, 1], 2, reference);
    const bias = uniform([1, 1], 3, reference);
    const g = uniform([rows, 1], 4, reference);
    const zBelow = uniform([rows, inputs], 5, reference);
    const aBelow = Tensor.zeros([rows, inputs], { dtype: "float64", backend: reference });
    reference.activate(relu, zBelow, aBelow);
    const on = (t: Tensor) => t.to({ backend: wasm });

    const z = Tensor.zeros([rows, 1], { dtype: "float64", backend: wasm });
    const a = Tensor.zeros([rows, 1], { dtype: "float64", backend: wasm });
    wasm.linearForward!(on(x), on(weight), on(bias), z, { fn: relu, out: a });
    const zRef = Tensor.zeros([rows, 1], { dtype: "float64", backend: reference });
    reference.matmul(x, weight, zRef, false, false);
    reference.addRowVector(zRef, bias, zRef);
    const aRef = Tensor.zeros([rows, 1], { dtype: "float64", backend: reference });
    reference.activate(relu, zRef, aRef);
    expectClose(z, zRef, inputs);
    expectClose(a, aRef, inputs);

    const gradX = Tensor.zeros([rows, inputs], { dtype: "float64", backend: wasm });
    wasm.linearInputGradient!(on(g), on(weight), gradX, { fn: relu, z: on(zBelow), a: on(aBelow) });
    const gradXRef = Tensor.zeros([rows, inputs], { dtype: "float64", backend: reference });
    reference.matmul(g, weight, gradXRef, false, true);
    reference.activateBackward(relu, zBelow, aBelow, gradXRef, gradXRef);
    expectClose(gradX, gradXRef, 1);

    const gradWeight = Tensor.zeros([inputs, 1], { dtype: "float64", backend: wasm });
    const gradBias = Tensor.zeros([1, 1], { dtype: "float64", backend: wasm });
    wasm.linearWeightGradients!(on(x), on(g), gradWeight, gradBias);
    const gradWeightRef = Tensor.zeros([inputs, 1], { dtype: "float64", backend: reference });
    const gradBiasRef = Tensor.zeros([1, 1], { dtype: "float64", backend: reference });
    reference.matmul(x, g, gradWeightRef, true, false);
    reference.sumRows(g, gradBiasRef);
    expectClose(gradWeight, gradWeightRef, rows);
    expectClose(gradBias, gradBiasRef, rows);
  });

  it("copies in and back operands whose data is not in the wasm memory", () => {
    const [rows, inputs, outputs] = [37, 8, 16];
    const x = uniform([rows, inputs], 1, reference);
    const weight = uniform([inputs, outputs], 2, reference);
    const bias = uniform([1, outputs], 3, reference);
    // Tensors of the wasm backend over plain arrays: x read, z and a written through staging.
    const foreign = (shape: number[], data: Float64Array) => new Tensor(wasm, "float64", shape, data);
    const z = foreign([rows, outputs], new Float64Array(rows * outputs));
    const a = foreign([rows, outputs], new Float64Array(rows * outputs));
    wasm.linearForward!(foreign([rows, inputs], Float64Array.from(x.data)), weight.to({ backend: wasm }), bias.to({ backend: wasm }), z, { fn: relu, out: a });
    const zRef = Tensor.zeros([rows, outputs], { dtype: "float64", backend: reference });
    reference.matmul(x, weight, zRef, false, false);
    reference.addRowVector(zRef, bias, zRef);
    const aRef = Tensor.zeros([rows, outputs], { dtype: "float64", backend: reference });
    reference.activate(relu, zRef, aRef);
    expectClose(z, zRef, inputs);
    expectClose(a, aRef, inputs);
  });
});
