import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "./numpy-random-state.js";
import {
  SEED_0_FIRST_SAMPLE,
  SEED_12345_NORMALS_EVERY_40000,
  SEED_12345_NORMALS_XOR,
  SEED_12345_STATE_AFTER_400000_NORMALS,
  SEED_42_BERNOULLI,
  SEED_42_MIXED_EVEN,
  SEED_42_MIXED_ODD,
  SEED_42_NORMALS,
  SEED_42_PERMUTATION_10,
  SEED_42_PERMUTATION_20640,
  SEED_42_POS_AFTER_PERMUTATION_10,
  SEED_42_SAMPLE_AFTER_MILLION_WORDS,
  SEED_42_SAMPLES,
  SEED_42_WORDS,
  SEED_MAX_FIRST_SAMPLE,
} from "./numpy-fixtures.js";

function bernoulli(generator: NumpyRandomState, p: number, size: number): number[] {
  const out = new Float64Array(size);
  generator.fillBernoulli(out, p);
  return Array.from(out);
}

function normals(generator: NumpyRandomState, size: number): number[] {
  const out = new Float64Array(size);
  generator.fillStandardNormal(out);
  return Array.from(out);
}

describe("NumpyRandomState", () => {
  it("is registered as nabla/numpy and passes MT19937 words through", () => {
    const generator = new NumpyRandomState(42);
    expect(generator.algorithm).toBe("nabla/numpy");
    expect(Array.from({ length: 10 }, () => generator.nextUint32())).toEqual(SEED_42_WORDS);
  });

  it("matches random_sample exactly, at both ends of the seed range and after 10^6 words", () => {
    const generator = new NumpyRandomState(42);
    const out = new Float64Array(10);
    generator.fillUniform(out);
    expect(Array.from(out)).toEqual(SEED_42_SAMPLES);
    expect(new NumpyRandomState(0).nextDouble()).toBe(SEED_0_FIRST_SAMPLE);
    expect(new NumpyRandomState(2 ** 32 - 1).nextDouble()).toBe(SEED_MAX_FIRST_SAMPLE);
    const far = new NumpyRandomState(42);
    for (let k = 0; k < 500_000; k++) far.nextDouble();
    expect(far.nextDouble()).toBe(SEED_42_SAMPLE_AFTER_MILLION_WORDS);
  });

  it("matches randn(100) bit for bit, including draws where V8's Math.log differs from glibc's", () => {
    expect(normals(new NumpyRandomState(42), 100)).toEqual(SEED_42_NORMALS);
  });

  it("stays on NumPy's normal stream, every bit of 4·10^5 draws", () => {
    const generator = new NumpyRandomState(12345);
    const out = new Float64Array(400_000);
    generator.fillStandardNormal(out);
    expect(SEED_12345_NORMALS_EVERY_40000.map((_, k) => out[39_999 + 40_000 * k])).toEqual(SEED_12345_NORMALS_EVERY_40000);
    const words = new Uint32Array(out.buffer); // little-endian: low word first, as "<u4" in NumPy
    const xor = { low: 0, high: 0 };
    for (let k = 0; k < words.length; k += 2) {
      xor.low ^= words[k];
      xor.high ^= words[k + 1];
    }
    expect({ low: xor.low >>> 0, high: xor.high >>> 0 }).toEqual(SEED_12345_NORMALS_XOR);
    expect(generator.getState()).toMatchObject(SEED_12345_STATE_AFTER_400000_NORMALS);
  });

  it("rounds normals to float32 the way astype(float32) does", () => {
    const out = new Float32Array(4);
    new NumpyRandomState(42).fillStandardNormal(out);
    expect(Array.from(out)).toEqual(SEED_42_NORMALS.slice(0, 4).map(Math.fround));
  });

  it("draws normals with mean 0 and variance 1", () => {
    const draws = normals(new NumpyRandomState(1), 100_000);
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it("matches permutation(10) and the words it consumes", () => {
    const generator = new NumpyRandomState(42);
    expect(Array.from(generator.permutation(10))).toEqual(SEED_42_PERMUTATION_10);
    expect(generator.getState().pos).toBe(SEED_42_POS_AFTER_PERMUTATION_10);
  });

  it("matches permutation(20640), scikit-learn's train_test_split(random_state=42) order for California Housing", () => {
    const generator = new NumpyRandomState(42);
    const permutation = generator.permutation(20640);
    expect(Array.from(permutation.subarray(0, 10))).toEqual(SEED_42_PERMUTATION_20640.head);
    expect(Array.from(permutation.subarray(-10))).toEqual(SEED_42_PERMUTATION_20640.tail);
    expect(new Set(permutation).size).toBe(20640);
    const state = generator.getState();
    expect(Array.from(state.key.subarray(0, 3))).toEqual(SEED_42_PERMUTATION_20640.keyHead);
    expect(Array.from(state.key.subarray(-3))).toEqual(SEED_42_PERMUTATION_20640.keyTail);
    expect(state.pos).toBe(SEED_42_PERMUTATION_20640.pos);
  });

  it("draws random_interval(max) in [0, max] by masked rejection", () => {
    const generator = new NumpyRandomState(42);
    expect(generator.randomInterval(0)).toBe(0);
    expect(generator.getState().pos).toBe(624);
    // mask 0xffffffff never rejects, so the draw is the next word itself.
    expect(generator.randomInterval(0xffffffff)).toBe(SEED_42_WORDS[0]);
    // mask 7 keeps the low 3 bits of each word and skips those above 5.
    const lowBits = SEED_42_WORDS.slice(1).map((word) => word & 7);
    expect(generator.randomInterval(5)).toBe(lowBits.find((value) => value <= 5));
    expect(() => generator.randomInterval(-1)).toThrow(RangeError);
  });

  it.each(SEED_42_BERNOULLI)("matches binomial(1, $p, size=20) and uses one random_sample per draw", ({ p, draws }) => {
    const generator = new NumpyRandomState(42);
    expect(bernoulli(generator, p, 20)).toEqual(draws);
    expect(generator.getState().pos).toBe(40);
  });

  it("rejects probabilities outside [0, 1]", () => {
    const generator = new NumpyRandomState(42);
    expect(() => bernoulli(generator, 1.5, 1)).toThrow(RangeError);
    expect(() => bernoulli(generator, Number.NaN, 1)).toThrow(RangeError);
  });

  it("matches randn(3, 2), binomial(1, 0.5, 5), randn(2) in sequence", () => {
    const generator = new NumpyRandomState(42);
    expect(normals(generator, 6)).toEqual(SEED_42_MIXED_EVEN.normals);
    expect(bernoulli(generator, 0.5, 5)).toEqual(SEED_42_MIXED_EVEN.bernoulli);
    expect(normals(generator, 2)).toEqual(SEED_42_MIXED_EVEN.moreNormals);
    expect(generator.getState()).toMatchObject(SEED_42_MIXED_EVEN.stateAfter);
  });

  it("keeps the cached normal across binomial draws, as legacy gauss does", () => {
    const generator = new NumpyRandomState(42);
    expect(normals(generator, 3)).toEqual(SEED_42_MIXED_ODD.normals);
    expect(generator.getState()).toMatchObject(SEED_42_MIXED_ODD.stateAfterNormals);
    expect(bernoulli(generator, 0.5, 5)).toEqual(SEED_42_MIXED_ODD.bernoulli);
    expect(normals(generator, 2)).toEqual(SEED_42_MIXED_ODD.moreNormals);
    expect(generator.getState()).toMatchObject(SEED_42_MIXED_ODD.stateAfter);
  });
});
