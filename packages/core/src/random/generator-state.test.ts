import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "./numpy-random-state.js";
import { GeneratorStateError, type RandomGenerator } from "./random-generator.js";
import { Xoshiro128Generator } from "./xoshiro128.js";

/** Draws a mix that leaves a cached normal behind (an odd number of normals). */
function drawSome(generator: RandomGenerator): number[] {
  const normals = new Float64Array(3);
  generator.fillStandardNormal(normals);
  return [...normals, generator.nextDouble(), ...generator.permutation(5)];
}

describe.each([
  ["nabla/xoshiro128", () => new Xoshiro128Generator(7)],
  ["nabla/numpy", () => new NumpyRandomState(7)],
])("%s exportState/importState", (_, create) => {
  it("continues the stream bit for bit after a JSON round trip, cached normal included", () => {
    const original = create();
    drawSome(original);
    const state = JSON.parse(JSON.stringify(original.exportState!()));
    const restored = create();
    restored.importState!(state);
    expect(drawSome(restored)).toEqual(drawSome(original));
  });

  it("rejects a state written by another algorithm or with malformed fields", () => {
    const generator = create();
    expect(() => generator.importState!({ algorithm: "other/generator" })).toThrow(GeneratorStateError);
    expect(() => generator.importState!({ ...generator.exportState!(), key: [1], words: [1] })).toThrow(GeneratorStateError);
  });
});
