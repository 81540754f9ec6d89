import { DTYPES, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { evaluateExtremes } from "../test/activation-checks.js";
import { moduleGradientErrors } from "@nabla/core/testing";
import { relu, ReLU } from "./relu.js";

describe("relu", () => {
  it("is max(0, z) with derivative 1 above zero and 0 at or below it (5)–(6)", () => {
    expect([-2, -0.5, 0, 0.5, 3].map(relu.forward)).toEqual([0, 0, 0, 0.5, 3]);
    expect([-2, 0, 3].map((z) => relu.derivative(z, relu.forward(z)))).toEqual([0, 0, 1]);
  });

  it("lets NaN through instead of hiding it as 0", () => {
    expect(relu.forward(Number.NaN)).toBeNaN();
  });

  it.each(DTYPES)("stays finite and exact at extreme inputs in %s", (dtype) => {
    const { z, a, derivative } = evaluateExtremes(relu, dtype);
    expect(a).toEqual(z.map((v) => (v > 0 ? v : 0)));
    expect(derivative).toEqual(z.map((v) => (v > 0 ? 1 : 0)));
  });

  it("passes a float64 gradient check away from the kink", () => {
    const z = Tensor.from([-1.5, -0.3, 0.2, 0.7, 1.1, -2.2, 2.5, -0.9], [2, 4], { dtype: "float64" });
    expect(moduleGradientErrors(ReLU(), z).input).toBeLessThan(1e-6);
  });

  it("builds a module typed nabla/relu", () => {
    expect(ReLU().type).toBe("nabla/relu");
    expect(ReLU().fn).toBe(relu);
  });
});
