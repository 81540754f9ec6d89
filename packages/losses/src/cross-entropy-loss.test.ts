import { DTYPES, ShapeMismatchError, Tensor, Xoshiro128Generator, ops } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { numericGradient, relativeError } from "@nabla/core/testing";
import { CrossEntropyLoss } from "./cross-entropy-loss.js";
import { InvalidTargetsError } from "./invalid-targets-error.js";

describe("CrossEntropyLoss", () => {
  it("matches NumPy's mean −log softmax(a)[y] (15)–(16) and (p − onehot)/N (17)", () => {
    // NumPy, a = [[2, 1, 0.1], [0.5, −1, 3]], y = [0, 2], log-sum-exp with the row max subtracted.
    const loss = new CrossEntropyLoss();
    const logits = Tensor.from([2, 1, 0.1, 0.5, -1, 3], [2, 3], { dtype: "float64" });
    expect(loss.forward(logits, new Int32Array([0, 2]))).toBeCloseTo(0.256352172846108, 14);
    const expected = [
      -0.17049943055701616, 0.12121648535235693, 0.049282945204659076, 0.03729777856610722, 0.008322259304636172,
      -0.04562003787074337,
    ];
    loss.backward().toArray().forEach((g, k) => expect(g).toBeCloseTo(expected[k], 15));
  });

  it("is log C for uniform logits, whatever the labels", () => {
    const loss = new CrossEntropyLoss();
    const logits = Tensor.from(new Array(30).fill(0.7), [3, 10], { dtype: "float64" });
    expect(loss.forward(logits, new Int32Array([0, 4, 9]))).toBeCloseTo(2.302585092994046, 14);
  });

  it.each(DTYPES)("stays finite for logits of ±1000 in %s", (dtype) => {
    const loss = new CrossEntropyLoss();
    const logits = Tensor.from([1000, -1000, 0, -1000, 1000, 1000], [2, 3], { dtype });
    // Row 1: log-sum-exp = 1000, label 1 → 2000. Row 2: log-sum-exp = 1000 + log 2, label 2 → log 2.
    const value = loss.forward(logits, new Int32Array([1, 2]));
    expect(value).toBeCloseTo((2000 + Math.LN2) / 2, 3);
    expect(ops.allFinite(loss.backward())).toBe(true);
    const expected = [0.5, -0.5, 0, 0, 0.25, -0.25];
    loss.backward().toArray().forEach((g, k) => expect(g).toBeCloseTo(expected[k], 6));
  });

  it("passes a float64 gradient check", () => {
    const logits = Tensor.zeros([6, 4], { dtype: "float64" });
    new Xoshiro128Generator(5).fillStandardNormal(logits.data);
    const labels = new Int32Array([0, 3, 1, 1, 2, 0]);
    const loss = new CrossEntropyLoss();
    loss.forward(logits, labels);
    const analytic = Float64Array.from(loss.backward().data);
    const numeric = numericGradient(() => new CrossEntropyLoss().forward(logits, labels), logits);
    expect(relativeError(analytic, numeric)).toBeLessThan(1e-6);
  });

  it("rejects a Tensor of targets with an error that asks for labels", () => {
    const loss = new CrossEntropyLoss();
    const logits = Tensor.from([0, 1, 1, 0], [2, 2]);
    expect(() => loss.forward(logits, Tensor.from([0, 1], [2, 1]))).toThrow(InvalidTargetsError);
    expect(() => loss.forward(logits, Tensor.from([0, 1], [2, 1]))).toThrow(
      "CrossEntropyLoss: targets must be an Int32Array of class labels, one per row, got a float32 Tensor of shape [2, 1]",
    );
  });

  it("rejects a label count that differs from the row count", () => {
    const loss = new CrossEntropyLoss();
    const logits = Tensor.from([0, 1, 1, 0], [2, 2]);
    expect(() => loss.forward(logits, new Int32Array([0, 1, 1]))).toThrow(ShapeMismatchError);
    expect(() => loss.forward(logits, new Int32Array([0, 1, 1]))).toThrow("got 3 labels");
  });

  it("rejects labels outside 0..C−1", () => {
    expect(() => new CrossEntropyLoss().forward(Tensor.from([0, 1, 1, 0], [2, 2]), new Int32Array([0, 2]))).toThrow(RangeError);
  });
});
