import { type Backend, DTYPES, type DType, Tensor, Xoshiro128Generator, createReferenceBackend, ops } from "@nabla/core";
import { describeBackendConformance } from "@nabla/core/conformance";
import { beforeAll, describe, expect, it } from "vitest";
import { loadNativeAddon } from "./native-addon.js";
import { createNativeBackend, isNativeBackendAvailable, supportedNativeIsas } from "./native-backend.js";
import { NATIVE_ISAS } from "./native-isa.js";

// Every kernel of every compiled path this CPU runs against the reference, on one thread and on
// two; the suite's larger shapes pass the kernels' parallel thresholds (2^15 elements, 2^20
// multiply-adds), so both run threaded paths.
const { reason: unavailable } = loadNativeAddon();
for (const isa of NATIVE_ISAS) {
  const skip = unavailable ?? (supportedNativeIsas().includes(isa) ? undefined : `this CPU cannot run the ${isa} kernels`);
  for (const threads of [1, 2]) {
    describeBackendConformance(`the native backend's ${isa} kernels with ${threads} thread(s)`, () => createNativeBackend({ threads, isa }), { skip });
  }
}

function uniform(shape: number[], dtype: DType, seed: number, backend: Backend): Tensor {
  const t = Tensor.zeros(shape, { dtype, backend });
  new Xoshiro128Generator(seed).fillUniform(t.data);
  for (let k = 0; k < t.size; k++) t.data[k] = 2 * t.data[k] - 1;
  return t;
}

describe.skipIf(!isNativeBackendAvailable())("native backend", () => {
  // Made in beforeAll: a skipped describe still runs its body to collect the tests.
  let native: Backend;
  beforeAll(() => {
    native = createNativeBackend({ threads: 2 });
  });

  // The conformance shapes stay below dropout's threading threshold (2^20 elements), so this one passes it.
  it.each(NATIVE_ISAS.filter((isa) => supportedNativeIsas().includes(isa)))("draws the reference's dropout mask with the %s kernels on two threads, past the threading threshold", (isa) => {
    const threaded = createNativeBackend({ threads: 2, isa });
    const shape = [1 << 10, (1 << 10) + 3];
    const x = uniform(shape, "float32", 3, threaded);
    const mask = Tensor.zeros(shape, { backend: threaded }), out = Tensor.zeros(shape, { backend: threaded });
    ops.dropout(x, 0.3, [0x9e3779b9, 42], mask, out);
    const reference = createReferenceBackend();
    const expectedMask = Tensor.zeros(shape, { backend: reference }), expected = Tensor.zeros(shape, { backend: reference });
    ops.dropout(x.to({ backend: reference }), 0.3, [0x9e3779b9, 42], expectedMask, expected);
    const firstDifference = (a: Tensor, b: Tensor) => a.data.findIndex((v, k) => !Object.is(v, b.data[k]));
    expect(firstDifference(mask, expectedMask)).toBe(-1);
    expect(firstDifference(out, expected)).toBe(-1);
  });

  it.each(DTYPES)("gives the same %s product on one thread as on two", (dtype) => {
    const single = createNativeBackend({ threads: 1 });
    const a = uniform([300, 200], dtype, 1, single);
    const b = uniform([200, 40], dtype, 2, single);
    const one = ops.matmul(a, b);
    const two = ops.matmul(a.to({ backend: native }), b.to({ backend: native }));
    expect(Array.from(two.data)).toEqual(Array.from(one.data));
  });

  it("refuses arrays whose lengths do not fit the shapes instead of reading past them", () => {
    const a = Tensor.zeros([4, 3], { backend: native });
    const b = Tensor.zeros([3, 2], { backend: native });
    const wrongOut = Tensor.zeros([4, 3], { backend: native });
    expect(() => native.matmul(a, b, wrongOut, false, false)).toThrow(TypeError);
    expect(() => native.multiply(a, Tensor.zeros([2, 2], { backend: native }), a)).toThrow(/lengths differ/);
  });

  it("refuses an input gradient written over the gradient it reads, which the one-pass kernel would corrupt", () => {
    const g = Tensor.zeros([4, 4], { dtype: "float64", backend: native });
    const weight = Tensor.zeros([4, 4], { dtype: "float64", backend: native });
    expect(() => native.linearInputGradient!(g, weight, g, null)).toThrow(/out must not be g/);
  });

  it("refuses a Float32Array mixed with a Float64Array", () => {
    const x = Tensor.zeros([2, 2], { backend: native });
    const y = Tensor.zeros([2, 2], { dtype: "float64", backend: native });
    expect(() => native.multiply(x, y, x)).toThrow(/mix/);
  });

  it("rejects a thread count that is not a positive integer", () => {
    expect(() => createNativeBackend({ threads: 0 })).toThrow(RangeError);
    expect(() => createNativeBackend({ threads: 1.5 })).toThrow(RangeError);
  });
});
