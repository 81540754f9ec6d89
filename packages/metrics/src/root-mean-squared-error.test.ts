import { describe, expect, it } from "vitest";
import { REGRESSION_CASES } from "./fixtures/sklearn-regression.js";
import { rootMeanSquaredError } from "./root-mean-squared-error.js";

describe("rootMeanSquaredError", () => {
  it.each(REGRESSION_CASES)("matches scikit-learn: $name", ({ yTrue, yPred, rmse }) => {
    expect(rootMeanSquaredError(yTrue, yPred)).toBeCloseTo(rmse, 12);
  });

  it("is in the units of the targets", () => {
    expect(rootMeanSquaredError(new Float64Array([0, 0]), new Float64Array([3, -3]))).toBe(3);
  });
});
