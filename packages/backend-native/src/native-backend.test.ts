import {
  type ActivationFunction,
  type Backend,
  DTYPES,
  type DType,
  Tensor,
  Xoshiro128Generator,
  createReferenceBackend,
  ops,
} from "@nabla/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createNativeBackend, isNativeBackendAvailable } from "./native-backend.js";

// Every kernel against the reference backend on odd shapes, in both dtypes. Shapes above the
// kernels' parallel thresholds (2^15 elements, 2^20 multiply-adds) also run the threaded paths.

const EPSILON: Record<DType, number> = { float32: 2 ** -23, float64: 2 ** -52 };

const reference = createReferenceBackend();

function uniform(shape: number[], dtype: DType, seed: number, backend: Backend): Tensor {
  const t = Tensor.zeros(shape, { dtype, backend });
  new Xoshiro128Generator(seed).fillUniform(t.data);
  for (let k = 0; k < t.size; k++) t.data[k] = 2 * t.data[k] - 1;
  return t;
}

/** Asserts |actual − expected| ≤ rtol·|expected| + atol everywhere, NaN matching NaN; names the worst element. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  for (let k = 0; k < expected.length; k++) {
    if (Number.isNaN(expected[k]) && Number.isNaN(actual[k])) continue;
    const excess = Math.abs(actual[k] - expected[k]) - (rtol * Math.abs(expected[k]) + atol);
    if (!(excess <= worstExcess)) {
      worst = k;
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
    }
  }
  if (worst >= 0) expect.fail(`element ${worst}: got ${actual[worst]}, expected ${expected[worst]} (rtol ${rtol}, atol ${atol})`);
}

// The four activations with fused kernels, written from equations (5)–(12) of the report, as
// @nabla/activations defines them; the fused kernels must give the same values.
function stableSigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
const ACTIVATIONS: ActivationFunction[] = [
  { name: "relu", kernel: "relu", forward: (z) => (z <= 0 ? 0 : z), derivative: (z) => (z > 0 ? 1 : 0) },
  {
    name: "silu",
    kernel: "silu",
    forward: (z) => z * stableSigmoid(z),
    derivative: (z) => stableSigmoid(z) * (1 + z * stableSigmoid(-z)),
  },
  { name: "sigmoid", kernel: "sigmoid", forward: stableSigmoid, derivative: (_z, a) => a * (1 - a) },
  { name: "tanh", kernel: "tanh", forward: Math.tanh, derivative: (_z, a) => 1 - a * a },
];

const EXTREMES = [-1000, -100, -30, -20, -5, -1, -0.7, -0.3, -1e-8, 0, 1e-8, 0.3, 0.625, 0.7, 1, 5, 20, 30, 100, 1000, Number.NaN];

describe.skipIf(!isNativeBackendAvailable())("native backend", () => {
  // Made in beforeAll: a skipped describe still runs its body to collect the tests.
  let native: Backend;
  beforeAll(() => {
    native = createNativeBackend({ threads: 2 });
  });

  /** The same values on the native backend. */
  function onNative(t: Tensor): Tensor {
    return t.to({ backend: native });
  }

  describe.each(DTYPES)("%s", (dtype) => {
    const eps = EPSILON[dtype];

    describe("matmul", () => {
      const shapes: [number, number, number][] = [
        [1, 1, 1],
        [7, 13, 5],
        [33, 129, 17],
        [1000, 257, 33],
        [50, 300, 70],
      ];
      const orientations = [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ] as const;

      for (const [m, k, n] of shapes) {
        for (const [transposeA, transposeB] of orientations) {
          it(`matches the reference for ${m}×${k}·${k}×${n}${transposeA ? ", A transposed" : ""}${transposeB ? ", B transposed" : ""}`, () => {
            const a = uniform(transposeA ? [k, m] : [m, k], dtype, m * 7 + k, reference);
            const b = uniform(transposeB ? [n, k] : [k, n], dtype, n * 13 + k, reference);
            const expected = ops.matmul(a, b, { transposeA, transposeB });
            const actual = ops.matmul(onNative(a), onNative(b), { transposeA, transposeB });
            // Entries are sums of k products of values in [−1, 1]: rounding grows at most with k.
            expectClose(actual.data, expected.data, 0, 2 * k * eps);
          });
        }
      }

      it("gives the same product on one thread as on two", () => {
        const single = createNativeBackend({ threads: 1 });
        const a = uniform([300, 200], dtype, 1, single);
        const b = uniform([200, 40], dtype, 2, single);
        const one = ops.matmul(a, b);
        const two = ops.matmul(a.to({ backend: native }), b.to({ backend: native }));
        expect(Array.from(two.data)).toEqual(Array.from(one.data));
      });

      it("computes a small product known by hand", () => {
        const a = Tensor.from([1, 2, 3, 4, 5, 6], [2, 3], { dtype, backend: native });
        const b = Tensor.from([7, 8, 9, 10, 11, 12], [3, 2], { dtype, backend: native });
        expect(ops.matmul(a, b).toArray()).toEqual([58, 64, 139, 154]);
        expect(ops.matmul(a, a, { transposeB: true }).toArray()).toEqual([14, 32, 32, 77]);
        expect(ops.matmul(a, a, { transposeA: true }).toArray()).toEqual([17, 22, 27, 22, 29, 36, 27, 36, 45]);
      });

      it("writes zeros when the shared dimension is empty", () => {
        const out = Tensor.from([1, 2, 3, 4], [2, 2], { dtype, backend: native });
        ops.matmul(Tensor.zeros([2, 0], { dtype, backend: native }), Tensor.zeros([0, 2], { dtype, backend: native }), { out });
        expect(out.toArray()).toEqual([0, 0, 0, 0]);
      });
    });

    for (const shape of [
      [1, 1],
      [37, 29],
      [300, 257],
    ]) {
      const label = shape.join("×");

      it(`addRowVector, sumRows, multiply and scale match the reference on ${label}`, () => {
        const x = uniform(shape, dtype, 3, reference);
        const y = uniform(shape, dtype, 4, reference);
        const row = uniform([1, shape[1]], dtype, 5, reference);
        expect(Array.from(ops.addRowVector(onNative(x), onNative(row)).data)).toEqual(Array.from(ops.addRowVector(x, row).data));
        expect(Array.from(ops.multiply(onNative(x), onNative(y)).data)).toEqual(Array.from(ops.multiply(x, y).data));
        expect(Array.from(ops.scale(onNative(x), 0.1).data)).toEqual(Array.from(ops.scale(x, 0.1).data));
        expectClose(ops.sumRows(onNative(x)).data, ops.sumRows(x).data, 0, 2 * shape[0] * eps);
      });

      it.each(ACTIVATIONS)(`the fused $name kernel matches its JavaScript definition on ${label}`, (fn) => {
        const z = uniform(shape, dtype, 6, reference);
        // Spread the inputs over [−8, 8) and plant the extremes at the start.
        for (let k = 0; k < z.size; k++) z.data[k] = k < EXTREMES.length ? EXTREMES[k] : 8 * z.data[k];
        const gradA = uniform(shape, dtype, 7, reference);
        const a = ops.activate(fn, z);
        const nativeA = ops.activate(fn, onNative(z));
        expectClose(nativeA.data, a.data, 8 * eps, 8 * eps);
        const gradZ = ops.activateBackward(fn, z, a, gradA);
        const nativeGradZ = ops.activateBackward(fn, onNative(z), nativeA, onNative(gradA));
        expectClose(nativeGradZ.data, gradZ.data, 8 * eps, 8 * eps);
      });

      it(`an activation without a fused kernel runs its own forward and derivative on ${label}`, () => {
        const softsign: ActivationFunction = {
          name: "softsign",
          kernel: "no-such-kernel",
          forward: (z) => z / (1 + Math.abs(z)),
          derivative: (z) => 1 / (1 + Math.abs(z)) ** 2,
        };
        const z = uniform(shape, dtype, 8, reference);
        const gradA = uniform(shape, dtype, 9, reference);
        const a = ops.activate(softsign, z);
        const nativeA = ops.activate(softsign, onNative(z));
        expect(Array.from(nativeA.data)).toEqual(Array.from(a.data));
        const gradZ = ops.activateBackward(softsign, z, a, gradA);
        expect(Array.from(ops.activateBackward(softsign, onNative(z), nativeA, onNative(gradA)).data)).toEqual(Array.from(gradZ.data));
      });

      it(`map runs the given function on ${label}`, () => {
        const x = uniform(shape, dtype, 10, reference);
        const y = uniform(shape, dtype, 11, reference);
        const f = (p: number, q: number) => p * p - 3 * q;
        expect(Array.from(ops.map([onNative(x), onNative(y)], f).data)).toEqual(Array.from(ops.map([x, y], f).data));
      });

      it(`meanSquaredError and softmaxCrossEntropy match the reference, gradients included, on ${label}`, () => {
        const pred = uniform(shape, dtype, 12, reference);
        const target = uniform(shape, dtype, 13, reference);
        const grad = Tensor.zeros(shape, { dtype, backend: reference });
        const nativeGrad = Tensor.zeros(shape, { dtype, backend: native });
        const loss = ops.meanSquaredError(pred, target, grad);
        expect(ops.meanSquaredError(onNative(pred), onNative(target), nativeGrad)).toBeCloseTo(loss, 12);
        expect(ops.meanSquaredError(onNative(pred), onNative(target))).toBeCloseTo(loss, 12);
        expectClose(nativeGrad.data, grad.data, 2 * eps, 0);

        const logits = ops.scale(pred, 20);
        const labels = new Int32Array(shape[0]).map((_, i) => (i * 7) % shape[1]);
        const ceLoss = ops.softmaxCrossEntropy(logits, labels, grad);
        expect(ops.softmaxCrossEntropy(onNative(logits), labels, nativeGrad)).toBeCloseTo(ceLoss, 12);
        expect(ops.softmaxCrossEntropy(onNative(logits), labels)).toBeCloseTo(ceLoss, 12);
        // exp and log may differ from JavaScript's by an ulp; logits up to 20 scale that in exp(logit − logSumExp).
        expectClose(nativeGrad.data, grad.data, 64 * eps, 0);
      });

      it(`sgdUpdate and adamUpdate match the reference on ${label}`, () => {
        const param = uniform(shape, dtype, 14, reference);
        const grad = uniform(shape, dtype, 15, reference);
        const nativeParam = onNative(param);
        ops.sgdUpdate(param, grad, 0.05);
        ops.sgdUpdate(nativeParam, onNative(grad), 0.05);
        expect(Array.from(nativeParam.data)).toEqual(Array.from(param.data));

        const m = Tensor.zeros(shape, { dtype, backend: reference });
        const v = Tensor.zeros(shape, { dtype, backend: reference });
        const nativeM = onNative(m);
        const nativeV = onNative(v);
        for (let step = 1; step <= 3; step++) {
          const hp = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step };
          ops.adamUpdate(param, grad, m, v, hp);
          ops.adamUpdate(nativeParam, onNative(grad), nativeM, nativeV, hp);
        }
        expectClose(nativeM.data, m.data, 2 * eps, 0);
        expectClose(nativeV.data, v.data, 2 * eps, 0);
        expectClose(nativeParam.data, param.data, 2 * eps, 0);
      });

      it(`argmaxRows, gatherRows, copy and fill match the reference on ${label}`, () => {
        const x = uniform(shape, dtype, 16, reference);
        // Ties go to the first maximum: give every third row two equal maxima.
        for (let i = 0; i < shape[0]; i += 3) {
          const row = x.data.subarray(i * shape[1], (i + 1) * shape[1]);
          row.fill(-1);
          row[shape[1] - 1] = 2;
          row[Math.floor(shape[1] / 2)] = 2;
        }
        expect(Array.from(ops.argmaxRows(onNative(x)))).toEqual(Array.from(ops.argmaxRows(x)));

        const indices = new Int32Array(2 * shape[0] + 1).map((_, r) => (r * 5) % shape[0]);
        expect(Array.from(ops.gatherRows(onNative(x), indices).data)).toEqual(Array.from(ops.gatherRows(x, indices).data));

        const target = Tensor.zeros(shape, { dtype, backend: native });
        ops.copy(onNative(x), target);
        expect(Array.from(target.data)).toEqual(Array.from(x.data));
        ops.fill(target, 0.1);
        const filled = Tensor.zeros(shape, { dtype, backend: reference });
        ops.fill(filled, 0.1);
        expect(Array.from(target.data)).toEqual(Array.from(filled.data));
      });

      it(`allFinite finds NaN and ±Infinity anywhere on ${label}`, () => {
        const x = onNative(uniform(shape, dtype, 17, reference));
        expect(ops.allFinite(x)).toBe(true);
        for (const position of new Set([0, Math.floor(x.size / 2), x.size - 1])) {
          for (const bad of [Number.NaN, Infinity, -Infinity]) {
            const saved = x.data[position];
            x.data[position] = bad;
            expect(ops.allFinite(x)).toBe(false);
            x.data[position] = saved;
          }
        }
      });
    }

    it("computes activations known by hand", () => {
      const z = Tensor.from([-2, 0, 0.5, 3], [1, 4], { dtype, backend: native });
      const [relu, silu, sigmoid, tanh] = ACTIVATIONS.map((fn) => ops.activate(fn, z).toArray());
      const tolerance = dtype === "float32" ? 6 : 14;
      // σ(−2) = 0.11920292202211755, σ(0.5) = 0.6224593312018546, σ(3) = 0.9525741268224334
      const expected = {
        relu: [0, 0, 0.5, 3],
        silu: [-0.2384058440442351, 0, 0.3112296656009273, 2.8577223804673],
        sigmoid: [0.11920292202211755, 0.5, 0.6224593312018546, 0.9525741268224334],
        tanh: [-0.9640275800758169, 0, 0.46211715726000974, 0.9950547536867305],
      };
      for (const [actual, wanted] of [
        [relu, expected.relu],
        [silu, expected.silu],
        [sigmoid, expected.sigmoid],
        [tanh, expected.tanh],
      ]) {
        actual.forEach((value, k) => expect(value).toBeCloseTo(wanted[k], tolerance));
      }
    });
  });

  it("refuses arrays whose lengths do not fit the shapes instead of reading past them", () => {
    const a = Tensor.zeros([4, 3], { backend: native });
    const b = Tensor.zeros([3, 2], { backend: native });
    const wrongOut = Tensor.zeros([4, 3], { backend: native });
    expect(() => native.matmul(a, b, wrongOut, false, false)).toThrow(TypeError);
    expect(() => native.multiply(a, Tensor.zeros([2, 2], { backend: native }), a)).toThrow(/lengths differ/);
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
