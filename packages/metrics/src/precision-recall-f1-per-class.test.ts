import { describe, expect, it } from "vitest";
import { CLASSIFICATION_CASES } from "./fixtures/sklearn-classification.js";
import { precisionRecallF1PerClass } from "./precision-recall-f1-per-class.js";

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 12));
}

const CASES = CLASSIFICATION_CASES.flatMap((c) => ([0, 1] as const).map((zeroDivision) => ({ ...c, zeroDivision })));

describe("precisionRecallF1PerClass", () => {
  it.each(CASES)("matches scikit-learn with zeroDivision=$zeroDivision: $name", ({ yTrue, yPred, labels, zeroDivision, byZeroDivision }) => {
    const expected = byZeroDivision[zeroDivision].perClass;
    const scores = precisionRecallF1PerClass(yTrue, yPred, { zeroDivision });
    expect(scores.labels).toEqual(labels);
    expect(scores.support).toEqual(expected.support);
    expectClose(scores.precision, expected.precision);
    expectClose(scores.recall, expected.recall);
    expectClose(scores.f1, expected.f1);
  });

  it("defaults zeroDivision to 0", () => {
    // Label 2 is never predicted (precision 0/0) and label 3 never true (recall 0/0).
    const scores = precisionRecallF1PerClass([0, 2], [0, 3]);
    expect(scores.labels).toEqual([0, 2, 3]);
    expect(scores.precision).toEqual([1, 0, 0]);
    expect(scores.recall).toEqual([1, 0, 0]);
  });

  it("gives F1 = 0 to a class with no hits even when zeroDivision = 1", () => {
    const scores = precisionRecallF1PerClass(new Int32Array([0, 2]), new Int32Array([0, 3]), { zeroDivision: 1 });
    expect(scores.precision).toEqual([1, 1, 0]);
    expect(scores.recall).toEqual([1, 0, 1]);
    expect(scores.f1).toEqual([1, 0, 0]);
  });

  it("rejects a zeroDivision other than 0 or 1", () => {
    expect(() => precisionRecallF1PerClass([0], [0], { zeroDivision: 0.5 as 0 })).toThrow(
      "precisionRecallF1PerClass: zeroDivision must be 0 or 1, got 0.5",
    );
  });
});
