import { Tensor, Xoshiro128Generator, ops } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { moduleGradientErrors, randomTensor } from "@nabla/core/testing";
import { ScriptedGenerator } from "../test/scripted-generator.js";
import { Dropout } from "./dropout.js";

describe("Dropout", () => {
  it("is the identity in eval mode and draws nothing", () => {
    const generator = new ScriptedGenerator();
    const dropout = new Dropout(0.5, { generator }).eval();
    const x = Tensor.from([1, 2, 3, 4], [2, 2]);
    expect(dropout.forward(x)).toBe(x);
    const g = Tensor.from([5, 6, 7, 8], [2, 2]);
    expect(dropout.backward(g)).toBe(g);
    expect(generator.bernoulliCalls).toEqual([]);
  });

  it("is the identity with p = 0 even in training, without drawing", () => {
    const generator = new ScriptedGenerator();
    const dropout = new Dropout(0, { generator });
    const x = Tensor.from([1, 2, 3, 4], [2, 2]);
    expect(dropout.forward(x)).toBe(x);
    expect(generator.bernoulliCalls).toEqual([]);
  });

  it("with a generator whose masks come from its stream, draws exactly one mask per training pass, with fillBernoulli over the whole input at p_keep = 1 − p", () => {
    const generator = new ScriptedGenerator();
    const dropout = new Dropout(0.25, { generator });
    dropout.forward(Tensor.zeros([3, 5]));
    dropout.forward(Tensor.zeros([2, 5]));
    expect(generator.bernoulliCalls).toEqual([
      { length: 15, p: 0.75 },
      { length: 10, p: 0.75 },
    ]);
  });

  it("scales kept elements by 1/(1 − p) and zeroes dropped ones, forward and backward", () => {
    const dropout = new Dropout(0.5, { generator: new ScriptedGenerator([1, 0, 0, 1]) });
    const x = Tensor.from([1, 2, 3, 4, 5, 6], [2, 3], { dtype: "float64" });
    // mask [1, 0, 0, 1, 1, 0] × 2
    expect(dropout.forward(x).toArray()).toEqual([2, 0, 0, 8, 10, 0]);
    expect(dropout.backward(Tensor.from([1, 1, 1, 1, 1, 1], [2, 3], { dtype: "float64" }))!.toArray()).toEqual([2, 0, 0, 2, 2, 0]);
  });

  it("otherwise has the backend draw each mask from a Philox key of the generator's next two words", () => {
    const generator = new Xoshiro128Generator(5);
    const twin = new Xoshiro128Generator(5);
    const dropout = new Dropout(0.3, { generator });
    const x = randomTensor([6, 7], 1);
    for (let pass = 0; pass < 3; pass++) {
      const mask = Tensor.zeros(x.shape, { dtype: x.dtype });
      const expected = ops.dropout(x, 0.3, [twin.nextUint32(), twin.nextUint32()], mask, Tensor.zeros(x.shape, { dtype: x.dtype }));
      expect(dropout.forward(x).toArray()).toEqual(expected.toArray());
      expect(dropout.backward(Tensor.from(new Array(42).fill(1), x.shape, { dtype: x.dtype }))!.toArray()).toEqual(mask.toArray());
    }
    expect(generator.exportState()).toEqual(twin.exportState());
  });

  it("draws the same masks from the same seed, and continues them from a saved generator state", () => {
    const x = randomTensor([20, 16], 3);
    const passes = (dropout: Dropout, count: number) => Array.from({ length: count }, () => dropout.forward(x).toArray());
    const whole = passes(new Dropout(0.5, { generator: new Xoshiro128Generator(11) }), 4);
    expect(passes(new Dropout(0.5, { generator: new Xoshiro128Generator(11) }), 4)).toEqual(whole);

    const first = new Xoshiro128Generator(11);
    const before = passes(new Dropout(0.5, { generator: first }), 2);
    const resumed = new Xoshiro128Generator(999);
    resumed.importState(first.exportState());
    expect([...before, ...passes(new Dropout(0.5, { generator: resumed }), 2)]).toEqual(whole);
  });

  it.each([0.1, 0.5, 0.8])("keeps about 1 − p of the elements, each scaled to 1/(1 − p) (p = %s)", (p) => {
    const dropout = new Dropout(p, { generator: new Xoshiro128Generator(9) });
    const values = dropout.forward(Tensor.from(new Array(40000).fill(1), [200, 200], { dtype: "float64" })).toArray();
    const kept = values.filter((v) => v !== 0);
    expect(kept.every((v) => v === 1 / (1 - p))).toBe(true);
    // Standard error of the kept fraction is at most 0.0025 here.
    expect(Math.abs(kept.length / values.length - (1 - p))).toBeLessThan(0.01);
  });

  it("keeps float32 mask values in {0, 1/(1 − p)} after rounding", () => {
    const dropout = new Dropout(0.3, { generator: new Xoshiro128Generator(2) });
    const values = dropout.forward(Tensor.from(new Array(1000).fill(1), [10, 100])).toArray();
    expect(new Set(values)).toEqual(new Set([0, Math.fround(1 / 0.7)]));
  });

  it("passes a float64 gradient check with a fixed mask", () => {
    const dropout = new Dropout(0.4, { generator: new ScriptedGenerator([1, 1, 0]) });
    expect(moduleGradientErrors(dropout, randomTensor([4, 3], 5)).input).toBeLessThan(1e-6);
  });

  it("returns no input gradient when not asked for one", () => {
    const dropout = new Dropout(0.5, { generator: new ScriptedGenerator() });
    dropout.forward(Tensor.zeros([1, 2]));
    expect(dropout.backward(Tensor.zeros([1, 2]), { inputGrad: false })).toBeNull();
  });

  it("rejects p outside [0, 1)", () => {
    for (const p of [-0.1, 1, Number.NaN]) expect(() => new Dropout(p, { generator: new ScriptedGenerator() })).toThrow(/^Dropout\.p: /);
  });
});
