import { Tensor, buildModel } from "@nabla/core";
import "@nabla/layers";
import "@nabla/activations";
import { describe, expect, it } from "vitest";
import { fitTargetScaling, foldTargetScaling } from "./target-scaling.js";

const SPEC = {
  specVersion: 1,
  input: { shape: [2] },
  layers: [
    { type: "linear", options: { in: 2, out: 3 } },
    { type: "relu" },
    { type: "linear", options: { in: 3, out: 1 } },
  ],
};

describe("target scaling", () => {
  it("fits the targets' mean and population standard deviation", () => {
    expect(fitTargetScaling(Float64Array.from([1, 3]))).toEqual({ mean: 2, scale: 1 });
    expect(fitTargetScaling(Float64Array.from([5, 5]))).toEqual({ mean: 5, scale: 1 });
  });

  it("folded into the last layer, makes the model predict t · scale + mean", () => {
    const model = buildModel(SPEC, { dtype: "float64" });
    const x = Tensor.from([0.5, -1, 2, 0.25], [2, 2], { dtype: "float64" });
    const before = model.predict(x).toArray();
    foldTargetScaling(model, { mean: 100, scale: 10 }, "spec.json");
    const after = model.predict(x).toArray();
    after.forEach((y, i) => expect(y).toBeCloseTo(before[i] * 10 + 100, 10));
  });

  it("names the spec's last layer when it cannot be folded into", () => {
    const model = buildModel({ ...SPEC, layers: [...SPEC.layers, { type: "relu" }] });
    expect(() => foldTargetScaling(model, { mean: 0, scale: 2 }, "spec.json")).toThrow("(spec.json at $.layers[3])");
  });
});
