import { SpecError, createRegistry, type MetricComponent } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { CLASSIFICATION_CASES } from "./fixtures/sklearn-classification.js";
import { REGRESSION_CASES } from "./fixtures/sklearn-regression.js";
import { metricsPlugin } from "./metrics-plugin.js";

const registry = createRegistry([metricsPlugin]);
const metric = (name: string): MetricComponent => registry.get("metric", name);
const regression = REGRESSION_CASES[1];
const classification = CLASSIFICATION_CASES.find((c) => c.name === "50 seeded labels in 10 classes")!;

describe("metricsPlugin", () => {
  it("is @nabla/metrics 0.1.0 in the nabla namespace", () => {
    expect(metricsPlugin.meta).toEqual({ name: "@nabla/metrics", version: "0.1.0" });
    expect(metricsPlugin.namespace).toBe("nabla");
  });

  it("registers the eight metrics with their task and direction", () => {
    expect(registry.keys("metric")).toEqual([
      "nabla/accuracy",
      "nabla/f1",
      "nabla/mae",
      "nabla/mse",
      "nabla/precision",
      "nabla/r2",
      "nabla/recall",
      "nabla/rmse",
    ]);
    const summary = Object.fromEntries(metricsPlugin.components.map((c) => [c.name, c.kind === "metric" && [c.task, c.higherIsBetter]]));
    expect(summary).toEqual({
      mse: ["regression", false],
      rmse: ["regression", false],
      mae: ["regression", false],
      r2: ["regression", true],
      accuracy: ["classification", true],
      precision: ["classification", true],
      recall: ["classification", true],
      f1: ["classification", true],
    });
  });

  it.each([
    ["mse", "mse"],
    ["rmse", "rmse"],
    ["mae", "mae"],
    ["r2", "r2"],
  ] as const)("computes %s as scikit-learn does", (name, key) => {
    expect(metric(name).compute(regression.yTrue, regression.yPred)).toBeCloseTo(regression[key], 12);
  });

  it("computes accuracy as scikit-learn does", () => {
    expect(metric("accuracy").compute(classification.yTrue, classification.yPred)).toBeCloseTo(classification.accuracy, 12);
  });

  it.each([
    ["precision", "precision"],
    ["recall", "recall"],
    ["f1", "f1"],
  ] as const)("computes %s with average weighted by default and honours options", (name, key) => {
    const { yTrue, yPred, byZeroDivision } = classification;
    expect(metric(name).compute(yTrue, yPred)).toBeCloseTo(byZeroDivision[0].weighted[key], 12);
    expect(metric(name).compute(yTrue, yPred, { average: "macro", zeroDivision: 1 })).toBeCloseTo(byZeroDivision[1].macro[key], 12);
  });

  it("rejects unknown options and values with a SpecError naming the metric", () => {
    expect(() => metric("f1").compute([0], [0], { averge: "macro" })).toThrow(SpecError);
    expect(() => metric("f1").compute([0], [0], { averge: "macro" })).toThrow(/nabla\/f1\.averge: unknown option "averge"/);
    expect(() => metric("precision").compute([0], [0], { average: "binary" })).toThrow(/nabla\/precision\.average: "binary" is not allowed/);
    expect(() => metric("recall").compute([0], [0], { zeroDivision: 2 })).toThrow(/nabla\/recall\.zeroDivision: 2 is not allowed \(available: 0, 1\)/);
    expect(() => metric("mse").compute([0], [0], { average: "macro" })).toThrow(/nabla\/mse\.average: unknown option/);
  });
});
