import { describe, expect, it } from "vitest";
import { Mt19937, MT19937_STATE_LENGTH } from "./mt19937.js";
import { SEED_42_STATE, SEED_42_STATE_AFTER_ONE_SAMPLE, SEED_42_WORDS } from "./numpy-fixtures.js";

describe("Mt19937", () => {
  it("seeds the key like RandomState(42) (init_genrand) and waits to twist", () => {
    const state = new Mt19937(42).getState();
    expect(state.key.length).toBe(MT19937_STATE_LENGTH);
    expect(Array.from(state.key.subarray(0, 5))).toEqual(SEED_42_STATE.keyHead);
    expect(Array.from(state.key.subarray(-3))).toEqual(SEED_42_STATE.keyTail);
    expect(state.pos).toBe(SEED_42_STATE.pos);
  });

  it("produces NumPy's first tempered words for seed 42", () => {
    const generator = new Mt19937(42);
    expect(Array.from({ length: 10 }, () => generator.nextUint32())).toEqual(SEED_42_WORDS);
  });

  it("twists the whole key before the first word, as NumPy's state shows after one random_sample", () => {
    const generator = new Mt19937(42);
    generator.nextUint32();
    generator.nextUint32();
    const state = generator.getState();
    expect(Array.from(state.key.subarray(0, 3))).toEqual(SEED_42_STATE_AFTER_ONE_SAMPLE.keyHead);
    expect(Array.from(state.key.subarray(-2))).toEqual(SEED_42_STATE_AFTER_ONE_SAMPLE.keyTail);
    expect(state.pos).toBe(SEED_42_STATE_AFTER_ONE_SAMPLE.pos);
  });

  it("hands out copies of its state", () => {
    const generator = new Mt19937(42);
    generator.getState().key[0] = 0;
    expect(generator.getState().key[0]).toBe(42);
  });

  it("rejects seeds RandomState rejects: negative, fractional, or past 2^32 − 1", () => {
    expect(() => new Mt19937(-1)).toThrow(RangeError);
    expect(() => new Mt19937(1.5)).toThrow(RangeError);
    expect(() => new Mt19937(2 ** 32)).toThrow(/between 0 and 2\*\*32 - 1/);
    expect(() => new Mt19937(2 ** 32 - 1)).not.toThrow();
  });
});
