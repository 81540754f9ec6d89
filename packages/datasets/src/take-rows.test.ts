import { describe, expect, it } from "vitest";
import { takeRows } from "./take-rows.js";

describe("takeRows", () => {
  const data = {
    features: new Float32Array([0, 1, 10, 11, 20, 21, 30, 31]),
    rows: 4,
    cols: 2,
    targets: new Int32Array([5, 6, 7, 8]),
  };

  it("gathers rows in the given order, keeping the array types", () => {
    const taken = takeRows(data, [3, 0, 3]);
    expect(taken.rows).toBe(3);
    expect(taken.cols).toBe(2);
    expect(taken.features).toBeInstanceOf(Float32Array);
    expect(taken.targets).toBeInstanceOf(Int32Array);
    expect([...taken.features]).toEqual([30, 31, 0, 1, 30, 31]);
    expect([...taken.targets]).toEqual([8, 5, 8]);
  });

  it("rejects an index outside the table", () => {
    expect(() => takeRows(data, [0, 4])).toThrow("index 4 at position 1 is outside 0..3");
  });
});
