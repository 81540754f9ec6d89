import { describe, expect, it } from "vitest";
import { ActivationModule, Tensor } from "@nabla/core";
import { moduleGradientErrors } from "@nabla/core/testing";
import { gelu } from "./gelu.js";

// NumPy, tanh approximation: u = sqrt(2/π)(z + 0.044715 z³), ½z(1 + tanh u) and its derivative, at z = [−3, −0.5, 0.25, 2].
const Z = [-3, -0.5, 0.25, 2];
const VALUES = [-0.0036373920817729943, -0.15428599017485606, 0.149675350701685, 1.954597694087775];
const DERIVATIVES = [-0.011584166630969516, 0.13263009646535764, 0.6953540951510604, 1.0860992566236183];

describe("gelu", () => {
  it("matches NumPy's tanh approximation and its derivative", () => {
    Z.forEach((z, i) => {
      expect(gelu.forward(z)).toBeCloseTo(VALUES[i], 15);
      expect(gelu.derivative(z, gelu.forward(z))).toBeCloseTo(DERIVATIVES[i], 15);
    });
  });

  it("passes a float64 gradient check", () => {
    expect(moduleGradientErrors(new ActivationModule("test", gelu), Tensor.from([-4, -1.3, -0.2, 0, 0.6, 1.7, 3.5, 9], [1, 8], { dtype: "float64" })).input).toBeLessThan(1e-6);
  });

  it("tends to z and 0 with slopes 1 and 0 for huge |z|, without NaN", () => {
    for (const z of [1e4, 1e200, 1e300]) {
      expect(gelu.forward(z)).toBe(z);
      expect(gelu.derivative(z, z)).toBe(1);
      expect(gelu.forward(-z)).toBeCloseTo(0, 300);
      expect(gelu.derivative(-z, 0)).toBe(0);
    }
  });
});
