import { DTYPES, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { evaluateExtremes, expectFiniteNear } from "../test/activation-checks.js";
import { moduleGradientErrors } from "@nabla/core/testing";
import { silu, SiLU } from "./silu.js";

// NumPy: s = 1 / (1 + exp(-z)); z * s and s + s * z * (1 - s) at z = [-3, -0.5, 0.25, 2].
const Z = [-3, -0.5, 0.25, 2];
const VALUES = [-0.14227761953270035, -0.1887703343990727, 0.14054412522144952, 1.7615941559557646];
const DERIVATIVES = [-0.08810410601516963, 0.2600388126973482, 0.6237100215701976, 1.0907842487848955];

describe("silu", () => {
  it("matches NumPy's z σ(z) and σ + σ z (1 − σ) (7)–(8)", () => {
    Z.forEach((z, i) => {
      const a = silu.forward(z);
      expect(a).toBeCloseTo(VALUES[i], 15);
      expect(silu.derivative(z, a)).toBeCloseTo(DERIVATIVES[i], 15);
    });
  });

  it.each(DTYPES)("tends to z and 0 with slopes 1 and 0, without NaN or Infinity, in %s", (dtype) => {
    const { z, a, derivative } = evaluateExtremes(silu, dtype);
    expectFiniteNear(a, z.map((v) => (v > 0 ? v : 0)));
    expectFiniteNear(derivative, z.map((v) => (v > 0 ? 1 : 0)));
  });

  it("passes a float64 gradient check", () => {
    const z = Tensor.from([-6, -1.5, -0.3, 0, 0.7, 1.1, 2.5, 9], [2, 4], { dtype: "float64" });
    expect(moduleGradientErrors(SiLU(), z).input).toBeLessThan(1e-6);
  });
});
