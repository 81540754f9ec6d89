import type { RandomGenerator } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { trainTestSplit } from "./train-test-split.js";

/** A generator whose permutation is fixed; nothing else of it is used by a split. */
function fixedPermutation(order: number[]): RandomGenerator {
  const unused = () => {
    throw new Error("not used by trainTestSplit");
  };
  return {
    algorithm: "test/fixed",
    nextUint32: unused,
    nextDouble: unused,
    standardNormal: unused,
    fillStandardNormal: unused,
    fillUniform: unused,
    fillBernoulli: unused,
    permutation: (n) => {
      expect(n).toBe(order.length);
      return Int32Array.from(order);
    },
  };
}

// X = arange(14).reshape(7, 2), y = 10·arange(7).
const data = {
  features: Float64Array.from({ length: 14 }, (_, i) => i),
  rows: 7,
  cols: 2,
  targets: Float64Array.from({ length: 7 }, (_, i) => 10 * i),
};

describe("trainTestSplit", () => {
  it("matches scikit-learn's train_test_split(test_size=0.25, random_state=3) given RandomState(3)'s permutation", () => {
    // np.random.RandomState(3).permutation(7) is [4, 6, 5, 3, 1, 0, 2]; scikit-learn 1.2 returned
    // X_train rows 5, 3, 1, 0, 2 and X_test rows 4, 6 (ceil(0.25·7) = 2 test rows).
    const split = trainTestSplit(data, { testSize: 0.25, generator: fixedPermutation([4, 6, 5, 3, 1, 0, 2]) });
    expect([...split.testIndices]).toEqual([4, 6]);
    expect([...split.trainIndices]).toEqual([5, 3, 1, 0, 2]);
    expect([...split.train.features]).toEqual([10, 11, 6, 7, 2, 3, 0, 1, 4, 5]);
    expect([...split.test.features]).toEqual([8, 9, 12, 13]);
    expect([...split.train.targets]).toEqual([50, 30, 10, 0, 20]);
    expect([...split.test.targets]).toEqual([40, 60]);
    expect(split.train.targets).toBeInstanceOf(Float64Array);
  });

  it("puts 20% of the rows in the test set by default, rounding up", () => {
    const split = trainTestSplit(data, { generator: fixedPermutation([0, 1, 2, 3, 4, 5, 6]) });
    expect(split.test.rows).toBe(2); // ceil(0.2 · 7)
    expect(split.train.rows).toBe(5);
  });

  it("rejects a test size outside (0, 1) and a split that leaves no training rows", () => {
    const generator = fixedPermutation([0, 1, 2, 3, 4, 5, 6]);
    expect(() => trainTestSplit(data, { testSize: 1.5, generator })).toThrow("testSize must be a fraction in (0, 1), got 1.5");
    const one = { features: new Float64Array(2), rows: 1, cols: 2, targets: new Float64Array(1) };
    expect(() => trainTestSplit(one, { generator: fixedPermutation([0]) })).toThrow("the training set would be empty");
  });
});
