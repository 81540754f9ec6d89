import { describe, expect, it } from "vitest";
import { philox4x32 } from "./philox.js";

function words(counter: readonly number[], key: readonly number[]): number[] {
  const out = new Uint32Array(4);
  philox4x32(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out);
  return [...out];
}

describe("philox4x32", () => {
  // Random123's known-answer vectors (its tests/kat_vectors) for Philox4x32-10.
  it("matches the Random123 known answers for a zero, an all-ones and the π counter and key", () => {
    expect(words([0, 0, 0, 0], [0, 0])).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
    expect(words([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff])).toEqual([0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]);
    expect(words([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0])).toEqual([0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
  });
});
