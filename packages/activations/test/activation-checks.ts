import { expect } from "vitest";
import { Tensor, ops, type ActivationFunction, type DType } from "@nabla/core";

/** Extreme inputs each dtype can hold: ±1e4 for both, then ±1e300 (float64) or ±3e38, near float32's largest value. */
export const EXTREME_INPUTS: Record<DType, number[]> = {
  float32: [-3e38, -1e4, -100, 100, 1e4, 3e38],
  float64: [-1e300, -1e4, -800, 800, 1e4, 1e300],
};

/** g(z) and ∂L/∂z = 1 ⊙ g'(z) through the backend kernels, for the extreme inputs of `dtype`. */
export function evaluateExtremes(fn: ActivationFunction, dtype: DType): { z: number[]; a: number[]; derivative: number[] } {
  const z = Tensor.from(EXTREME_INPUTS[dtype], [1, EXTREME_INPUTS[dtype].length], { dtype });
  const a = ops.activate(fn, z);
  const ones = Tensor.from(new Array(z.size).fill(1), z.shape, { dtype });
  const derivative = ops.activateBackward(fn, z, a, ones);
  return { z: z.toArray(), a: a.toArray(), derivative: derivative.toArray() };
}

/** Every value finite and within 1e-10 of its limit (the float32 tails keep values like 1e-42). */
export function expectFiniteNear(actual: readonly number[], limits: readonly number[]): void {
  expect(actual.every(Number.isFinite)).toBe(true);
  actual.forEach((value, i) => expect(value).toBeCloseTo(limits[i], 10));
}
