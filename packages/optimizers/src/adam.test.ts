import { OptimizerStateError, Parameter, Tensor } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { Adam } from "./adam.js";

function parameter(values: number[]): Parameter {
  return new Parameter("w", Tensor.from(values, [1, values.length], { dtype: "float64" }));
}

describe("Adam", () => {
  it("moves each weight by lr·g/(|g| + eps) on its first step: bias correction undoes the zero start (19)–(22)", () => {
    const p = parameter([1, -2, 0.5]);
    const g = [0.5, -3, 1e-3];
    p.grad.data.set(g);
    const adam = new Adam([p], { lr: 0.1 });
    adam.step();
    expect(adam.stepCount).toBe(1);
    [1, -2, 0.5].forEach((w, k) => expect(p.value.data[k]).toBeCloseTo(w - (0.1 * g[k]) / (Math.abs(g[k]) + 1e-8), 15));
  });

  it("matches NumPy after a second step with another gradient", () => {
    const p = parameter([1, -2, 0.5]);
    const adam = new Adam([p], { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    p.grad.data.set([0.5, -3, 1e-3]);
    adam.step();
    p.grad.data.set([-1, 2, 0]);
    adam.step();
    // NumPy: m2 = 0.9 m1 + 0.1 g2, v2 = 0.999 v1 + 0.001 g2², w2 = w1 − 0.1 (m2/0.19) / (sqrt(v2/0.001999) + 1e-8)
    const expected = [0.9366103542405654, -1.8855479474183772, 0.33299612240551796];
    expected.forEach((w, k) => expect(p.value.data[k]).toBeCloseTo(w, 14));
  });

  it("keeps separate moments for each parameter", () => {
    const a = parameter([0]);
    const b = parameter([0]);
    const adam = new Adam([a, b], { lr: 1 });
    a.grad.data.set([1]);
    b.grad.data.set([0]);
    adam.step();
    a.grad.data.set([0]);
    b.grad.data.set([1]);
    adam.step();
    // b's first non-zero gradient arrives at t = 2: m̂ = 0.1/0.19, v̂ = 0.001/0.001999.
    expect(b.value.data[0]).toBeCloseTo(-(0.1 / 0.19) / (Math.sqrt(0.001 / 0.001999) + 1e-8), 12);
  });

  it("defaults to lr 1e-3, β1 0.9, β2 0.999, eps 1e-8", () => {
    expect(new Adam([])).toMatchObject({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, stepCount: 0 });
  });

  it("rejects out-of-range hyperparameters", () => {
    expect(() => new Adam([], { lr: 0 })).toThrow("Adam.lr: 0 is out of range: must be > 0");
    expect(() => new Adam([], { beta1: 1 })).toThrow("Adam.beta1: 1 is out of range: must be ≥ 0 and < 1");
    expect(() => new Adam([], { beta2: -0.1 })).toThrow("Adam.beta2: -0.1 is out of range: must be ≥ 0 and < 1");
    expect(() => new Adam([], { eps: 0 })).toThrow("Adam.eps: 0 is out of range: must be > 0");
  });

  it("continues bit for bit from an exported state: moments and step count travel, nothing else matters", () => {
    const original = parameter([1, -2, 0.5]);
    const adam = new Adam([original], { lr: 0.1 });
    original.grad.data.set([0.5, -3, 1e-3]);
    adam.step();
    const copy = parameter(original.value.toArray());
    const resumed = new Adam([copy], { lr: 0.1 });
    resumed.importState(adam.exportState());
    expect(resumed.stepCount).toBe(1);
    for (const p of [original, copy]) p.grad.data.set([-1, 2, 0.25]);
    adam.step();
    resumed.step();
    expect(copy.value.toArray()).toEqual(original.value.toArray());
  });

  it("refuses a state with a missing moment or a moment of the wrong shape", () => {
    const adam = new Adam([parameter([1, 2])]);
    const { tensors, scalars } = adam.exportState();
    const missing = new Map(tensors);
    missing.delete("v.0");
    expect(() => adam.importState({ tensors: missing, scalars })).toThrow(OptimizerStateError);
    const misshapen = new Map(tensors).set("m.0", Tensor.zeros([2, 1], { dtype: "float64" }));
    expect(() => adam.importState({ tensors: misshapen, scalars })).toThrow(/tensor "m\.0" has shape \[2, 1\], expected \[1, 2\]/);
  });
});
