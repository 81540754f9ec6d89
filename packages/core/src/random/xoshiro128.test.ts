import { describe, expect, it } from "vitest";
import { Xoshiro128Generator } from "./xoshiro128.js";

describe("Xoshiro128Generator", () => {
  it("produces the xoshiro128** stream of a SplitMix32-seeded state (values from an independent Python implementation)", () => {
    const generator = new Xoshiro128Generator(42);
    const words = Array.from({ length: 6 }, () => generator.nextUint32());
    expect(words).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]);
  });

  it("repeats the same numbers for the same seed and differs for another seed", () => {
    const a = new Xoshiro128Generator(7);
    const b = new Xoshiro128Generator(7);
    const c = new Xoshiro128Generator(8);
    const drawsA = Array.from({ length: 5 }, () => a.standardNormal());
    expect(Array.from({ length: 5 }, () => b.standardNormal())).toEqual(drawsA);
    expect(Array.from({ length: 5 }, () => c.standardNormal())).not.toEqual(drawsA);
  });

  it("draws normals with mean 0 and variance 1", () => {
    const out = new Float64Array(100_000);
    new Xoshiro128Generator(1).fillStandardNormal(out);
    const mean = out.reduce((s, v) => s + v, 0) / out.length;
    const variance = out.reduce((s, v) => s + (v - mean) ** 2, 0) / out.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it("draws doubles in [0, 1) and Bernoulli masks with the asked probability", () => {
    const generator = new Xoshiro128Generator(3);
    const uniform = new Float64Array(50_000);
    generator.fillUniform(uniform);
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniform)).toBeLessThan(1);
    const mask = new Float32Array(50_000);
    generator.fillBernoulli(mask, 0.3);
    expect(new Set(mask)).toEqual(new Set([0, 1]));
    expect(Math.abs(mask.reduce((s, v) => s + v, 0) / mask.length - 0.3)).toBeLessThan(0.01);
  });

  it("permutes every index exactly once", () => {
    const permutation = new Xoshiro128Generator(5).permutation(1000);
    expect([...permutation].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...permutation]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
