import { Parameter, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { SGD } from "./sgd.js";

function parameter(values: number[], grad: number[]): Parameter {
  const p = new Parameter("w", Tensor.from(values, [1, values.length], { dtype: "float64" }));
  p.grad.data.set(grad);
  return p;
}

describe("SGD", () => {
  it("steps w ← w − lr·g (18)", () => {
    const p = parameter([1, -2, 0.5], [0.5, -3, 1e-3]);
    new SGD([p], { lr: 0.1 }).step();
    // 1 − 0.05, −2 + 0.3, 0.5 − 0.0001
    [0.95, -1.7, 0.4999].forEach((w, k) => expect(p.value.data[k]).toBeCloseTo(w, 15));
  });

  it("repeats the same step with the same gradient: no momentum", () => {
    const p = parameter([0], [1]);
    const sgd = new SGD([p], { lr: 0.25 });
    sgd.step();
    sgd.step();
    sgd.step();
    expect(p.value.data[0]).toBe(-0.75);
  });

  it("updates every parameter it was given and defaults lr to 1e-3", () => {
    const a = parameter([1], [1]);
    const b = parameter([2, 3], [-1, 2]);
    const sgd = new SGD([a, b]);
    expect(sgd.lr).toBe(1e-3);
    sgd.step();
    expect(a.value.toArray()).toEqual([1 - 1e-3]);
    expect(b.value.toArray()).toEqual([2 + 1e-3, 3 - 2e-3]);
  });

  it("rejects a learning rate that is not positive", () => {
    for (const lr of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new SGD([], { lr })).toThrow(/^SGD\.lr: /);
  });
});
