import { describe, expect, it } from "vitest";
import { fillUniform, syntheticLabels } from "./synthetic-data.js";

describe("fillUniform", () => {
  it("gives mean 0 and the asked variance, within the bounds ±sqrt(3·variance)", () => {
    const data = new Float64Array(200_000);
    fillUniform(data, 7, 2);
    const mean = data.reduce((s, x) => s + x, 0) / data.length;
    const variance = data.reduce((s, x) => s + (x - mean) ** 2, 0) / data.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeCloseTo(2, 1);
    expect(data.reduce((m, x) => Math.max(m, Math.abs(x)), 0)).toBeLessThanOrEqual(Math.sqrt(6));
  });

  it("repeats its stream for a seed", () => {
    const [a, b] = [new Float32Array(5), new Float32Array(5)];
    fillUniform(a, 3);
    fillUniform(b, 3);
    expect(a).toEqual(b);
  });
});

describe("syntheticLabels", () => {
  it("uses every class equally often", () => {
    const counts = new Array(10).fill(0);
    for (const label of syntheticLabels(1000, 10, 5)) counts[label]++;
    expect(counts).toEqual(new Array(10).fill(100));
  });
});
