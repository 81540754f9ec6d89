import { describe, expect, it } from "vitest";
import { erf } from "./erf.js";

// math.erf of CPython (the C library's erf) at the same points.
const POINTS: readonly [number, number][] = [
  [1e-10, 1.1283791670955126e-10],
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [2, 0.9953222650189527],
  [2.9, 0.9999589021219005],
  [3, 0.9999779095030014],
  [4, 0.9999999845827421],
];

describe("erf", () => {
  it("agrees with the C library within 4 ulps on both sides of the series/continued-fraction switch", () => {
    for (const [x, expected] of POINTS) {
      expect(Math.abs(erf(x) - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * expected);
      expect(erf(-x)).toBe(-erf(x));
    }
  });

  it("keeps signed zeros, saturates at ±1 and passes NaN through", () => {
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(Object.is(erf(0), 0)).toBe(true);
    expect([erf(6), erf(1e300), erf(Infinity), erf(-Infinity)]).toEqual([1, 1, 1, -1]);
    expect(erf(Number.NaN)).toBeNaN();
  });
});
