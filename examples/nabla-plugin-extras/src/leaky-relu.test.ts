import { describe, expect, it } from "vitest";
import { ActivationModule, Tensor } from "@nabla/core";
import { moduleGradientErrors } from "@nabla/core/testing";
import { leakyRelu } from "./leaky-relu.js";

describe("leakyRelu", () => {
  it("passes positive inputs and scales the rest by the slope", () => {
    const fn = leakyRelu(0.1);
    expect([-5, -1, 0, 2].map(fn.forward)).toEqual([-0.5, -0.1, 0, 2]);
    expect([-5, 0, 2].map((z) => fn.derivative(z, fn.forward(z)))).toEqual([0.1, 0.1, 1]);
  });

  it("defaults to slope 0.01", () => {
    expect(leakyRelu().forward(-3)).toBe(-0.03);
  });

  it("passes a float64 gradient check away from 0", () => {
    expect(moduleGradientErrors(new ActivationModule("test", leakyRelu(0.2)), Tensor.from([-3, -1.2, -0.4, 0.3, 0.9, 2.5], [1, 6], { dtype: "float64" })).input).toBeLessThan(1e-6);
  });
});
