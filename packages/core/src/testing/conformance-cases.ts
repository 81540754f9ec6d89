import type { ActivationFunction } from "../activation-function.js";
import type { Backend } from "../backend/backend.js";
import { compileExpression } from "../expression/compile-expression.js";
import { FUSED_ACTIVATION_KERNELS } from "../fused-activation-kernels.js";
import { FUSED_ACTIVATION_MATH, fusedKernelActivation } from "../fused-activation-math.js";
import { dropoutMask } from "../random/dropout-mask.js";
import { Tensor } from "../tensor.js";
import { BackendConformanceError } from "./backend-conformance-error.js";
import { CONFORMANCE_UPDATE_RULES } from "./conformance-update-rules.js";
import { EXPRESSION_ACTIVATIONS, JAVASCRIPT_ACTIVATIONS, activationIsExact, isCompiledExpression } from "./conformance-activations.js";
import {
  EPSILON,
  MIN_NORMAL,
  absoluteColumnSums,
  absoluteProduct,
  expectIdentical,
  expectScalar,
  expectWithin,
  normalValues,
  referenceOutput,
  staleOutput,
  tensorPair,
  type ConformanceContext,
} from "./conformance-checks.js";

// Every kernel of the Backend interface against the TypeScript reference, in the dtype of the
// context. Kernels that only move, add or multiply values once must match the reference bit for
// bit; sums may round in any order, so they get the rounding-error bound of a sum; kernels
// through exp get a few ulps, the loosest any backend's own exp has needed.

/** Every member of Backend but its name, the optional fused kernels included. */
export type BackendKernel = Exclude<keyof Backend, "name">;

/** One check of the conformance suite: a kernel, a case name and the test itself. */
export interface ConformanceCase {
  /** The kernel under test. */
  readonly kernel: BackendKernel;
  /** What the case pins, as a test title. */
  readonly name: string;
  /** Throws BackendConformanceError when the backend disagrees with the reference. */
  run(context: ConformanceContext): void;
}

type CaseEntry = Omit<ConformanceCase, "kernel">;

/** [rows, cols]: odd sizes, so every SIMD loop has a tail; 300 × 257 passes the native threading threshold (2^15 elements). */
const ELEMENTWISE_SHAPES: readonly (readonly [number, number])[] = [
  [1, 1],
  [7, 13],
  [37, 29],
  [33, 129],
  [300, 257],
];

/**
 * [m, k, n]: a single element, an empty shared dimension, a dot product, an outer product, odd
 * sizes that fit no SIMD width or register tile, and 97·301·67 ≈ 2M multiply-adds, enough to run
 * threaded paths.
 */
const MATMUL_SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [3, 0, 4],
  [1, 37, 1],
  [13, 1, 19],
  [7, 13, 5],
  [33, 129, 17],
  [97, 301, 67],
];

/** [rows, inputs, outputs] of a Linear layer. */
// Rows × inputs → outputs. Backends may take a one-pass path for narrow layers (native and wasm:
// at most 64 inputs and a few vectors of outputs) and GEMM for wider ones: the shapes cover both,
// empty operands, one-output heads, widths that are not whole vectors, fewer rows than a register
// block, and enough rows for the narrow kernels to be split across two threads.
const LINEAR_SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [0, 5, 3],
  [5, 0, 3],
  [4, 6, 0],
  [5, 8, 16],
  [13, 16, 1],
  [7, 3, 13],
  [7, 13, 5],
  [37, 16, 33],
  [9, 70, 5],
  [11, 40, 100],
  [33, 129, 17],
  [97, 301, 67],
  [4099, 8, 3],
  [4099, 13, 1],
  [9001, 16, 16],
];

/**
 * Saturation, overflow of e^−z, subnormal results, the switch points some tanh and sigmoid
 * implementations use (|z| = 0.625), signed zeros and non-finite values.
 */
const EXTREME_INPUTS = [
  -1000, -800, -745.5, -740, -100, -30, -20, -5, -1, -0.7, -0.625, -0.6, -0.3, -1e-8, -0, 0, 1e-300, 1e-8, 0.3, 0.6249, 0.625, 0.6251, 0.7, 1, 5,
  19, 20, 30, 100, 800, 1000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

/** The extremes first, then standard normals times 4 (most of them in the interesting range of every activation). */
function activationInputs(count: number, seed: number): number[] {
  const values = normalValues(count, seed, 4);
  for (let k = 0; k < Math.min(count, EXTREME_INPUTS.length); k++) values[k] = EXTREME_INPUTS[k];
  return values;
}

const ACTIVATION_SHAPES: readonly (readonly [number, number])[] = [
  [1, 1],
  [3, 19],
  [37, 29],
  [300, 257],
];

function activationsOf(context: ConformanceContext): ActivationFunction[] {
  return [...context.activations, ...JAVASCRIPT_ACTIVATIONS, ...EXPRESSION_ACTIVATIONS];
}

/** Relative tolerance of fn's fused kernel, forward and backward (0: exact). */
function activationRtol(context: ConformanceContext, fn: ActivationFunction, pass: "forward" | "backward"): number {
  if (activationIsExact(fn)) return 0;
  // A compiled expression chains several transcendental functions, each a few ulps off.
  if (isCompiledExpression(fn)) return (pass === "forward" ? 32 : 64) * EPSILON[context.dtype];
  return (pass === "forward" ? 8 : 16) * EPSILON[context.dtype];
}

/** |v|, or 0 for NaN and ±Infinity, whose results must match exactly anyway. */
function finiteMagnitude(v: number): number {
  return Number.isFinite(v) ? Math.abs(v) : 0;
}

/**
 * Exact activations must give the reference's values, signed zeros aside (a masked ReLU derivative
 * gives +0 where gradA·0 gives −0). A backward pass is also allowed an error relative to the
 * incoming gradient: derivatives of size ~1 keep an absolute error of a few ε where they cancel
 * (SiLU's near z ≈ −1.28) or come from a rounded a (1 − a² for a saturated tanh). A compiled
 * expression may also cancel terms of the size of its input (GELU's ½z(1 + tanh u) for z ≪ 0),
 * so it is allowed an error relative to |z| as well.
 */
function expectActivation(context: ConformanceContext, fn: ActivationFunction, what: string, actual: Tensor, expected: Tensor, gradA?: Tensor, z?: Tensor): void {
  const rtol = activationRtol(context, fn, gradA ? "backward" : "forward");
  if (rtol === 0) return expectWithin(context, what, actual.data, expected.data, () => 0);
  const inputScale = (i: number) => (isCompiledExpression(fn) && z ? finiteMagnitude(z.data[i]) * (gradA ? Math.abs(gradA.data[i]) : 1) : 0);
  const scale = (i: number) => Math.abs(expected.data[i]) + (gradA ? Math.abs(gradA.data[i]) : 0) + inputScale(i);
  expectWithin(context, what, actual.data, expected.data, (i) => rtol * scale(i) + MIN_NORMAL[context.dtype]);
}

/** The shape of the checks against FUSED_ACTIVATION_MATH: every extreme input, and an odd tail for SIMD loops. */
const DECLARED_MATH_SHAPE = [37, 29] as const;

/**
 * Each fused kernel's activation and its declared math compiled afresh from FUSED_ACTIVATION_MATH,
 * so the check does not rest on the activations the suite was given or their forward functions.
 */
function declaredFusedActivations() {
  return FUSED_ACTIVATION_KERNELS.map((kernel) => ({
    fn: fusedKernelActivation(kernel),
    forward: compileExpression(FUSED_ACTIVATION_MATH[kernel].forward, ["x"]),
    derivative: compileExpression(FUSED_ACTIVATION_MATH[kernel].derivative, ["x", "y"]),
  }));
}

/** A kernel of the backend under test that the interface marks optional; the runner skips cases of missing ones. */
function optionalKernel<K extends "linearForward" | "linearInputGradient" | "linearWeightGradients" | "applyUpdateRule">(backend: Backend, kernel: K): NonNullable<Backend[K]> {
  const method = backend[kernel];
  if (!method) throw new BackendConformanceError(`${backend.name} backend has no ${kernel} kernel`);
  return method.bind(backend) as NonNullable<Backend[K]>;
}

function matmulCase(transposeA: boolean, transposeB: boolean): CaseEntry {
  const form = `${transposeA ? "Aᵀ" : "A"}·${transposeB ? "Bᵀ" : "B"}`;
  return {
    name: `${form} matches the reference within k·ε·|A|·|B| on odd shapes, overwriting its output`,
    run(context) {
      MATMUL_SHAPES.forEach(([m, k, n], s) => {
        const [a, aRef] = tensorPair(context, normalValues(m * k, 100 + s), transposeA ? [k, m] : [m, k]);
        const [b, bRef] = tensorPair(context, normalValues(k * n, 200 + s), transposeB ? [n, k] : [k, n]);
        const out = staleOutput(context, [m, n]);
        context.backend.matmul(a, b, out, transposeA, transposeB);
        const expected = referenceOutput(context, [m, n]);
        context.reference.matmul(aRef, bRef, expected, transposeA, transposeB);
        const bound = absoluteProduct(aRef, bRef, transposeA, transposeB);
        const unit = Math.max(k, 1) * EPSILON[context.dtype];
        expectWithin(context, `matmul ${form}, ${m}×${k}·${k}×${n}`, out.data, expected.data, (i) => unit * bound[i]);
      });
    },
  };
}

/** Linear-layer operands: x [rows, inputs], weight [inputs, outputs], bias [1, outputs]. */
function linearOperands(context: ConformanceContext, [rows, inputs, outputs]: readonly [number, number, number], seed: number) {
  const [x, xRef] = tensorPair(context, normalValues(rows * inputs, seed), [rows, inputs]);
  const [weight, weightRef] = tensorPair(context, normalValues(inputs * outputs, seed + 1, 0.5), [inputs, outputs]);
  const [bias, biasRef] = tensorPair(context, normalValues(outputs, seed + 2), [1, outputs]);
  return { x, xRef, weight, weightRef, bias, biasRef };
}

function linearForwardCase(withActivation: boolean): CaseEntry {
  return {
    name: withActivation
      ? "z = x·W + b and the activation after it match the reference, fused or not"
      : "z = x·W + b matches the reference within (k + 1)·ε·(|x|·|W| + |b|)",
    run(context) {
      const linearForward = optionalKernel(context.backend, "linearForward");
      const activations: (ActivationFunction | null)[] = withActivation ? activationsOf(context) : [null];
      LINEAR_SHAPES.forEach((shape, s) => {
        const [rows, inputs, outputs] = shape;
        const { x, xRef, weight, weightRef, bias, biasRef } = linearOperands(context, shape, 10 * s);
        const expected = referenceOutput(context, [rows, outputs]);
        context.reference.matmul(xRef, weightRef, expected, false, false);
        context.reference.addRowVector(expected, biasRef, expected);
        const bound = absoluteProduct(xRef, weightRef, false, false);
        const unit = (inputs + 1) * EPSILON[context.dtype];
        for (const fn of activations) {
          const z = staleOutput(context, [rows, outputs]);
          const out = staleOutput(context, [rows, outputs]);
          linearForward(x, weight, bias, z, fn ? { fn, out } : null);
          const where = `linearForward ${rows}×${inputs}→${outputs}${fn ? ` then ${fn.name}` : ""}`;
          expectWithin(context, `${where}, z`, z.data, expected.data, (i) => unit * (bound[i] + Math.abs(biasRef.data[i % outputs])));
          if (!fn) continue;
          // The activation is checked on the backend's own z, so the product's rounding does not count twice.
          const [, zRef] = tensorPair(context, z.data, z.shape);
          const activated = referenceOutput(context, z.shape);
          context.reference.activate(fn, zRef, activated);
          expectActivation(context, fn, `${where}, activation`, out, activated, undefined, zRef);
        }
      });
    },
  };
}

function linearInputGradientCase(withActivation: boolean): CaseEntry {
  return {
    name: withActivation
      ? "g·Wᵀ times the derivative of the activation below matches the reference, fused or not"
      : "g·Wᵀ matches the reference within k·ε·|g|·|Wᵀ|",
    run(context) {
      const linearInputGradient = optionalKernel(context.backend, "linearInputGradient");
      const activations: (ActivationFunction | null)[] = withActivation ? activationsOf(context) : [null];
      LINEAR_SHAPES.forEach(([rows, inputs, outputs], s) => {
        const [g, gRef] = tensorPair(context, normalValues(rows * outputs, 20 * s), [rows, outputs]);
        const [weight, weightRef] = tensorPair(context, normalValues(inputs * outputs, 20 * s + 1, 0.5), [inputs, outputs]);
        const product = referenceOutput(context, [rows, inputs]);
        context.reference.matmul(gRef, weightRef, product, false, true);
        const bound = absoluteProduct(gRef, weightRef, false, true);
        const unit = Math.max(outputs, 1) * EPSILON[context.dtype];
        const [z, zRef] = tensorPair(context, activationInputs(rows * inputs, 20 * s + 2), [rows, inputs]);
        for (const fn of activations) {
          const out = staleOutput(context, [rows, inputs]);
          const where = `linearInputGradient ${rows}×${outputs}·(${inputs}×${outputs})ᵀ${fn ? ` through ${fn.name}` : ""}`;
          if (!fn) {
            linearInputGradient(g, weight, out, null);
            expectWithin(context, where, out.data, product.data, (i) => unit * bound[i]);
            continue;
          }
          const aRef = referenceOutput(context, [rows, inputs]);
          context.reference.activate(fn, zRef, aRef);
          const [a] = tensorPair(context, aRef.data, aRef.shape);
          linearInputGradient(g, weight, out, { fn, z, a });
          const expected = referenceOutput(context, [rows, inputs]);
          context.reference.activateBackward(fn, zRef, aRef, product, expected);
          // The product's rounding, scaled by the derivative, then the activation kernel's own
          // error relative to the product (see expectActivation), and one rounding of the result.
          const rtol = activationRtol(context, fn, "backward");
          const derivative = (i: number) => Math.abs(fn.derivative(zRef.data[i], aRef.data[i]));
          const allowed = (i: number) =>
            derivative(i) * unit * bound[i] +
            rtol * (Math.abs(expected.data[i]) + Math.abs(product.data[i]) * (1 + (isCompiledExpression(fn) ? finiteMagnitude(zRef.data[i]) : 0))) +
            EPSILON[context.dtype] * Math.abs(expected.data[i]) +
            MIN_NORMAL[context.dtype];
          expectWithin(context, where, out.data, expected.data, allowed);
        }
      });
    },
  };
}

const CASES: { readonly [K in BackendKernel]: readonly CaseEntry[] } = {
  allocate: [
    {
      name: "returns zero-filled, disjoint arrays of the dtype and length asked for",
      run(context) {
        const { backend, dtype } = context;
        const Expected = dtype === "float64" ? Float64Array : Float32Array;
        const arrays = [0, 1, 13, 1000].map((length) => backend.allocate(dtype, length));
        arrays.forEach((array, q) => {
          const what = `allocate(${dtype}, ${[0, 1, 13, 1000][q]})`;
          if (!(array instanceof Expected)) throw new BackendConformanceError(`${backend.name} backend, ${what}: not a ${Expected.name}`);
          expectIdentical(context, what, array, new Float64Array([0, 1, 13, 1000][q]));
        });
        arrays[2].fill(1);
        expectIdentical(context, "allocate, after filling another array", arrays[3], new Float64Array(1000));
      },
    },
  ],

  matmul: [matmulCase(false, false), matmulCase(true, false), matmulCase(false, true), matmulCase(true, true)],

  linearForward: [linearForwardCase(false), linearForwardCase(true)],

  linearInputGradient: [linearInputGradientCase(false), linearInputGradientCase(true)],

  linearWeightGradients: [
    {
      name: "xᵀ·g and the column sums of g match the reference within their rounding bounds",
      run(context) {
        const linearWeightGradients = optionalKernel(context.backend, "linearWeightGradients");
        LINEAR_SHAPES.forEach(([rows, inputs, outputs], s) => {
          const [x, xRef] = tensorPair(context, normalValues(rows * inputs, 30 * s), [rows, inputs]);
          const [g, gRef] = tensorPair(context, normalValues(rows * outputs, 30 * s + 1), [rows, outputs]);
          const gradWeight = staleOutput(context, [inputs, outputs]);
          const gradBias = staleOutput(context, [1, outputs]);
          linearWeightGradients(x, g, gradWeight, gradBias);
          const expectedWeight = referenceOutput(context, [inputs, outputs]);
          context.reference.matmul(xRef, gRef, expectedWeight, true, false);
          const expectedBias = referenceOutput(context, [1, outputs]);
          context.reference.sumRows(gRef, expectedBias);
          const where = `linearWeightGradients ${rows}×${inputs}→${outputs}`;
          const unit = Math.max(rows, 1) * EPSILON[context.dtype];
          const bound = absoluteProduct(xRef, gRef, true, false);
          expectWithin(context, `${where}, weight gradient`, gradWeight.data, expectedWeight.data, (i) => unit * bound[i]);
          const sums = absoluteColumnSums(gRef);
          expectWithin(context, `${where}, bias gradient`, gradBias.data, expectedBias.data, (j) => unit * sums[j]);
        });
      },
    },
  ],

  addRowVector: [
    {
      name: "adds the row to every row exactly as the reference",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const [x, xRef] = tensorPair(context, normalValues(rows * cols, 40 + s), [rows, cols]);
          const [row, rowRef] = tensorPair(context, normalValues(cols, 50 + s), [1, cols]);
          const out = staleOutput(context, [rows, cols]);
          context.backend.addRowVector(x, row, out);
          const expected = referenceOutput(context, [rows, cols]);
          context.reference.addRowVector(xRef, rowRef, expected);
          expectIdentical(context, `addRowVector ${rows}×${cols}`, out.data, expected.data);
        });
      },
    },
    {
      name: "adds in place when the output is the input",
      run(context) {
        const [x, xRef] = tensorPair(context, normalValues(37 * 29, 60), [37, 29]);
        const [row, rowRef] = tensorPair(context, normalValues(29, 61), [1, 29]);
        context.backend.addRowVector(x, row, x);
        context.reference.addRowVector(xRef, rowRef, xRef);
        expectIdentical(context, "addRowVector in place", x.data, xRef.data);
      },
    },
  ],

  sumRows: [
    {
      name: "sums every column within rows·ε·Σ|x|, overwriting its output",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const [x, xRef] = tensorPair(context, normalValues(rows * cols, 70 + s), [rows, cols]);
          const out = staleOutput(context, [1, cols]);
          context.backend.sumRows(x, out);
          const expected = referenceOutput(context, [1, cols]);
          context.reference.sumRows(xRef, expected);
          const sums = absoluteColumnSums(xRef);
          expectWithin(context, `sumRows ${rows}×${cols}`, out.data, expected.data, (j) => rows * EPSILON[context.dtype] * sums[j]);
        });
      },
    },
  ],

  activate: [
    {
      name: "every activation, fused or JavaScript, matches the reference on extreme and random inputs",
      run(context) {
        for (const fn of activationsOf(context)) {
          ACTIVATION_SHAPES.forEach(([rows, cols], s) => {
            const [z, zRef] = tensorPair(context, activationInputs(rows * cols, 80 + s), [rows, cols]);
            const out = staleOutput(context, [rows, cols]);
            context.backend.activate(fn, z, out);
            const expected = referenceOutput(context, [rows, cols]);
            context.reference.activate(fn, zRef, expected);
            expectActivation(context, fn, `activate ${fn.name} ${rows}×${cols}`, out, expected, undefined, zRef);
          });
        }
      },
    },
    {
      name: "every fused kernel computes the forward expression @nabla/core declares for it (FUSED_ACTIVATION_MATH)",
      run(context) {
        for (const { fn, forward } of declaredFusedActivations()) {
          const [z, zRef] = tensorPair(context, activationInputs(DECLARED_MATH_SHAPE[0] * DECLARED_MATH_SHAPE[1], 85), DECLARED_MATH_SHAPE);
          const out = staleOutput(context, DECLARED_MATH_SHAPE);
          context.backend.activate(fn, z, out);
          // Evaluated in float64 and rounded once on store, as the reference evaluates every expression.
          const expected = referenceOutput(context, DECLARED_MATH_SHAPE);
          zRef.data.forEach((v, i) => (expected.data[i] = forward(v)));
          expectActivation(context, fn, `activate ${fn.name} against its declared expression`, out, expected, undefined, zRef);
        }
      },
    },
    {
      name: "every activation computes in place when the output is the input",
      run(context) {
        for (const fn of activationsOf(context)) {
          const [z, zRef] = tensorPair(context, activationInputs(37 * 29, 90), [37, 29]);
          const expected = referenceOutput(context, [37, 29]);
          context.reference.activate(fn, zRef, expected);
          context.backend.activate(fn, z, z);
          expectActivation(context, fn, `activate ${fn.name} in place`, z, expected, undefined, zRef);
        }
      },
    },
  ],

  activateBackward: [
    {
      name: "every activation's derivative, fused or JavaScript, matches the reference on extreme and random inputs",
      run(context) {
        for (const fn of activationsOf(context)) {
          ACTIVATION_SHAPES.forEach(([rows, cols], s) => {
            const shape = [rows, cols];
            const [z, zRef] = tensorPair(context, activationInputs(rows * cols, 100 + s), shape);
            // Both sides start from the reference's forward values, so only the backward kernel is compared.
            const aRef = referenceOutput(context, shape);
            context.reference.activate(fn, zRef, aRef);
            const [a] = tensorPair(context, aRef.data, shape);
            const [gradA, gradARef] = tensorPair(context, normalValues(rows * cols, 110 + s), shape);
            const out = staleOutput(context, shape);
            context.backend.activateBackward(fn, z, a, gradA, out);
            const expected = referenceOutput(context, shape);
            context.reference.activateBackward(fn, zRef, aRef, gradARef, expected);
            expectActivation(context, fn, `activateBackward ${fn.name} ${rows}×${cols}`, out, expected, gradARef, zRef);
          });
        }
      },
    },
    {
      name: "every fused kernel's derivative computes the expression @nabla/core declares for it (FUSED_ACTIVATION_MATH)",
      run(context) {
        for (const { fn, forward, derivative } of declaredFusedActivations()) {
          const [z, zRef] = tensorPair(context, activationInputs(DECLARED_MATH_SHAPE[0] * DECLARED_MATH_SHAPE[1], 115), DECLARED_MATH_SHAPE);
          const [a, aRef] = tensorPair(context, zRef.data.map((v) => forward(v)), DECLARED_MATH_SHAPE);
          const [gradA, gradARef] = tensorPair(context, normalValues(zRef.size, 116), DECLARED_MATH_SHAPE);
          const out = staleOutput(context, DECLARED_MATH_SHAPE);
          context.backend.activateBackward(fn, z, a, gradA, out);
          const expected = referenceOutput(context, DECLARED_MATH_SHAPE);
          zRef.data.forEach((v, i) => (expected.data[i] = gradARef.data[i] * derivative(v, aRef.data[i])));
          expectActivation(context, fn, `activateBackward ${fn.name} against its declared expression`, out, expected, gradARef, zRef);
        }
      },
    },
    {
      name: "every activation's derivative computes in place over the incoming gradient",
      run(context) {
        for (const fn of activationsOf(context)) {
          const shape = [37, 29];
          const [z, zRef] = tensorPair(context, activationInputs(37 * 29, 120), shape);
          const aRef = referenceOutput(context, shape);
          context.reference.activate(fn, zRef, aRef);
          const [a] = tensorPair(context, aRef.data, shape);
          const [gradA, gradARef] = tensorPair(context, normalValues(37 * 29, 121), shape);
          const [, incoming] = tensorPair(context, gradARef.data, shape);
          context.backend.activateBackward(fn, z, a, gradA, gradA);
          context.reference.activateBackward(fn, zRef, aRef, gradARef, gradARef);
          expectActivation(context, fn, `activateBackward ${fn.name} in place`, gradA, gradARef, incoming, zRef);
        }
      },
    },
    {
      name: "every expression activation's derivative, derived or given, matches central differences of its forward pass (checked in float64)",
      run(context) {
        // Only in float64, where differences are accurate to ~1e-10; points near the integers,
        // where the test expressions have their kinks and jumps, are left out.
        if (context.dtype !== "float64") return;
        const f64 = context;
        const points = normalValues(200, 125, 2).filter((x) => Math.abs(x - Math.round(x)) > 1e-2);
        const h = 1e-6;
        const shape = [1, points.length];
        for (const fn of EXPRESSION_ACTIVATIONS) {
          const [z] = tensorPair(f64, points, shape);
          const [zPlus] = tensorPair(f64, points.map((x) => x + h), shape);
          const [zMinus] = tensorPair(f64, points.map((x) => x - h), shape);
          const [a, aPlus, aMinus] = [z, zPlus, zMinus].map((input) => {
            const out = staleOutput(f64, shape);
            context.backend.activate(fn, input, out);
            return out;
          });
          const [ones] = tensorPair(f64, new Array<number>(points.length).fill(1), shape);
          const derivative = staleOutput(f64, shape);
          context.backend.activateBackward(fn, z, a, ones, derivative);
          const differences = points.map((_, i) => (aPlus.data[i] - aMinus.data[i]) / (2 * h));
          expectWithin(f64, `activateBackward ${fn.name} against central differences`, derivative.data, differences, (i) => 1e-6 * (1 + Math.abs(differences[i])));
        }
      },
    },
  ],

  map: [
    {
      name: "applies the function to zero, one, two and three inputs exactly as the reference",
      run(context) {
        const functions: ((...values: number[]) => number)[] = [() => 7, (p) => Math.exp(-p * p), (p, q) => Math.hypot(p, q), (p, q, r) => p * q - 3 * r];
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          functions.forEach((f, arity) => {
            const pairs = Array.from({ length: arity }, (_, q) => tensorPair(context, normalValues(rows * cols, 130 + 10 * s + q), [rows, cols]));
            const out = staleOutput(context, [rows, cols]);
            context.backend.map(out, pairs.map(([t]) => t), f);
            const expected = referenceOutput(context, [rows, cols]);
            context.reference.map(expected, pairs.map(([, t]) => t), f);
            expectIdentical(context, `map with ${arity} inputs, ${rows}×${cols}`, out.data, expected.data);
          });
        });
      },
    },
  ],

  multiply: [
    {
      name: "multiplies elementwise exactly as the reference, in place too",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const [a, aRef] = tensorPair(context, normalValues(rows * cols, 200 + s), [rows, cols]);
          const [b, bRef] = tensorPair(context, normalValues(rows * cols, 210 + s), [rows, cols]);
          const out = staleOutput(context, [rows, cols]);
          context.backend.multiply(a, b, out);
          const expected = referenceOutput(context, [rows, cols]);
          context.reference.multiply(aRef, bRef, expected);
          expectIdentical(context, `multiply ${rows}×${cols}`, out.data, expected.data);
          context.backend.multiply(a, a, a);
          context.reference.multiply(aRef, aRef, aRef);
          expectIdentical(context, `multiply ${rows}×${cols}, a ⊙ a in place`, a.data, aRef.data);
        });
      },
    },
  ],

  scale: [
    {
      name: "scales exactly as the reference, by 0.1, −3 and 0, in place too",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          for (const alpha of [0.1, -3, 0]) {
            const [x, xRef] = tensorPair(context, normalValues(rows * cols, 220 + s), [rows, cols]);
            const out = staleOutput(context, [rows, cols]);
            context.backend.scale(x, alpha, out);
            const expected = referenceOutput(context, [rows, cols]);
            context.reference.scale(xRef, alpha, expected);
            expectIdentical(context, `scale by ${alpha}, ${rows}×${cols}`, out.data, expected.data);
            context.backend.scale(x, alpha, x);
            expectIdentical(context, `scale by ${alpha} in place, ${rows}×${cols}`, x.data, expected.data);
          }
        });
      },
    },
  ],

  dropout: [
    {
      name: "draws the reference's Philox mask bit for bit and multiplies exactly as it, for three rates and keys, in place too",
      run(context) {
        // Keys with high bits set and p = 0.9 put words right at the edge of keepMax for some element.
        const draws = [dropoutMask(0.5, [0, 0]), dropoutMask(0.1, [0x243f6a88, 0xffffffff]), dropoutMask(0.9, [0xdeadbeef, 7])];
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          draws.forEach((draw, d) => {
            const where = `dropout p = ${1 - 1 / draw.scale} key ${draw.key.join(":")}, ${rows}×${cols}`;
            const [x, xRef] = tensorPair(context, normalValues(rows * cols, 230 + s), [rows, cols]);
            const mask = staleOutput(context, [rows, cols]), out = staleOutput(context, [rows, cols]);
            const expectedMask = referenceOutput(context, [rows, cols]), expected = referenceOutput(context, [rows, cols]);
            context.backend.dropout(x, mask, out, draw);
            context.reference.dropout(xRef, expectedMask, expected, draw);
            expectIdentical(context, `${where}, mask`, mask.data, expectedMask.data);
            expectIdentical(context, `${where}, output`, out.data, expected.data);
            if (d > 0) return;
            context.backend.dropout(x, mask, x, draw);
            expectIdentical(context, `${where}, in place`, x.data, expected.data);
          });
        });
      },
    },
  ],

  meanSquaredError: [
    {
      name: "the loss (summed in float64) and its gradient 2(pred − target)/N match the reference",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const size = rows * cols;
          const [pred, predRef] = tensorPair(context, normalValues(size, 230 + s), [rows, cols]);
          const [target, targetRef] = tensorPair(context, normalValues(size, 240 + s), [rows, cols]);
          const grad = staleOutput(context, [rows, cols]);
          const expectedGrad = referenceOutput(context, [rows, cols]);
          const loss = context.backend.meanSquaredError(pred, target, grad);
          const expectedLoss = context.reference.meanSquaredError(predRef, targetRef, expectedGrad);
          // A sum of N non-negative terms is within N·ε of the exact sum, relatively, in any order.
          expectScalar(context, `meanSquaredError loss, ${rows}×${cols}`, loss, expectedLoss, size * EPSILON.float64 * expectedLoss);
          const eps = EPSILON[context.dtype];
          expectWithin(context, `meanSquaredError gradient, ${rows}×${cols}`, grad.data, expectedGrad.data, (i) => 2 * eps * Math.abs(expectedGrad.data[i]));
        });
      },
    },
    {
      name: "the loss alone, without a gradient, matches the reference",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const size = rows * cols;
          const [pred, predRef] = tensorPair(context, normalValues(size, 250 + s), [rows, cols]);
          const [target, targetRef] = tensorPair(context, normalValues(size, 260 + s), [rows, cols]);
          const expected = context.reference.meanSquaredError(predRef, targetRef, null);
          const loss = context.backend.meanSquaredError(pred, target, null);
          expectScalar(context, `meanSquaredError loss without gradient, ${rows}×${cols}`, loss, expected, size * EPSILON.float64 * expected);
        });
      },
    },
  ],

  softmaxCrossEntropy: [
    {
      name: "the loss and its gradient (softmax − onehot)/N match the reference, logits of ±1000 included",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => softmaxCheck(context, rows, cols, 270 + s, true));
      },
    },
    {
      name: "the loss alone, without a gradient, matches the reference, logits of ±1000 included",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => softmaxCheck(context, rows, cols, 280 + s, false));
      },
    },
  ],

  sgdUpdate: [
    {
      name: "takes two steps exactly as the reference",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const [param, paramRef] = tensorPair(context, normalValues(rows * cols, 290 + s), [rows, cols]);
          for (const lr of [1e-3, 0.5]) {
            const [grad, gradRef] = tensorPair(context, normalValues(rows * cols, 300 + s, lr), [rows, cols]);
            context.backend.sgdUpdate(param, grad, lr);
            context.reference.sgdUpdate(paramRef, gradRef, lr);
            expectIdentical(context, `sgdUpdate lr ${lr}, ${rows}×${cols}`, param.data, paramRef.data);
          }
        });
      },
    },
  ],

  adamUpdate: [
    {
      name: "four steps with changing gradients keep the parameters and both moments within a few ε of the reference",
      run(context) {
        const eps = EPSILON[context.dtype];
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const shape = [rows, cols];
          const size = rows * cols;
          const [param, paramRef] = tensorPair(context, normalValues(size, 310 + s), shape);
          const [m, mRef] = tensorPair(context, new Float64Array(size), shape);
          const [v, vRef] = tensorPair(context, new Float64Array(size), shape);
          const largestGrad = new Float64Array(size);
          const steps = 4;
          const hp = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
          for (let step = 1; step <= steps; step++) {
            const [grad, gradRef] = tensorPair(context, normalValues(size, 320 + 10 * s + step), shape);
            gradRef.data.forEach((g, k) => (largestGrad[k] = Math.max(largestGrad[k], Math.abs(g))));
            context.backend.adamUpdate(param, grad, m, v, { ...hp, step });
            context.reference.adamUpdate(paramRef, gradRef, mRef, vRef, { ...hp, step });
          }
          // Each moment rounds once per step in its own magnitude and in that of the new term; the
          // parameter in its own magnitude and in that of each step, which is at most a few lr.
          const where = `adamUpdate, ${steps} steps, ${rows}×${cols}`;
          expectWithin(context, `${where}, m`, m.data, mRef.data, (k) => 4 * eps * (Math.abs(mRef.data[k]) + (1 - hp.beta1) * largestGrad[k]));
          expectWithin(context, `${where}, v`, v.data, vRef.data, (k) => 4 * eps * (Math.abs(vRef.data[k]) + (1 - hp.beta2) * largestGrad[k] ** 2));
          expectWithin(context, `${where}, parameters`, param.data, paramRef.data, (k) => 4 * eps * (Math.abs(paramRef.data[k]) + 4 * hp.lr * steps));
        });
      },
    },
  ],

  applyUpdateRule: [
    {
      name: "every update rule writes its targets in order within a few ε of its reference evaluation, non-finite values included",
      run(context) {
        const eps = EPSILON[context.dtype];
        for (const { name, rule, scalars } of CONFORMANCE_UPDATE_RULES) {
          ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
            const shape = [rows, cols];
            const pairs = rule.tensors.map((tensorName, q) => {
              const values = normalValues(rows * cols, 400 + 10 * s + q);
              // State tensors (a mean square, a second moment) must not be negative.
              if (q >= 2) values.forEach((v, k) => (values[k] = Math.abs(v)));
              if (tensorName === "grad") EXTREME_INPUTS.slice(-5).forEach((v, k) => k < values.length && (values[values.length - 1 - k] = v));
              return tensorPair(context, values, shape);
            });
            const tensors = pairs.map(([t]) => t);
            const expected = pairs.map(([, t]) => t);
            optionalKernel(context.backend, "applyUpdateRule")(rule, tensors, scalars);
            rule.updates.forEach(({ target }, i) => context.reference.map(expected[rule.tensors.indexOf(target)], expected, rule.evaluators[i](...scalars)));
            // Every element is a handful of roundings in its own magnitude (sqrt and division are
            // correctly rounded), plus that of the step for the parameter.
            rule.tensors.forEach((tensorName, q) => {
              const where = `applyUpdateRule ${name}, ${rows}×${cols}, ${tensorName}`;
              expectWithin(context, where, tensors[q].data, expected[q].data, (k) => 16 * eps * (Math.abs(expected[q].data[k]) + 1));
            });
          });
        }
      },
    },
  ],

  argmaxRows: [
    {
      name: "returns the first maximum of each row, passing over NaN, as the reference does",
      run(context) {
        const shapes: [number, number][] = [[1, 1], [8, 4], [7, 13], [37, 29], [300, 257]];
        shapes.forEach(([rows, cols], s) => {
          const values = normalValues(rows * cols, 330 + s);
          const setRow = (i: number, row: number[]) => row.forEach((v, j) => (values[i * cols + j] = v));
          // Ties between the middle and the last column every third row.
          for (let i = 3; i < rows; i += 3) {
            setRow(i, new Array(cols).fill(-1));
            values[i * cols + Math.floor(cols / 2)] = 2;
            values[i * cols + cols - 1] = 2;
          }
          if (rows >= 3 && cols >= 4) {
            setRow(0, [1, 3, 3, 2, ...new Array(cols - 4).fill(-5)]);
            setRow(1, [-1, Number.NaN, 5, 5, ...new Array(cols - 4).fill(-5)]);
            setRow(2, new Array(cols).fill(Number.NEGATIVE_INFINITY));
          }
          const [x, xRef] = tensorPair(context, values, [rows, cols]);
          const result = context.backend.argmaxRows(x);
          if (!(result instanceof Int32Array)) throw new BackendConformanceError(`${context.backend.name} backend, argmaxRows: did not return an Int32Array`);
          expectIdentical(context, `argmaxRows ${rows}×${cols}`, result, context.reference.argmaxRows(xRef));
        });
      },
    },
  ],

  allFinite: [
    {
      name: "finds NaN and ±Infinity first, in the middle and last, and accepts the largest and smallest finite values",
      run(context) {
        const largest = context.dtype === "float64" ? Number.MAX_VALUE : 3.4e38;
        const shapes: [number, number][] = [[1, 1], [7, 13], [37, 29], [300, 257]];
        shapes.forEach(([rows, cols], s) => {
          const size = rows * cols;
          const values = normalValues(size, 340 + s);
          [largest, -largest, -0, 5e-324].forEach((v, k) => {
            if (k + 1 < size) values[k + 1] = v;
          });
          const [x] = tensorPair(context, values, [rows, cols]);
          const where = `allFinite ${rows}×${cols}`;
          expectScalar(context, `${where}, all finite`, Number(context.backend.allFinite(x)), 1);
          for (const position of new Set([0, 5, Math.floor(size / 2), size - 2, size - 1].filter((p) => p >= 0 && p < size))) {
            for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
              const saved = x.data[position];
              x.data[position] = bad;
              expectScalar(context, `${where}, ${bad} at element ${position}`, Number(context.backend.allFinite(x)), 0);
              x.data[position] = saved;
            }
          }
        });
      },
    },
  ],

  gatherRows: [
    {
      name: "gathers rows in the order given, repeats included, exactly as the reference",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const [x, xRef] = tensorPair(context, normalValues(rows * cols, 350 + s), [rows, cols]);
          const indices = Int32Array.from([rows - 1, 0, Math.floor(rows / 2), Math.floor(rows / 2), ...Array.from({ length: 2 * rows + 1 }, (_, r) => (r * 5) % rows)]);
          const out = staleOutput(context, [indices.length, cols]);
          context.backend.gatherRows(x, indices, out);
          const expected = referenceOutput(context, [indices.length, cols]);
          context.reference.gatherRows(xRef, indices, expected);
          expectIdentical(context, `gatherRows of ${indices.length} from ${rows}×${cols}`, out.data, expected.data);
        });
      },
    },
  ],

  copy: [
    {
      name: "copies every element, NaN and signed zeros included",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          const values = normalValues(rows * cols, 360 + s);
          values[0] = -0;
          values[values.length - 1] = Number.NaN;
          const [source] = tensorPair(context, values, [rows, cols]);
          const target = staleOutput(context, [rows, cols]);
          context.backend.copy(source, target);
          expectIdentical(context, `copy ${rows}×${cols}`, target.data, source.data);
        });
      },
    },
  ],

  fill: [
    {
      name: "fills every element with the value as the dtype stores it",
      run(context) {
        ELEMENTWISE_SHAPES.forEach(([rows, cols], s) => {
          for (const value of [0.1, -0, Number.NaN, Number.NEGATIVE_INFINITY, 1e-310]) {
            const [x, xRef] = tensorPair(context, normalValues(rows * cols, 370 + s), [rows, cols]);
            context.backend.fill(x, value);
            context.reference.fill(xRef, value);
            expectIdentical(context, `fill with ${value}, ${rows}×${cols}`, x.data, xRef.data);
          }
        });
      },
    },
  ],
};

function softmaxCheck(context: ConformanceContext, rows: number, cols: number, seed: number, withGrad: boolean): void {
  const values = normalValues(rows * cols, seed, 5);
  values[0] = 80;
  if (rows > 1) {
    // A row whose largest logit overflows e^x unless the log-sum-exp subtracts it first.
    values[cols] = 1000;
    values[2 * cols - 1] = -1000;
  }
  const [logits, logitsRef] = tensorPair(context, values, [rows, cols]);
  const labels = Int32Array.from({ length: rows }, (_, i) => (i * 7) % cols);
  const grad = withGrad ? staleOutput(context, [rows, cols]) : null;
  const expectedGrad = withGrad ? referenceOutput(context, [rows, cols]) : null;
  const loss = context.backend.softmaxCrossEntropy(logits, labels, grad);
  const expectedLoss = context.reference.softmaxCrossEntropy(logitsRef, labels, expectedGrad);
  // Each row's log-sum-exp may be off by a few ulps of the largest logit when exp and log are not JavaScript's.
  const largestLogit = values.reduce((largest, v) => Math.max(largest, Math.abs(v)), 0);
  const where = `softmaxCrossEntropy${withGrad ? "" : " without gradient"}, ${rows}×${cols}`;
  expectScalar(context, `${where}, loss`, loss, expectedLoss, 64 * EPSILON.float64 * (Math.abs(expectedLoss) + largestLogit));
  if (grad && expectedGrad) {
    const { dtype } = context;
    expectWithin(context, `${where}, gradient`, grad.data, expectedGrad.data, (i) => 64 * EPSILON[dtype] * Math.abs(expectedGrad.data[i]) + MIN_NORMAL[dtype]);
  }
}

/** Every case of the suite, grouped by the kernel it checks, in the order of the Backend interface. */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = (Object.keys(CASES) as BackendKernel[]).flatMap((kernel) =>
  CASES[kernel].map((entry) => ({ kernel, ...entry })),
);
