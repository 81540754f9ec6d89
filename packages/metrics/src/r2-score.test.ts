import { describe, expect, it } from "vitest";
import { REGRESSION_CASES } from "./fixtures/sklearn-regression.js";
import { r2Score } from "./r2-score.js";

describe("r2Score", () => {
  // Includes negative scores, constant targets (1 if perfect, else 0) and a single sample (NaN).
  it.each(REGRESSION_CASES)("matches scikit-learn: $name", ({ yTrue, yPred, r2 }) => {
    if (Number.isNaN(r2)) expect(r2Score(yTrue, yPred)).toBeNaN();
    else expect(r2Score(yTrue, yPred)).toBeCloseTo(r2, 12);
  });

  it("treats targets as constant even when their floating-point mean is off by an ulp", () => {
    // scikit-learn returns about -1.7e31 and 1.0 here: 0.1 + 0.1 + 0.1 over 3 is not 0.1.
    expect(r2Score([0.1, 0.1, 0.1], [0.1, 0.1, 0.2])).toBe(0);
    expect(r2Score([0.1, 0.1, 0.1], [0.1, 0.1, 0.1])).toBe(1);
  });

  it("accepts typed arrays", () => {
    // SS_res = 1, SS_tot = 2 (targets 1, 2, 3 around mean 2)
    expect(r2Score(new Int32Array([1, 2, 3]), new Float32Array([1, 2, 2]))).toBe(0.5);
  });

  it("throws on empty inputs", () => {
    expect(() => r2Score([], [])).toThrow(/r2Score: yTrue and yPred are empty/);
  });
});
