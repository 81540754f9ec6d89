import { relu, sigmoid, silu, tanh } from "@nabla/activations";
import { DTYPES, Tensor, ops, type DType } from "@nabla/core";
import { describeBackendConformance } from "@nabla/core/conformance";
import { afterAll, describe, expect, it } from "vitest";
import { expectIdentical, normalValues, pair } from "../test/conformance.js";
import { createWasmBackend } from "./wasm-backend.js";

// Every kernel against the reference on one thread and split across two.
for (const threads of [1, 2]) {
  describeBackendConformance(`the wasm backend with ${threads} thread(s)`, () => createWasmBackend({ threads }), {
    activations: [relu, silu, sigmoid, tanh],
    dispose: (backend) => backend.dispose(),
  });
}

const backend = createWasmBackend({ threads: 2 });
afterAll(() => backend.dispose());

describe.each(DTYPES)("wasm backend tensor storage in %s", (dtype: DType) => {
  it("allocates 64-byte aligned views of the shared wasm memory", () => {
    const a = backend.allocate(dtype, 13);
    const b = backend.allocate(dtype, 7);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([a.byteOffset % 64, b.byteOffset % 64]).toEqual([0, 0]);
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
