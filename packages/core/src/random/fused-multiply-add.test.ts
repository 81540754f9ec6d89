import { expect, it } from "vitest";
import { fusedMultiplyAdd } from "./fused-multiply-add.js";

// [a, b, c, a·b + c rounded once], the exact value computed with Python's fractions.Fraction.
const CASES: [number, number, number, number][] = [
  [0.9120685437784988, 0.8956549741186988, -0.0008868972645463826, 0.8160118307078642],
  [-0.8302560096821567, 0.6709977562588991, 0.0004719399781370466, -0.556627979639057],
  [0.3394608028804418, -0.3837270848217116, 0.0002118883313569249, -0.13004841596919267],
  [0.21360346728167579, 0.16240803422400618, -0.0006832342594903888, 0.034007684965158394],
  // (1 + 2⁻³⁰)(1 − 2⁻³⁰) − 1 = −2⁻⁶⁰: a separate multiply would round the product to 1 and give 0.
  [1.0000000009313226, 0.9999999990686774, -1, -8.673617379884035e-19],
];

it("rounds a·b + c once, like a hardware fused multiply-add", () => {
  for (const [a, b, c, expected] of CASES) expect(fusedMultiplyAdd(a, b, c)).toBe(expected);
  expect(1.0000000009313226 * 0.9999999990686774 - 1).toBe(0);
});
