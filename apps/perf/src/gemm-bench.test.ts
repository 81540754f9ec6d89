import { describe, expect, it } from "vitest";
import { cifarGemmShapes, gemmGflops } from "./gemm-bench.js";

describe("cifarGemmShapes", () => {
  it("are the forward, weight-gradient and input-gradient products of a 3072→100 layer", () => {
    expect(cifarGemmShapes(50000).map(({ name, m, n, k, transposeA, transposeB }) => [name, m, n, k, transposeA, transposeB])).toEqual([
      ["forward", 50000, 100, 3072, false, false],
      ["weight-gradient", 3072, 100, 50000, true, false],
      ["input-gradient", 50000, 3072, 100, false, true],
    ]);
  });

  it("counts a multiply-add as two flops: the forward product at full size is 30.72 GFLOP", () => {
    expect(gemmGflops(cifarGemmShapes(50000)[0], 1)).toBeCloseTo(30.72, 10);
    expect(gemmGflops(cifarGemmShapes(50000)[0], 0.5)).toBeCloseTo(61.44, 10);
  });
});
