import { describe, expect, it } from "vitest";
import { TestDense, square } from "../test-plugins.js";
import { ActivationModule } from "../activation-module.js";
import { createReferenceBackend } from "../backend/reference-backend.js";
import { moduleGradientErrors, numericGradient, randomTensor, relativeError } from "./gradient-check.js";

describe("gradient checks", () => {
  it("differentiates numerically: d/dt Σ t² = 2t", () => {
    const t = randomTensor([2, 3], 1);
    const gradient = numericGradient(() => Array.from(t.data).reduce((s, v) => s + v * v, 0), t);
    expect(relativeError(gradient, Array.from(t.data, (v) => 2 * v))).toBeLessThan(1e-9);
  });

  it("accepts correct backward passes and flags a wrong one", () => {
    const dense = new TestDense(3, 2, randomTensor([3, 2], 2));
    const errors = moduleGradientErrors(dense, randomTensor([4, 3], 3));
    expect(errors.input).toBeLessThan(1e-6);
    expect(errors.weight).toBeLessThan(1e-6);
    const wrong = new ActivationModule("wrong", { ...square, derivative: (z) => 3 * z });
    expect(moduleGradientErrors(wrong, randomTensor([2, 2], 4)).input).toBeGreaterThan(0.1);
  });

  it("checks a module that lives on a backend other than the default one", () => {
    const elsewhere = { ...createReferenceBackend(), name: "elsewhere" };
    const dense = new TestDense(3, 2, randomTensor([3, 2], 2, elsewhere));
    expect(moduleGradientErrors(dense, randomTensor([4, 3], 3, elsewhere)).input).toBeLessThan(1e-6);
  });
});
