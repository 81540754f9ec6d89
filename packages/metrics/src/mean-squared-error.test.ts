import { describe, expect, it } from "vitest";
import { REGRESSION_CASES } from "./fixtures/sklearn-regression.js";
import { meanSquaredError } from "./mean-squared-error.js";

describe("meanSquaredError", () => {
  it.each(REGRESSION_CASES)("matches scikit-learn: $name", ({ yTrue, yPred, mse }) => {
    expect(meanSquaredError(yTrue, yPred)).toBeCloseTo(mse, 12);
  });

  it("accepts typed arrays", () => {
    // (3-2)² + (1-3)² + (0-0)² = 5, over 3 samples
    expect(meanSquaredError(new Int32Array([3, 1, 0]), new Float32Array([2, 3, 0]))).toBe(5 / 3);
  });

  it("throws on mismatched lengths", () => {
    expect(() => meanSquaredError([1, 2], [1])).toThrow(/meanSquaredError: yTrue has 2 values but yPred has 1/);
  });
});
