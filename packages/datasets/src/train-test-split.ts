import type { RandomGenerator, TabularData } from "@nabla/core";
import { takeRows } from "./take-rows.js";

/** Options of `trainTestSplit`. */
export interface TrainTestSplitOptions {
  /** Fraction of rows in the test set, in (0, 1) (default 0.2). */
  testSize?: number;
  /** The permutation comes from this; NumPy's RandomState(seed) reproduces scikit-learn's split. */
  generator: RandomGenerator;
}

/** The two parts of a split, and which input rows went where. */
export interface TrainTestSplit {
  /** The training rows. */
  readonly train: TabularData;
  /** The test rows. */
  readonly test: TabularData;
  /** Rows of the input that form each part, in the order they appear there. */
  readonly trainIndices: Int32Array;
  /** Input rows of the test set, in permutation order. */
  readonly testIndices: Int32Array;
}

/**
 * scikit-learn's train_test_split(test_size, random_state), index for index when `generator` is
 * NumPy's RandomState: p = generator.permutation(n); the test set is the first ceil(testSize·n)
 * indices of p, the training set the rest, both in permutation order.
 */
export function trainTestSplit(data: TabularData, options: TrainTestSplitOptions): TrainTestSplit {
  const testSize = options.testSize ?? 0.2;
  if (!(testSize > 0 && testSize < 1))
    throw new RangeError(`trainTestSplit: testSize must be a fraction in (0, 1), got ${testSize}`);
  const n = data.rows;
  // Same float product and ceiling as scikit-learn's _validate_shuffle_split.
  const testCount = Math.ceil(testSize * n);
  const trainCount = n - testCount;
  if (trainCount <= 0) {
    throw new RangeError(`trainTestSplit: with ${n} rows and testSize ${testSize} the training set would be empty`);
  }
  const permutation = options.generator.permutation(n);
  if (permutation.length !== n) {
    throw new RangeError(
      `trainTestSplit: generator ${options.generator.algorithm} returned ${permutation.length} indices for permutation(${n})`,
    );
  }
  const testIndices = permutation.slice(0, testCount);
  const trainIndices = permutation.slice(testCount);
  return { train: takeRows(data, trainIndices), test: takeRows(data, testIndices), trainIndices, testIndices };
}
