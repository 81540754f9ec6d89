import { describe, expect, it } from "vitest";
import type { Average } from "./averaged-class-score.js";
import { f1Score } from "./f1-score.js";
import { CLASSIFICATION_CASES } from "./fixtures/sklearn-classification.js";
import { precision } from "./precision.js";
import { recall } from "./recall.js";

// precision, recall and f1Score are thin wrappers over averagedClassScore; each is checked here by its public name.
const METRICS = [
  { metric: "precision", score: precision, key: "precision" },
  { metric: "recall", score: recall, key: "recall" },
  { metric: "f1Score", score: f1Score, key: "f1" },
] as const;

const AVERAGE_CASES = CLASSIFICATION_CASES.flatMap((c) =>
  METRICS.flatMap((m) =>
    (["macro", "weighted", "micro"] as const).flatMap((average) => ([0, 1] as const).map((zeroDivision) => ({ ...c, ...m, average, zeroDivision }))),
  ),
);

describe.each(METRICS)("$metric", ({ metric, score, key }) => {
  it.each(AVERAGE_CASES.filter((c) => c.metric === metric))(
    "matches scikit-learn with average=$average, zeroDivision=$zeroDivision: $name",
    ({ yTrue, yPred, average, zeroDivision, byZeroDivision }) => {
      expect(score(yTrue, yPred, { average, zeroDivision })).toBeCloseTo(byZeroDivision[zeroDivision][average][key], 12);
    },
  );

  it("defaults to average weighted and zeroDivision 0", () => {
    const c = CLASSIFICATION_CASES.find((x) => x.name === "never-predicted and only-predicted classes together")!;
    expect(score(c.yTrue, c.yPred)).toBeCloseTo(c.byZeroDivision[0].weighted[key], 12);
  });

  it("accepts typed arrays", () => {
    const c = CLASSIFICATION_CASES.find((x) => x.name === "50 seeded labels in 10 classes")!;
    expect(score(Int32Array.from(c.yTrue), Float64Array.from(c.yPred), { average: "macro" })).toBeCloseTo(c.byZeroDivision[0].macro[key], 12);
  });

  it("rejects an unknown average or zeroDivision, naming the function", () => {
    expect(() => score([0], [0], { average: "binary" as Average })).toThrow(
      `${metric}: average must be one of "macro", "weighted", "micro", got "binary"`,
    );
    expect(() => score([0], [0], { zeroDivision: 2 as 1 })).toThrow(`${metric}: zeroDivision must be 0 or 1, got 2`);
  });

  it("rejects mismatched lengths, naming the function", () => {
    expect(() => score([0, 1], [0])).toThrow(`${metric}: yTrue has 2 values but yPred has 1`);
  });
});
