import { DTYPES, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { evaluateExtremes, expectFiniteNear } from "../test/activation-checks.js";
import { moduleGradientErrors } from "@nabla/core/testing";
import { sigmoid, Sigmoid } from "./sigmoid.js";

// NumPy: s = 1 / (1 + exp(-z)); s and s * (1 - s) at z = [-3, -0.5, 0.25, 2].
const Z = [-3, -0.5, 0.25, 2];
const VALUES = [0.04742587317756678, 0.3775406687981454, 0.5621765008857981, 0.8807970779778823];
const DERIVATIVES = [0.04517665973091214, 0.2350037122015945, 0.24613408273759835, 0.10499358540350662];

describe("sigmoid", () => {
  it("matches NumPy's 1 / (1 + e^−z) and σ(1 − σ) (9)–(10)", () => {
    Z.forEach((z, i) => {
      const a = sigmoid.forward(z);
      expect(a).toBeCloseTo(VALUES[i], 15);
      expect(sigmoid.derivative(z, a)).toBeCloseTo(DERIVATIVES[i], 15);
    });
  });

  it.each(DTYPES)("saturates to 0 and 1 with zero slope, without NaN or Infinity, in %s", (dtype) => {
    const { z, a, derivative } = evaluateExtremes(sigmoid, dtype);
    expectFiniteNear(a, z.map((v) => (v > 0 ? 1 : 0)));
    expectFiniteNear(derivative, z.map(() => 0));
  });

  it("keeps the tiny values of the negative tail instead of clamping z", () => {
    expect(sigmoid.forward(-700)).toBeCloseTo(Math.exp(-700), 310);
    expect(sigmoid.forward(-700)).toBeGreaterThan(0);
  });

  it("passes a float64 gradient check", () => {
    const z = Tensor.from([-4, -1.5, -0.3, 0, 0.7, 1.1, 2.5, 6], [2, 4], { dtype: "float64" });
    expect(moduleGradientErrors(Sigmoid(), z).input).toBeLessThan(1e-6);
  });
});
