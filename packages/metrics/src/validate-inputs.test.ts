import { describe, expect, it } from "vitest";
import { MetricInputError } from "./metric-input-error.js";
import { validateLabelInputs, validateRegressionInputs } from "./validate-inputs.js";

describe("validateRegressionInputs", () => {
  it("accepts equal-length finite arrays of any ArrayLike kind", () => {
    expect(() => validateRegressionInputs("m", new Float32Array([1, 2]), [0.5, -3])).not.toThrow();
    expect(() => validateRegressionInputs("m", new Int32Array([1, 2]), new Float64Array([1, 2]))).not.toThrow();
  });

  it("rejects different lengths, naming the metric and both lengths", () => {
    expect(() => validateRegressionInputs("r2Score", [1, 2, 3], [1, 2])).toThrow(
      new MetricInputError("r2Score", "yTrue has 3 values but yPred has 2 values; they must pair up sample by sample"),
    );
  });

  it("rejects empty inputs", () => {
    expect(() => validateRegressionInputs("meanSquaredError", [], [])).toThrow(/meanSquaredError: yTrue and yPred are empty/);
  });

  it("rejects NaN and infinities, naming the side and index", () => {
    expect(() => validateRegressionInputs("m", [1, 2], [1, Number.NaN])).toThrow("m: yPred[1] is NaN, expected a finite number");
    expect(() => validateRegressionInputs("m", [Number.POSITIVE_INFINITY, 2], [1, 2])).toThrow("m: yTrue[0] is Infinity");
  });
});

describe("validateLabelInputs", () => {
  it("accepts integer labels, negative ones included", () => {
    expect(() => validateLabelInputs("m", new Int32Array([-1, 0, 3]), [2, 2, -7])).not.toThrow();
  });

  it("rejects non-integer labels", () => {
    expect(() => validateLabelInputs("accuracy", [0, 1, 0.5], [0, 1, 1])).toThrow("accuracy: yTrue[2] is 0.5, expected an integer class label");
    expect(() => validateLabelInputs("accuracy", [0, 1], [0, Number.NaN])).toThrow("accuracy: yPred[1] is NaN");
  });

  it("rejects mismatched lengths before looking at values", () => {
    expect(() => validateLabelInputs("m", [0.5], [1, 2])).toThrow(/yTrue has 1 value but yPred has 2 values/);
  });
});

describe("MetricInputError", () => {
  it("carries the metric and the problem", () => {
    const error = new MetricInputError("f1Score", "bad");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("MetricInputError");
    expect([error.metric, error.problem, error.message]).toEqual(["f1Score", "bad", "f1Score: bad"]);
  });
});
