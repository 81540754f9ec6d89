import { DTYPES, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { evaluateExtremes, expectFiniteNear } from "../test/activation-checks.js";
import { moduleGradientErrors } from "@nabla/core/testing";
import { tanh, Tanh } from "./tanh.js";

// NumPy: np.tanh(z) and 1 - np.tanh(z)**2 at z = [-3, -0.5, 0.25, 2].
const Z = [-3, -0.5, 0.25, 2];
const VALUES = [-0.9950547536867305, -0.46211715726000974, 0.24491866240370913, 0.9640275800758169];
const DERIVATIVES = [0.009866037165440211, 0.7864477329659274, 0.940014848806378, 0.07065082485316443];

describe("tanh", () => {
  it("matches NumPy's tanh and 1 − tanh² (11)–(12)", () => {
    Z.forEach((z, i) => {
      const a = tanh.forward(z);
      expect(a).toBeCloseTo(VALUES[i], 15);
      expect(tanh.derivative(z, a)).toBeCloseTo(DERIVATIVES[i], 15);
    });
  });

  it.each(DTYPES)("saturates to ±1 with zero slope, without NaN or Infinity, in %s", (dtype) => {
    const { z, a, derivative } = evaluateExtremes(tanh, dtype);
    expectFiniteNear(a, z.map(Math.sign));
    expectFiniteNear(derivative, z.map(() => 0));
  });

  it("passes a float64 gradient check", () => {
    const z = Tensor.from([-2.5, -1.5, -0.3, 0, 0.7, 1.1, 2.5, 0.05], [2, 4], { dtype: "float64" });
    expect(moduleGradientErrors(Tanh(), z).input).toBeLessThan(1e-6);
  });
});
