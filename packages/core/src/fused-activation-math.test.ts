import { describe, expect, it } from "vitest";
import { ActivationModule } from "./activation-module.js";
import { FUSED_ACTIVATION_KERNELS, type FusedActivationKernel } from "./fused-activation-kernels.js";
import { FUSED_ACTIVATION_MATH, fusedKernelActivation } from "./fused-activation-math.js";
import { Xoshiro128Generator } from "./random/xoshiro128.js";
import { moduleGradientErrors, randomTensor } from "./testing/gradient-check.js";

function handWrittenSigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

// The formulas the reference backend computed for the built-ins before their math became
// expressions (issue #13), kept as the pin: the report's Table 1 is reproduced digit for digit in
// float64 with exactly these bits.
const HAND_WRITTEN: Record<FusedActivationKernel, { forward(z: number): number; derivative(z: number, a: number): number }> = {
  relu: { forward: (z) => (z <= 0 ? 0 : z), derivative: (z) => (z > 0 ? 1 : 0) },
  silu: { forward: (z) => z * handWrittenSigmoid(z), derivative: (z) => handWrittenSigmoid(z) * (1 + z * handWrittenSigmoid(-z)) },
  sigmoid: { forward: handWrittenSigmoid, derivative: (_z, a) => a * (1 - a) },
  tanh: { forward: Math.tanh, derivative: (_z, a) => 1 - a * a },
};

/**
 * Signed zeros, non-finite values, subnormals, the overflow and underflow edges of exp, the
 * switch points of tanh and sigmoid implementations, then random values at every scale from
 * 1e-310 to 1e308 and standard normals times 4.
 */
function inputs(): number[] {
  const special = [
    0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE, -Number.MIN_VALUE, 2 ** -1022, -(2 ** -1022),
    Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 0.625, -0.625, 0.6249, 37, -37, 709.782712893384, -709.782712893384, 745.1332191019411,
    -745.1332191019411, 746, -746, 1000, -1000, 1e300, -1e300,
  ];
  const generator = new Xoshiro128Generator(13);
  const scales = Array.from({ length: 50_000 }, () => (generator.nextDouble() < 0.5 ? -1 : 1) * 10 ** (618 * generator.nextDouble() - 310));
  const normals = Array.from({ length: 50_000 }, () => 4 * generator.standardNormal());
  return [...special, ...scales, ...normals];
}

const Z = inputs();

describe("FUSED_ACTIVATION_MATH", () => {
  it("declares the math of every fused kernel and of nothing else", () => {
    expect(Object.keys(FUSED_ACTIVATION_MATH)).toEqual([...FUSED_ACTIVATION_KERNELS]);
  });

  it.each(FUSED_ACTIVATION_KERNELS)("gives %s the reference's hand-written float64 forward bits, NaN, ±0, ±∞ and subnormals included", (kernel) => {
    const fn = fusedKernelActivation(kernel);
    const mismatches = Z.filter((z) => !Object.is(fn.forward(z), HAND_WRITTEN[kernel].forward(z)));
    expect(mismatches).toEqual([]);
  });

  it.each(FUSED_ACTIVATION_KERNELS)("gives %s the reference's hand-written float64 derivative bits, at a = g(z) and at any other a", (kernel) => {
    const fn = fusedKernelActivation(kernel);
    const shuffled = [...Z].reverse();
    const mismatches = Z.flatMap((z, i) =>
      [HAND_WRITTEN[kernel].forward(z), shuffled[i]].filter((a) => !Object.is(fn.derivative(z, a), HAND_WRITTEN[kernel].derivative(z, a))).map((a) => [z, a]),
    );
    expect(mismatches).toEqual([]);
  });

  it.each(FUSED_ACTIVATION_KERNELS)("declares a derivative of %s that passes a float64 gradient check", (kernel) => {
    // ReLU's kink at 0 is almost surely never hit by random inputs.
    expect(moduleGradientErrors(new ActivationModule(kernel, fusedKernelActivation(kernel)), randomTensor([4, 9], 5)).input).toBeLessThan(1e-6);
  });
});

describe("fusedKernelActivation", () => {
  it("names the activation and its fused kernel alike, and carries the declared expressions for backends", () => {
    for (const kernel of FUSED_ACTIVATION_KERNELS) {
      const fn = fusedKernelActivation(kernel);
      expect([fn.name, fn.kernel]).toEqual([kernel, kernel]);
      expect(fn.expression).toEqual(FUSED_ACTIVATION_MATH[kernel]);
    }
  });
});
