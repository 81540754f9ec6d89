import { describe, expect, it } from "vitest";
import { corePlugin } from "../core-plugin.js";
import { createRegistry } from "../registry/registry.js";
import { buildModel } from "../spec/build-model.js";
import { Tensor } from "../tensor.js";
import { testPlugin } from "../test-plugins.js";
import { checkTrainingData } from "./check-training-data.js";
import { fit } from "./fit.js";
import { TrainingDataError } from "./training-data-error.js";

const registry = createRegistry([corePlugin, testPlugin]);
const regression = buildModel(
  {
    specVersion: 1,
    input: { shape: [3] },
    layers: [{ type: "test/dense", options: { in: 3, out: 1 } }],
    loss: { type: "test/mse" },
    optimizer: { type: "test/sgd" },
  },
  { registry, dtype: "float64" },
);
const classifier = buildModel({ specVersion: 1, input: { shape: [3] }, layers: [{ type: "test/dense", options: { in: 3, out: 4 } }] }, { registry, dtype: "float64" });

const features = (rows: number, values?: number[]) => Tensor.from(values ?? Array.from({ length: rows * 3 }, (_, i) => i / 10), [rows, 3], { dtype: "float64" });
const targets = (shape: number[]) => Tensor.zeros(shape, { dtype: "float64" });

function dataError(check: () => void): TrainingDataError {
  try {
    check();
  } catch (error) {
    if (error instanceof TrainingDataError) return error;
    throw error;
  }
  throw new Error("expected a TrainingDataError");
}

describe("checkTrainingData", () => {
  it("accepts finite data of the model's shapes, 1-D targets for one output, and labels below the class count", () => {
    expect(() => checkTrainingData(regression, features(4), targets([4, 1]))).not.toThrow();
    expect(() => checkTrainingData(regression, features(4), targets([4]))).not.toThrow();
    expect(() => checkTrainingData(classifier, features(4), Int32Array.from([0, 1, 2, 3]))).not.toThrow();
  });

  it("makes fit name the row and column of a NaN in x before training, not a NonFiniteLossError at epoch 1", () => {
    const values = Array.from({ length: 15 }, (_, i) => i);
    values[2 * 3 + 1] = Number.NaN;
    let trainedEpochs = 0;
    const error = dataError(() => fit(regression, features(5, values), targets([5, 1]), { epochs: 3, onEpochEnd: () => void trainedEpochs++ }));
    expect(error.problem).toBe("non-finite");
    expect(error.argument).toBe("x");
    expect([error.row, error.column]).toEqual([2, 1]);
    expect(error.message).toBe("fit: x holds NaN at row 2, column 1: training data must be finite");
    expect(trainedEpochs).toBe(0);
  });

  it("names the row and column of an infinite regression target", () => {
    const y = targets([4, 1]);
    y.data[3] = Number.POSITIVE_INFINITY;
    const error = dataError(() => checkTrainingData(regression, features(4), y));
    expect([error.argument, error.row, error.column]).toEqual(["y", 3, 0]);
  });

  it("names the row of a label outside the classifier's output width", () => {
    const error = dataError(() => checkTrainingData(classifier, features(4), Int32Array.from([0, 3, 4, 1])));
    expect(error.problem).toBe("label-out-of-range");
    expect(error.row).toBe(2);
    expect(error.message).toMatch(/label 4 at row 2, outside 0\.\.3 \(the model outputs 4 classes\)/);
    expect(dataError(() => checkTrainingData(classifier, features(2), Int32Array.from([0, -1]))).row).toBe(1);
  });

  it("gives both shapes when x, y and the model disagree", () => {
    const wide = dataError(() => checkTrainingData(regression, Tensor.zeros([4, 5], { dtype: "float64" }), targets([4, 1])));
    expect(wide.shapes).toEqual({ given: [4, 5], expected: [4, 3] });
    expect(wide.message).toMatch(/x has shape \[4, 5\], but the model takes samples of shape \[3\], so x must be \[4, 3\]/);
    expect(dataError(() => checkTrainingData(regression, features(4), targets([3, 1]))).message).toMatch(/x has 4 rows but y has 3 targets/);
    expect(dataError(() => checkTrainingData(regression, features(4), targets([4, 2]))).shapes).toEqual({ given: [4, 2], expected: [4, 1] });
    expect(dataError(() => checkTrainingData(classifier, features(4), Int32Array.from([0, 1]))).argument).toBe("y");
  });
});
