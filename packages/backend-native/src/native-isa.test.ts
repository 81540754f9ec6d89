import { type Backend, type DType, DTYPES, Tensor, Xoshiro128Generator, ops } from "@nabla/core";
import { BUILT_IN_ACTIVATIONS } from "@nabla/core/conformance";
import { afterEach, describe, expect, it } from "vitest";
import { loadNativeAddon } from "./native-addon.js";
import { createNativeBackend, isNativeBackendAvailable, supportedNativeIsas } from "./native-backend.js";
import { chooseNativeIsa, NATIVE_ISAS } from "./native-isa.js";

describe("chooseNativeIsa", () => {
  it("takes the CPU's best path when none is asked for", () => {
    expect(chooseNativeIsa(undefined, ["avx2", "generic"], "NABLA_NATIVE_ISA")).toBe("avx2");
  });

  it("takes a path below the CPU's best when asked", () => {
    expect(chooseNativeIsa("generic", ["avx512", "avx2", "generic"], "isa")).toBe("generic");
  });

  it("refuses a path above the CPU's best, naming the ones it supports", () => {
    expect(() => chooseNativeIsa("avx512", ["avx2", "generic"], 'NABLA_NATIVE_ISA="avx512"')).toThrow(
      /NABLA_NATIVE_ISA="avx512" asks for kernels this CPU cannot run; it supports avx2, generic/,
    );
  });

  it("refuses an unknown name, naming the instruction sets there are", () => {
    expect(() => chooseNativeIsa("sse4", ["avx2", "generic"], 'NABLA_NATIVE_ISA="sse4"')).toThrow(RangeError);
    expect(() => chooseNativeIsa("sse4", ["avx2", "generic"], 'NABLA_NATIVE_ISA="sse4"')).toThrow(
      expect.objectContaining({ name: "NativeBackendOptionError", setting: 'NABLA_NATIVE_ISA="sse4"' }),
    );
    expect(() => chooseNativeIsa("sse4", ["avx2", "generic"], 'NABLA_NATIVE_ISA="sse4"')).toThrow(/use one of avx512, avx2, generic/);
  });
});

function uniform(shape: number[], dtype: DType, seed: number, backend: Backend): Tensor {
  const t = Tensor.zeros(shape, { dtype, backend });
  new Xoshiro128Generator(seed).fillUniform(t.data);
  for (let k = 0; k < t.size; k++) t.data[k] = 4 * t.data[k] - 2;
  return t;
}

describe.skipIf(!isNativeBackendAvailable())("the native backend's instruction set", () => {
  afterEach(() => {
    delete process.env.NABLA_NATIVE_ISA;
  });

  it("is the best this CPU supports unless asked otherwise, and generic is always among them", () => {
    const supported = supportedNativeIsas();
    expect(supported[supported.length - 1]).toBe("generic");
    expect(NATIVE_ISAS.filter((isa) => supported.includes(isa))).toEqual(supported);
    expect(createNativeBackend().isa).toBe(supported[0]);
  });

  it("is the one NABLA_NATIVE_ISA names, and the isa option overrides it", () => {
    for (const isa of supportedNativeIsas()) {
      process.env.NABLA_NATIVE_ISA = isa;
      expect(createNativeBackend().isa).toBe(isa);
    }
    process.env.NABLA_NATIVE_ISA = "avx2-typo";
    expect(createNativeBackend({ isa: "generic" }).isa).toBe("generic");
  });

  it("refuses an unknown NABLA_NATIVE_ISA, naming the allowed values", () => {
    process.env.NABLA_NATIVE_ISA = "sse4";
    expect(() => createNativeBackend()).toThrow(/NABLA_NATIVE_ISA="sse4" is not an instruction set .* use one of avx512, avx2, generic/);
  });

  it("is checked again by the addon, which hands out no kernels this CPU cannot run", () => {
    const addon = loadNativeAddon().addon!;
    expect(() => addon.kernels("neon" as never)).toThrow(/cannot run the "neon" kernels; it supports generic|cannot run the "neon" kernels/);
  });
});

// The FMA paths sum every element in the same order (gemm's KC and the one-pass Linear kernels'
// width limit are the same on each), so AVX2 and AVX-512 must agree to the last bit.
const fmaPaths = supportedNativeIsas().filter((isa) => isa !== "generic");
describe.skipIf(fmaPaths.length < 2)("the AVX2 and AVX-512 kernels", () => {
  const runOn = <T>(compute: (backend: Backend) => T): T[] => fmaPaths.map((isa) => compute(createNativeBackend({ isa, threads: 2 })));

  it.each(DTYPES)("give the same %s products, bit for bit, with every transpose and a long shared dimension", (dtype) => {
    const [first, ...others] = runOn((backend) => {
      const a = uniform([301, 517], dtype, 1, backend);
      const b = uniform([517, 45], dtype, 2, backend);
      return [ops.matmul(a, b), ops.matmul(b, b, { transposeA: true }), ops.matmul(a, a, { transposeB: true })].map((t) => Array.from(t.data));
    });
    for (const other of others) expect(other).toEqual(first);
  });

  // On AVX-512 a product with n ≤ 128 and m, k ≥ 512 is computed transposed, vectors along m
  // (gemm.cc's narrow path), and so is a row-major A of 64 rows or more (a mini-batch's X·W);
  // AVX2 takes the general path, so these compare the two ways of summing. 530 and 100 rows
  // leave partial blocks of 32.
  it.each(DTYPES)("give the same %s narrow products, bit for bit, with every transpose, partial blocks and a long shared dimension", (dtype) => {
    const [first, ...others] = runOn((backend) => {
      const x = uniform([530, 600], dtype, 7, backend);
      const xStoredTransposed = uniform([600, 530], dtype, 8, backend);
      const w = uniform([600, 23], dtype, 9, backend);
      const wStoredTransposed = uniform([23, 600], dtype, 10, backend);
      const batch = uniform([100, 600], dtype, 11, backend);
      return [
        ops.matmul(x, w),
        ops.matmul(batch, w),
        ops.matmul(x, wStoredTransposed, { transposeB: true }),
        ops.matmul(xStoredTransposed, w, { transposeA: true }),
        ops.matmul(xStoredTransposed, wStoredTransposed, { transposeA: true, transposeB: true }),
      ].map((t) => Array.from(t.data));
    });
    for (const other of others) expect(other).toEqual(first);
  });

  it.each(DTYPES)("give the same %s fused Linear layers and activations, bit for bit, narrow and wide", (dtype) => {
    const [first, ...others] = runOn((backend) => {
      const results: number[][] = [];
      for (const [inputs, outputs] of [
        [8, 16],
        [16, 1],
        [40, 24],
        [300, 70],
      ]) {
        const x = uniform([257, inputs], dtype, 3, backend);
        const weight = uniform([inputs, outputs], dtype, 4, backend);
        const bias = uniform([1, outputs], dtype, 5, backend);
        for (const fn of BUILT_IN_ACTIVATIONS) {
          const z = Tensor.zeros([257, outputs], { dtype, backend });
          const a = Tensor.zeros([257, outputs], { dtype, backend });
          backend.linearForward!(x, weight, bias, z, { fn, out: a });
          const g = uniform([257, outputs], dtype, 6, backend);
          const gradX = Tensor.zeros([257, inputs], { dtype, backend });
          backend.linearInputGradient!(g, weight, gradX, { fn, z: x, a: x });
          const gradW = Tensor.zeros([inputs, outputs], { dtype, backend });
          const gradB = Tensor.zeros([1, outputs], { dtype, backend });
          backend.linearWeightGradients!(x, g, gradW, gradB);
          results.push(...[z, a, gradX, gradW, gradB].map((t) => Array.from(t.data)));
        }
      }
      return results;
    });
    for (const other of others) expect(other).toEqual(first);
  });
});
