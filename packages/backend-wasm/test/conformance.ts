import { Tensor, Xoshiro128Generator, createReferenceBackend, type Backend, type DType } from "@nabla/core";
import { expect } from "vitest";

/** The readable TypeScript backend every wasm kernel is checked against. */
export const reference = createReferenceBackend();

/** Machine epsilon of each dtype: the unit of every tolerance below. */
export const EPSILON: Record<DType, number> = { float32: 2 ** -23, float64: 2 ** -52 };

/** `count` standard-normal values times `scale`, the same for every call with the same seed. */
export function normalValues(count: number, seed: number, scale = 1): number[] {
  const generator = new Xoshiro128Generator(seed);
  return Array.from({ length: count }, () => scale * generator.standardNormal());
}

/** The same values as a tensor on the wasm backend and on the reference backend. */
export function pair(backend: Backend, values: readonly number[], shape: readonly number[], dtype: DType): [Tensor, Tensor] {
  return [Tensor.from(values, shape, { backend, dtype }), Tensor.from(values, shape, { backend: reference, dtype })];
}

/** Element-wise identical, NaN matching NaN and +0 matching −0 only where the reference has the same zero. */
export function expectIdentical(actual: Tensor, expected: Tensor): void {
  expect(Array.from(actual.data)).toEqual(Array.from(expected.data));
}

/**
 * Within `ulps` units in the last place of the dtype relative to the expected value, or within
 * `absolute` (for results that round to subnormals); NaN must meet NaN and infinities must be equal.
 */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, dtype: DType, ulps: number, absolute = 0): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i], e = expected[i];
    if (Number.isNaN(e) || !Number.isFinite(e)) {
      expect(a, `element ${i}`).toBe(e);
      continue;
    }
    const tolerance = ulps * EPSILON[dtype] * Math.abs(e) + absolute;
    if (!(Math.abs(a - e) <= tolerance)) {
      expect.fail(`element ${i}: ${a} differs from ${e} by ${Math.abs(a - e)}, more than ${tolerance}`);
    }
  }
}
