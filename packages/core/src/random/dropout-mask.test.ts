import { describe, expect, it } from "vitest";
import { applyDropoutMask, dropoutMask } from "./dropout-mask.js";
import { philox4x32 } from "./philox.js";

function maskOf(length: number, p: number, key: readonly [number, number], array: Float32Array | Float64Array = new Float64Array(length)): Float32Array | Float64Array {
  applyDropoutMask(new Float64Array(length).fill(1), array, new Float64Array(length), dropoutMask(p, key));
  return array;
}

describe("dropoutMask", () => {
  it("keeps a word exactly when it is below (1 − p)·2³²", () => {
    expect(dropoutMask(0.5, [0, 0]).keepMax).toBe(2 ** 31 - 1);
    expect(dropoutMask(0.75, [0, 0]).keepMax).toBe(2 ** 30 - 1);
    expect(dropoutMask(0.1, [0, 0]).keepMax).toBe(Math.ceil(0.9 * 2 ** 32) - 1);
    expect(dropoutMask(0.4, [1, 2]).scale).toBe(1 / 0.6);
  });

  it("rejects p outside (0, 1) and key words that are not unsigned 32-bit integers", () => {
    for (const p of [0, 1, -0.1, Number.NaN]) expect(() => dropoutMask(p, [0, 0])).toThrow(RangeError);
    for (const word of [-1, 2 ** 32, 0.5]) expect(() => dropoutMask(0.5, [word, 0])).toThrow(RangeError);
  });
});

describe("applyDropoutMask", () => {
  it.each([0.1, 0.5, 0.8])("keeps about 1 − p of the elements, each at 1/(1 − p) (p = %s)", (p) => {
    const mask = maskOf(200_000, p, [12345, 678]);
    const kept = mask.filter((v) => v !== 0);
    expect(kept.every((v) => v === 1 / (1 - p))).toBe(true);
    // The standard error of the kept fraction is at most 0.0012 here; 0.006 is five of them.
    expect(Math.abs(kept.length / mask.length - (1 - p))).toBeLessThan(0.006);
  });

  it("draws the same mask for the same key and another for another key", () => {
    expect(maskOf(1000, 0.5, [1, 2])).toEqual(maskOf(1000, 0.5, [1, 2]));
    expect(maskOf(1000, 0.5, [1, 3])).not.toEqual(maskOf(1000, 0.5, [1, 2]));
  });

  it("gives element k the same value whatever the mask's length: a mask is a prefix of every longer one", () => {
    expect(maskOf(13, 0.3, [9, 9])).toEqual(maskOf(40, 0.3, [9, 9]).subarray(0, 13));
  });

  it("takes element k from word k mod 4 of the Philox block ⌊k/4⌋", () => {
    const words = new Uint32Array(4);
    philox4x32(2, 0, 0, 0, 5, 6, words);
    const draw = dropoutMask(0.5, [5, 6]);
    const mask = maskOf(12, 0.5, [5, 6]);
    expect([...mask.subarray(8, 12)]).toEqual([...words].map((w) => (w <= draw.keepMax ? 2 : 0)));
  });

  it("stores float32 masks as 0 or the float32 rounding of 1/(1 − p), and x ⊙ mask rounded once", () => {
    const length = 1000;
    const mask = new Float32Array(length), out = new Float32Array(length);
    const x = Float32Array.from({ length }, (_, k) => Math.fround(0.1 * (k + 1)));
    applyDropoutMask(x, mask, out, dropoutMask(0.3, [4, 4]));
    expect(new Set(mask)).toEqual(new Set([0, Math.fround(1 / 0.7)]));
    expect(out.every((v, k) => v === Math.fround(x[k] * mask[k]))).toBe(true);
  });
});
