import { describe, expect, it } from "vitest";
import { LINEAR_PARALLEL_MULTIPLY_ADDS, PARALLEL_MIN_MULTIPLY_ADDS, ROW_QUANTUM, planGemmRows, planLinearRows, planElementwise } from "./gemm-plan.js";

describe("planGemmRows", () => {
  it("keeps a small product on one thread", () => {
    expect(planGemmRows(100, 100, 100, 2)).toEqual([{ start: 0, end: 100 }]);
    expect(100 * 100 * 100).toBeLessThan(PARALLEL_MIN_MULTIPLY_ADDS);
  });

  it("splits the CIFAR-10 products into equal row ranges per thread", () => {
    expect(planGemmRows(50000, 100, 3072, 2)).toEqual([
      { start: 0, end: 25000 },
      { start: 25000, end: 50000 },
    ]);
    // The weight gradient Xᵀ·G: 3072 rows of input features.
    expect(planGemmRows(3072, 100, 50000, 4)).toEqual([
      { start: 0, end: 768 },
      { start: 768, end: 1536 },
      { start: 1536, end: 2304 },
      { start: 2304, end: 3072 },
    ]);
  });

  it("covers every row exactly once in whole quanta, only the last range ragged", () => {
    for (const [m, threads] of [[1001, 3], [13, 8], [4099, 16], [5, 2]] as const) {
      const ranges = planGemmRows(m, 1000, 1000, threads);
      expect(ranges[0].start).toBe(0);
      expect(ranges[ranges.length - 1].end).toBe(m);
      ranges.forEach((range, i) => {
        expect(range.end).toBeGreaterThan(range.start);
        if (i > 0) expect(range.start).toBe(ranges[i - 1].end);
        if (i < ranges.length - 1) expect(range.end % ROW_QUANTUM).toBe(0);
      });
      expect(ranges.length).toBe(Math.min(threads, Math.ceil(m / ROW_QUANTUM)));
    }
  });

  it("plans nothing for an empty output", () => {
    expect(planGemmRows(0, 10, 10, 2)).toEqual([]);
    expect(planGemmRows(10, 0, 10, 2)).toEqual([]);
  });
});

describe("planLinearRows", () => {
  it("keeps a layer on one thread until each thread would get enough multiply-adds", () => {
    // 16 512 rows of a 16→16 layer: 4.2 million multiply-adds, four threads' worth.
    expect(planLinearRows(16512, 256, 1)).toEqual([{ start: 0, end: 16512 }]);
    expect(planLinearRows(16512, 256, 2)).toEqual([
      { start: 0, end: 8256 },
      { start: 8256, end: 16512 },
    ]);
    expect(planLinearRows(4099, 256, 2)).toEqual([{ start: 0, end: 4099 }]);
    expect(4099 * 256).toBeLessThan(2 * LINEAR_PARALLEL_MULTIPLY_ADDS);
  });

  it("plans one empty range for no rows, so the weight gradient still writes its zeros", () => {
    expect(planLinearRows(0, 256, 2)).toEqual([{ start: 0, end: 0 }]);
  });
});

describe("planElementwise", () => {
  it("keeps small arrays on one thread and cuts large ones into equal ranges of whole pairs", () => {
    expect(planElementwise(1000, 4)).toEqual([{ start: 0, end: 1000 }]);
    const ranges = planElementwise(100001, 2);
    expect(ranges).toEqual([{ start: 0, end: 50002 }, { start: 50002, end: 100001 }]);
    expect(planElementwise(0, 2)).toEqual([]);
  });
});
