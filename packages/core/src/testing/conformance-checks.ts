import type { ActivationFunction } from "../activation-function.js";
import type { Backend } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import { Xoshiro128Generator } from "../random/xoshiro128.js";
import { Tensor } from "../tensor.js";
import { BackendConformanceError } from "./backend-conformance-error.js";

// What every conformance case needs: inputs on both backends, and comparisons that name the
// backend, dtype, kernel, shape and element when a result is off.

/** The backend under test, the reference it is compared with, and what to run. */
export interface ConformanceContext {
  /** The backend under test. */
  readonly backend: Backend;
  /** The reference backend it is compared with. */
  readonly reference: Backend;
  /** The dtype of this run (the suite runs each case in float32 and float64). */
  readonly dtype: DType;
  /** Activations with fused kernels to check (besides the JavaScript-only ones every run checks). */
  readonly activations: readonly ActivationFunction[];
}

/** Machine epsilon of each dtype (the gap between 1 and the next float): the unit of every tolerance. */
export const EPSILON: Record<DType, number> = { float32: 2 ** -23, float64: 2 ** -52 };

/** The smallest normal number: kernels may flush or round results below it differently. */
export const MIN_NORMAL: Record<DType, number> = { float32: 2 ** -126, float64: 2 ** -1022 };

/** `count` standard-normal values times `scale`, the same for every call with the same seed. */
export function normalValues(count: number, seed: number, scale = 1): number[] {
  const generator = new Xoshiro128Generator(seed);
  return Array.from({ length: count }, () => scale * generator.standardNormal());
}

/** The same values as a tensor of the backend under test and of the reference. */
export function tensorPair(context: ConformanceContext, values: ArrayLike<number>, shape: readonly number[]): [Tensor, Tensor] {
  const { backend, reference, dtype } = context;
  return [Tensor.from(values, shape, { backend, dtype }), Tensor.from(values, shape, { backend: reference, dtype })];
}

/** An output tensor of the backend under test full of NaN, so a kernel that reads it before writing shows. */
export function staleOutput(context: ConformanceContext, shape: readonly number[]): Tensor {
  const out = Tensor.zeros(shape, { backend: context.backend, dtype: context.dtype });
  out.data.fill(Number.NaN);
  return out;
}

/** A zero output tensor of the reference. */
export function referenceOutput(context: ConformanceContext, shape: readonly number[]): Tensor {
  return Tensor.zeros(shape, { backend: context.reference, dtype: context.dtype });
}

function fail(context: ConformanceContext, what: string, detail: string): never {
  throw new BackendConformanceError(`${context.backend.name} backend, ${context.dtype}, ${what}: ${detail}`);
}

function checkLength(context: ConformanceContext, what: string, actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  if (actual.length !== expected.length) fail(context, what, `${actual.length} elements, the reference has ${expected.length}`);
}

/** Every element bit for bit as the reference's: NaN where it has NaN, and the same signed zeros. */
export function expectIdentical(context: ConformanceContext, what: string, actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  checkLength(context, what, actual, expected);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) fail(context, what, `element ${i} is ${actual[i]}, the reference gives ${expected[i]}`);
  }
}

/**
 * Every element within allowed(i) of the reference's; NaN must meet NaN and an infinity the same
 * infinity. allowed(i) is an absolute bound, built by each case from the error analysis of its kernel.
 */
export function expectWithin(
  context: ConformanceContext,
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  allowed: (i: number) => number,
): void {
  checkLength(context, what, actual, expected);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i], e = expected[i];
    const ok = Number.isFinite(e) ? Math.abs(a - e) <= allowed(i) : Object.is(a, e);
    if (!ok) fail(context, what, `element ${i} is ${a}, the reference gives ${e} (allowed difference ${allowed(i)})`);
  }
}

/** A scalar result (a loss, a flag) within `allowed` of the reference's. */
export function expectScalar(context: ConformanceContext, what: string, actual: number, expected: number, allowed = 0): void {
  if (!(Math.abs(actual - expected) <= allowed) && !Object.is(actual, expected)) {
    fail(context, what, `${actual}, the reference gives ${expected} (allowed difference ${allowed})`);
  }
}

/** |op(A)|·|op(B)| in float64: K·ε times it bounds the rounding error of any summation order, elementwise. */
export function absoluteProduct(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Float64Array {
  const [m, k] = transposeA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const n = transposeB ? b.shape[0] : b.shape[1];
  const at = (i: number, p: number) => Math.abs(transposeA ? a.data[p * m + i] : a.data[i * k + p]);
  const bt = (p: number, j: number) => Math.abs(transposeB ? b.data[j * k + p] : b.data[p * n + j]);
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = at(i, p);
      for (let j = 0; j < n; j++) out[i * n + j] += av * bt(p, j);
    }
  }
  return out;
}

/** Σ_i |x[i, j]| for every column j: rows·ε times it bounds the rounding error of a column sum. */
export function absoluteColumnSums(x: Tensor): Float64Array {
  const out = new Float64Array(x.cols);
  for (let k = 0; k < x.size; k++) out[k % x.cols] += Math.abs(x.data[k]);
  return out;
}
