import { describe, expect, it } from "vitest";
import { glibcLog } from "./glibc-log.js";

// [x, log(x)] from Python's math.log (glibc 2.36, FMA build) on this machine. The first six are
// inputs where V8's Math.log differs in the last bit: the reason this port exists.
const GLIBC_LOGS: [number, number][] = [
  [0.7217629231756851, -0.3260585552641849],
  [0.24349723356952457, -1.4126496976348124],
  [0.6748113446718249, -0.39332211654911575],
  [0.5704293345425039, -0.5613659831846086],
  [0.5848764099076629, -0.5363547191850048],
  [0.8166209331901302, -0.20258026585489322],
  [0.13522987986828883, -2.0007791348483033],
  [0.8475863032002955, -0.16536261222741316],
  [1e-310, -713.8013788281542],
  [0.9999999, -1.0000000494736474e-7],
  [1.0000001, 9.999999505838704e-8],
  [123456.789, 11.723646487185881],
];

describe("glibcLog", () => {
  it("returns glibc's log bit for bit, including where Math.log differs, near 1 and for subnormals", () => {
    for (const [x, expected] of GLIBC_LOGS) expect(glibcLog(x)).toBe(expected);
    expect(GLIBC_LOGS.slice(0, 6).every(([x, expected]) => Math.log(x) !== expected)).toBe(true);
  });

  it("handles the special values like log does", () => {
    expect(glibcLog(1)).toBe(0);
    expect(glibcLog(0)).toBe(-Infinity);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(Infinity)).toBe(Infinity);
  });
});
