import { describe, expect, it } from "vitest";
import type { ActivationFunction } from "./activation-function.js";
import { OperandMismatchError, ShapeMismatchError } from "./errors.js";
import { dropout, linearForward, linearInputGradient, linearWeightGradients } from "./ops.js";
import { Tensor } from "./tensor.js";

const square: ActivationFunction = { name: "square", forward: (z) => z * z, derivative: (z) => 2 * z };

function f64(values: number[], shape: number[]): Tensor {
  return Tensor.from(values, shape, { dtype: "float64" });
}

// x = [[1, 2], [3, 4]], W = [[1, 0, -1], [2, 1, 0]], b = [0.5, -0.5, 1]
const x = () => f64([1, 2, 3, 4], [2, 2]);
const weight = () => f64([1, 0, -1, 2, 1, 0], [2, 3]);
const bias = () => f64([0.5, -0.5, 1], [1, 3]);

describe("the fused Linear operations, composed where a backend has no fused kernel", () => {
  it("linearForward: z = x·W + b, and the activation after it when given", () => {
    const out = Tensor.zeros([2, 3], { dtype: "float64" });
    const z = linearForward(x(), weight(), bias(), undefined, { fn: square, out });
    expect(z.toArray()).toEqual([5.5, 1.5, 0, 11.5, 3.5, -2]);
    expect(out.toArray()).toEqual([30.25, 2.25, 0, 132.25, 12.25, 4]);
  });

  it("linearInputGradient: g·Wᵀ, times the derivative of the activation below when given", () => {
    const g = f64([1, 0, 1, 0, 1, 1], [2, 3]);
    // g·Wᵀ = [[0, 2], [-1, 1]]
    expect(linearInputGradient(g, weight()).toArray()).toEqual([0, 2, -1, 1]);
    const z = f64([1, 2, 3, 4], [2, 2]);
    const a = f64([1, 4, 9, 16], [2, 2]);
    expect(linearInputGradient(g, weight(), undefined, { fn: square, z, a }).toArray()).toEqual([0, 8, -6, 8]);
  });

  it("linearWeightGradients: xᵀ·g and the column sums of g", () => {
    const g = f64([1, 0, 1, 0, 1, 1], [2, 3]);
    const gradWeight = Tensor.zeros([2, 3], { dtype: "float64" });
    const gradBias = Tensor.zeros([1, 3], { dtype: "float64" });
    linearWeightGradients(x(), g, gradWeight, gradBias);
    expect(gradWeight.toArray()).toEqual([1, 3, 4, 2, 4, 6]);
    expect(gradBias.toArray()).toEqual([1, 1, 2]);
  });

  it("names the mismatch when shapes do not fit a Linear layer", () => {
    expect(() => linearForward(f64([1, 2, 3], [1, 3]), weight(), bias())).toThrow(ShapeMismatchError);
    expect(() => linearForward(x(), weight(), f64([1, 2], [1, 2]))).toThrow(/bias needs 3 elements/);
    const wrongOut = Tensor.zeros([2, 2], { dtype: "float64" });
    expect(() => linearForward(x(), weight(), bias(), undefined, { fn: square, out: wrongOut })).toThrow(ShapeMismatchError);
    expect(() => linearInputGradient(f64([1, 2], [1, 2]), weight())).toThrow(/gradient has 2 columns, weight has 3 outputs/);
    const g = f64([1, 0, 1, 0, 1, 1], [2, 3]);
    expect(() => linearWeightGradients(f64([1, 2], [1, 2]), g, Tensor.zeros([2, 3], { dtype: "float64" }), Tensor.zeros([1, 3], { dtype: "float64" }))).toThrow(
      /same rows/,
    );
  });

  it("refuses to write an input gradient over the gradient it reads", () => {
    const square3 = f64([1, 0, 0, 0, 1, 0, 0, 0, 1], [3, 3]);
    const g = f64([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3]);
    expect(() => linearInputGradient(g, square3, g)).toThrow(OperandMismatchError);
  });
});

describe("dropout", () => {
  it("writes the mask and x ⊙ mask, and refuses a mask that is also the input or the output", () => {
    const input = f64([1, 2, 3, 4, 5, 6, 7, 8], [2, 4]);
    const mask = Tensor.zeros([2, 4], { dtype: "float64" });
    const out = dropout(input, 0.5, [1, 2], mask, Tensor.zeros([2, 4], { dtype: "float64" }));
    expect(out.toArray()).toEqual(input.toArray().map((v, k) => v * mask.data[k]));
    expect(new Set(mask.toArray()).size).toBeGreaterThan(1);
    expect(() => dropout(input, 0.5, [1, 2], input, out)).toThrow(OperandMismatchError);
    expect(() => dropout(input, 0.5, [1, 2], out, out)).toThrow(OperandMismatchError);
    expect(() => dropout(input, 0.5, [1, 2], Tensor.zeros([4, 2], { dtype: "float64" }), out)).toThrow(ShapeMismatchError);
  });
});
