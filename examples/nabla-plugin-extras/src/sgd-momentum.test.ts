import { Parameter, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { SGDMomentum } from "./sgd-momentum.js";

describe("SGDMomentum", () => {
  it("matches NumPy's v ← 0.9 v + g, w ← w − 0.1 v over two steps", () => {
    const p = new Parameter("w", Tensor.from([1, -2], [1, 2], { dtype: "float64" }));
    const optimizer = new SGDMomentum([p], { lr: 0.1, momentum: 0.9 });
    p.grad.data.set([0.5, -1]);
    optimizer.step();
    expect(p.value.data[0]).toBeCloseTo(0.95, 15);
    expect(p.value.data[1]).toBeCloseTo(-1.9, 15);
    p.grad.data.set([1, 0]);
    optimizer.step();
    // The second coordinate keeps moving on momentum alone although its gradient is 0.
    expect(p.value.data[0]).toBeCloseTo(0.8049999999999999, 15);
    expect(p.value.data[1]).toBeCloseTo(-1.8099999999999998, 15);
  });

  it("defaults to lr 1e-3 and momentum 0.9, and rejects momentum ≥ 1", () => {
    expect(new SGDMomentum([])).toMatchObject({ lr: 1e-3, momentum: 0.9 });
    expect(() => new SGDMomentum([], { momentum: 1 })).toThrow("SGDMomentum.momentum: 1 is out of range: must be ≥ 0 and < 1");
  });

  it("continues bit for bit from an exported state", () => {
    const original = new Parameter("w", Tensor.from([1, -2], [1, 2], { dtype: "float64" }));
    const optimizer = new SGDMomentum([original], { lr: 0.1, momentum: 0.9 });
    original.grad.data.set([0.5, -1]);
    optimizer.step();
    const copy = new Parameter("w", Tensor.from(original.value.toArray(), [1, 2], { dtype: "float64" }));
    const resumed = new SGDMomentum([copy], { lr: 0.1, momentum: 0.9 });
    resumed.importState(optimizer.exportState());
    for (const p of [original, copy]) p.grad.data.set([1, 0.25]);
    optimizer.step();
    resumed.step();
    expect(copy.value.toArray()).toEqual(original.value.toArray());
  });
});
