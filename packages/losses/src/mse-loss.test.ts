import { ShapeMismatchError, Tensor, Xoshiro128Generator } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { numericGradient, relativeError } from "@nabla/core/testing";
import { InvalidTargetsError } from "./invalid-targets-error.js";
import { MSELoss } from "./mse-loss.js";

describe("MSELoss", () => {
  it("is the mean of squared differences over all elements (13), with gradient 2(a − y)/N (14)", () => {
    const loss = new MSELoss();
    const predictions = Tensor.from([1, 2, 3, 4], [4, 1], { dtype: "float64" });
    // (1 + 0 + 4 + 1) / 4 = 1.5; 2 · [1, 0, 2, −1] / 4
    expect(loss.forward(predictions, Tensor.from([0, 2, 1, 5], [4, 1], { dtype: "float64" }))).toBe(1.5);
    expect(loss.backward().toArray()).toEqual([0.5, 0, 1, -0.5]);
    expect(loss.backward().shape).toEqual([4, 1]);
  });

  it("averages over every element of a multi-column output", () => {
    const loss = new MSELoss();
    const predictions = Tensor.from([1, 1, 1, 1, 1, 1], [2, 3]);
    // squared errors 1, 0, 4, 9, 1, 0 → 15 / 6
    expect(loss.forward(predictions, Tensor.from([0, 1, 3, 4, 0, 1], [2, 3]))).toBeCloseTo(2.5, 6);
  });

  it("accepts targets of the predictions' size in another shape ([N] for [N, 1])", () => {
    const loss = new MSELoss();
    expect(loss.forward(Tensor.from([1, 2], [2, 1]), Tensor.from([1, 4], [2]))).toBe(2);
  });

  it("passes a float64 gradient check", () => {
    const generator = new Xoshiro128Generator(3);
    const predictions = Tensor.zeros([5, 2], { dtype: "float64" });
    const targets = Tensor.zeros([5, 2], { dtype: "float64" });
    generator.fillStandardNormal(predictions.data);
    generator.fillStandardNormal(targets.data);
    const loss = new MSELoss();
    loss.forward(predictions, targets);
    const analytic = Float64Array.from(loss.backward().data);
    const numeric = numericGradient(() => new MSELoss().forward(predictions, targets), predictions);
    expect(relativeError(analytic, numeric)).toBeLessThan(1e-6);
  });

  it("reuses its gradient buffer across calls of the same shape", () => {
    const loss = new MSELoss();
    const predictions = Tensor.from([1, 2], [2, 1]);
    loss.forward(predictions, Tensor.from([0, 0], [2, 1]));
    const first = loss.backward();
    loss.forward(predictions, Tensor.from([1, 1], [2, 1]));
    expect(loss.backward()).toBe(first);
    expect(first.toArray()).toEqual([0, 1]);
  });

  it("rejects integer labels with an error that names what it needs", () => {
    const loss = new MSELoss();
    expect(() => loss.forward(Tensor.from([1, 2], [2, 1]), new Int32Array([0, 1]))).toThrow(InvalidTargetsError);
    expect(() => loss.forward(Tensor.from([1, 2], [2, 1]), new Int32Array([0, 1]))).toThrow(
      "MSELoss: targets must be a Tensor with one value per prediction, got an Int32Array of 2 labels",
    );
  });

  it("rejects targets of another size", () => {
    const loss = new MSELoss();
    expect(() => loss.forward(Tensor.from([1, 2], [2, 1]), Tensor.from([1, 2, 3], [3, 1]))).toThrow(ShapeMismatchError);
    expect(() => loss.forward(Tensor.from([1, 2], [2, 1]), Tensor.from([1, 2, 3], [3, 1]))).toThrow(
      "targets need one value per prediction (2), got 3",
    );
  });

  it("refuses backward before any forward", () => {
    expect(() => new MSELoss().backward()).toThrow("backward called before forward");
  });
});
