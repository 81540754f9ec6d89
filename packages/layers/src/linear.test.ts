import { Tensor, Xoshiro128Generator, ops } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { moduleGradientErrors, randomTensor } from "@nabla/core/testing";
import { ScriptedGenerator } from "../test/scripted-generator.js";
import { Linear } from "./linear.js";

describe("Linear", () => {
  it("computes x·W + b with W of shape [in, out] and b added to every row", () => {
    const linear = new Linear(2, 3, { generator: new ScriptedGenerator(), dtype: "float64" });
    linear.weight.value.data.set([1, 0, -1, 2, 1, 0]);
    linear.bias.value.data.set([0.5, -0.5, 1]);
    const x = Tensor.from([1, 2, 3, 4], [2, 2], { dtype: "float64" });
    // [1, 2]·W = [5, 2, −1], [3, 4]·W = [11, 4, −3]; plus b
    expect(linear.forward(x).toArray()).toEqual([5.5, 1.5, 0, 11.5, 3.5, -2]);
    expect(linear.forward(x).shape).toEqual([2, 3]);
  });

  it("passes float64 gradient checks for weight (2), bias (3) and input (4)", () => {
    const linear = new Linear(4, 3, { generator: new Xoshiro128Generator(1), dtype: "float64" });
    ops.copy(randomTensor([1, 3], 2), linear.bias.value);
    const errors = moduleGradientErrors(linear, randomTensor([5, 4], 3));
    expect(Object.keys(errors)).toEqual(["input", "weight", "bias"]);
    for (const error of Object.values(errors)) expect(error).toBeLessThan(1e-6);
  });

  it("fills weight and bias gradients but returns no input gradient when not asked for one", () => {
    const linear = new Linear(2, 2, { generator: new ScriptedGenerator(), dtype: "float64" });
    const x = Tensor.from([1, 2, 3, 4], [2, 2], { dtype: "float64" });
    linear.forward(x);
    expect(linear.backward(Tensor.from([1, 0, 0, 1], [2, 2], { dtype: "float64" }), { inputGrad: false })).toBeNull();
    // xᵀ·g with g = I is xᵀ; Σ_rows I = [1, 1]
    expect(linear.weight.grad.toArray()).toEqual([1, 3, 2, 4]);
    expect(linear.bias.grad.toArray()).toEqual([1, 1]);
  });

  it("reuses its output and input-gradient buffers across passes of the same batch size", () => {
    const linear = new Linear(3, 2, { generator: new Xoshiro128Generator(1) });
    const x = Tensor.zeros([4, 3]);
    const out = linear.forward(x);
    const grad = linear.backward(Tensor.zeros([4, 2]));
    expect(linear.forward(Tensor.zeros([4, 3]))).toBe(out);
    expect(linear.backward(Tensor.zeros([4, 2]))).toBe(grad);
    expect(linear.forward(Tensor.zeros([5, 3])).shape).toEqual([5, 2]);
  });

  it("draws W with one fillStandardNormal call in row-major order, scaled by sqrt(2/in)", () => {
    const generator = new ScriptedGenerator();
    const linear = new Linear(3, 4, { generator, dtype: "float64" });
    expect(generator.normalCalls).toBe(1);
    const scale = Math.sqrt(2 / 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) expect(linear.weight.value.get(i, j)).toBe((i * 4 + j) * scale);
    }
    expect(linear.bias.value.shape).toEqual([1, 4]);
    expect(linear.bias.value.toArray()).toEqual([0, 0, 0, 0]);
  });

  it("scales in float64 before rounding to float32, as NumPy's randn(in, out) * sqrt(2/in) then astype would", () => {
    const linear = new Linear(3, 40, { generator: new Xoshiro128Generator(4) });
    const draws = new Float64Array(120);
    new Xoshiro128Generator(4).fillStandardNormal(draws);
    const scale = Math.sqrt(2 / 3);
    const scaledThenRounded = Array.from(draws, (d) => Math.fround(d * scale));
    const roundedThenScaled = Array.from(draws, (d) => Math.fround(Math.fround(d) * scale));
    expect(scaledThenRounded).not.toEqual(roundedThenScaled);
    expect(linear.weight.value.dtype).toBe("float32");
    expect(linear.weight.value.toArray()).toEqual(scaledThenRounded);
  });

  it("has He statistics over a large layer: mean ≈ 0 and variance ≈ 2/in", () => {
    const inFeatures = 400;
    const linear = new Linear(inFeatures, 500, { generator: new Xoshiro128Generator(11), dtype: "float64" });
    const w = linear.weight.value.toArray();
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const variance = w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length;
    // Standard error of the mean: sqrt(2/400 / 200000) ≈ 1.6e-4; of the variance ≈ 0.3 %.
    expect(Math.abs(mean)).toBeLessThan(6e-4);
    expect(Math.abs(variance / (2 / inFeatures) - 1)).toBeLessThan(0.02);
  });

  it("names its parameters weight and bias", () => {
    const linear = new Linear(2, 3, { generator: new ScriptedGenerator() });
    expect(linear.parameters().map((p) => [p.name, p.value.shape])).toEqual([
      ["weight", [2, 3]],
      ["bias", [1, 3]],
    ]);
    expect(linear.type).toBe("nabla/linear");
  });

  it("rejects sizes that are not positive integers", () => {
    expect(() => new Linear(0, 3, { generator: new ScriptedGenerator() })).toThrow("Linear.in: 0 is out of range: must be ≥ 1");
    expect(() => new Linear(2, 1.5, { generator: new ScriptedGenerator() })).toThrow("Linear.out: expected an integer, got 1.5");
  });

  it("refuses backward before any forward", () => {
    const linear = new Linear(2, 3, { generator: new ScriptedGenerator() });
    expect(() => linear.backward(Tensor.zeros([1, 3]))).toThrow("backward called before forward");
  });
});
