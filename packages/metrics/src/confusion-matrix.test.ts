import { describe, expect, it } from "vitest";
import { confusionMatrix } from "./confusion-matrix.js";
import { CLASSIFICATION_CASES, CONFUSION_MATRIX_LABEL_CASES } from "./fixtures/sklearn-classification.js";

describe("confusionMatrix", () => {
  it.each(CLASSIFICATION_CASES)("matches scikit-learn with the default labels: $name", ({ yTrue, yPred, labels, confusionMatrix: counts }) => {
    expect(confusionMatrix(yTrue, yPred)).toEqual({ labels, counts });
  });

  it.each(CONFUSION_MATRIX_LABEL_CASES)("matches scikit-learn with labels $labels", ({ yTrue, yPred, labels, counts }) => {
    expect(confusionMatrix(yTrue, yPred, { labels })).toEqual({ labels, counts });
  });

  it("puts true labels on rows and predicted labels on columns", () => {
    expect(confusionMatrix(new Int32Array([0, 0, 0]), new Int32Array([1, 1, 0])).counts).toEqual([
      [1, 2],
      [0, 0],
    ]);
  });

  it("accepts labels as a typed array", () => {
    expect(confusionMatrix([0, 1], [1, 1], { labels: new Int32Array([1, 0]) })).toEqual({
      labels: [1, 0],
      counts: [
        [1, 0],
        [1, 0],
      ],
    });
  });

  it("rejects labels that are empty, repeated, non-integer or absent from yTrue", () => {
    expect(() => confusionMatrix([0], [0], { labels: [] })).toThrow("confusionMatrix: options.labels is empty");
    expect(() => confusionMatrix([0], [0], { labels: [0, 1, 0] })).toThrow("confusionMatrix: options.labels lists 0 twice (at 0 and 2)");
    expect(() => confusionMatrix([0], [0], { labels: [0, 1.5] })).toThrow("confusionMatrix: options.labels[1] is 1.5");
    expect(() => confusionMatrix([0, 1], [2, 2], { labels: [2, 3] })).toThrow("confusionMatrix: none of options.labels [2, 3] occurs in yTrue");
  });
});
