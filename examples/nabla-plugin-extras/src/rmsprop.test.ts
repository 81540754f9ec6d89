import { Parameter, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { RMSprop } from "./rmsprop.js";

describe("RMSprop", () => {
  it("matches NumPy's s ← 0.9 s + 0.1 g², w ← w − 0.01 g/(sqrt(s) + 1e-8) over two steps", () => {
    const p = new Parameter("w", Tensor.from([1, -2], [1, 2], { dtype: "float64" }));
    const optimizer = new RMSprop([p], { lr: 0.01 });
    p.grad.data.set([0.5, -1]);
    optimizer.step();
    expect(p.value.data[0]).toBeCloseTo(0.968377225398316, 15);
    expect(p.value.data[1]).toBeCloseTo(-1.9683772243983162, 15);
    p.grad.data.set([1, 0]);
    optimizer.step();
    expect(p.value.data[0]).toBeCloseTo(0.939805797643214, 15);
    expect(p.value.data[1]).toBeCloseTo(-1.9683772243983162, 15);
  });

  it("defaults to lr 1e-3, rho 0.9 and eps 1e-8, and rejects eps ≤ 0", () => {
    expect(new RMSprop([])).toMatchObject({ lr: 1e-3, rho: 0.9, eps: 1e-8 });
    expect(() => new RMSprop([], { eps: 0 })).toThrow("RMSprop.eps: 0 is out of range: must be > 0");
  });

  it("continues bit for bit from an exported state", () => {
    const original = new Parameter("w", Tensor.from([1, -2], [1, 2], { dtype: "float64" }));
    const optimizer = new RMSprop([original], { lr: 0.01 });
    original.grad.data.set([0.5, -1]);
    optimizer.step();
    const copy = new Parameter("w", Tensor.from(original.value.toArray(), [1, 2], { dtype: "float64" }));
    const resumed = new RMSprop([copy], { lr: 0.01 });
    resumed.importState(optimizer.exportState());
    for (const p of [original, copy]) p.grad.data.set([1, 0.25]);
    optimizer.step();
    resumed.step();
    expect(copy.value.toArray()).toEqual(original.value.toArray());
  });
});
