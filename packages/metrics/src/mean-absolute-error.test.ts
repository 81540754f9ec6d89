import { describe, expect, it } from "vitest";
import { REGRESSION_CASES } from "./fixtures/sklearn-regression.js";
import { meanAbsoluteError } from "./mean-absolute-error.js";

describe("meanAbsoluteError", () => {
  it.each(REGRESSION_CASES)("matches scikit-learn: $name", ({ yTrue, yPred, mae }) => {
    expect(meanAbsoluteError(yTrue, yPred)).toBeCloseTo(mae, 12);
  });

  it("accepts typed arrays", () => {
    expect(meanAbsoluteError(new Float32Array([1, -1, 4]), new Int32Array([2, 1, 4]))).toBe(1);
  });

  it("throws on non-finite predictions", () => {
    expect(() => meanAbsoluteError([1, 2], [1, Number.NaN])).toThrow("meanAbsoluteError: yPred[1] is NaN, expected a finite number");
  });
});
