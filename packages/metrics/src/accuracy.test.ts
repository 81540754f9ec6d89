import { describe, expect, it } from "vitest";
import { accuracy } from "./accuracy.js";
import { CLASSIFICATION_CASES } from "./fixtures/sklearn-classification.js";

describe("accuracy", () => {
  it.each(CLASSIFICATION_CASES)("matches scikit-learn: $name", ({ yTrue, yPred, accuracy: expected }) => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(expected, 12);
  });

  it("compares typed arrays of different kinds by value", () => {
    expect(accuracy(new Int32Array([0, 1, 2, 2]), new Float64Array([0, 1, 1, 2]))).toBe(0.75);
  });

  it("throws on non-integer labels", () => {
    expect(() => accuracy([0, 1], [0, 0.9])).toThrow("accuracy: yPred[1] is 0.9, expected an integer class label");
  });
});
