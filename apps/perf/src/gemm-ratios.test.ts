import { describe, expect, it } from "vitest";
import type { GemmRow } from "./gemm-bench.js";
import { gemmRatios } from "./gemm-ratios.js";

const row = (backend: string, shape: string, gflops: number, threads = 2, dtype: "float32" | "float64" = "float32"): GemmRow => ({
  backend,
  dtype,
  threads,
  shape,
  gflops,
  secondsMedian: 1,
  runs: 5,
  cpuModel: "AMD EPYC",
  nativeIsa: backend === "nabla/native" ? "avx512" : null,
});

describe("gemmRatios", () => {
  it("divides Nabla's fastest backend's GFLOP/s by each peer's, product by product", () => {
    const rows = [row("nabla/native", "X·W", 400), row("nabla/wasm", "X·W", 100), row("numpy", "X·W", 320), row("torch", "X·W", 500)];
    expect(gemmRatios(rows).map((r) => [r.peer.backend, r.nabla.backend, r.ratio])).toEqual([
      ["numpy", "nabla/native", 1.25],
      ["torch", "nabla/native", 0.8],
    ]);
  });

  it("pairs rows only of the same product, dtype and thread count", () => {
    const rows = [row("nabla/native", "X·W", 400, 1), row("nabla/native", "Xᵀ·G", 300, 2), row("nabla/native", "X·W", 200, 2, "float64"), row("numpy", "X·W", 100, 2)];
    expect(gemmRatios(rows)).toEqual([]);
  });
});
